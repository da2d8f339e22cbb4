//! Concurrent writes all commit: 8 clients x 10 mutations each through the schema, on a
//! database many connections share (a SQLite file, or PostgreSQL when DATABASE_URL is
//! set). Every valid write commits exactly once, the deliberate duplicates (one name, one
//! status step, wanted by every client at once) are refused with `CONFLICT` but once, and
//! the summary equals the live aggregate afterwards.

use std::collections::BTreeSet;

use quntuan_kit::region::CITY_CODE;
use quntuan_kit::testing::region_summary::{figure_changes, plus_rows};
use quntuan_kit::testing::{
    answered_ids, assert_committed, assert_one_client_won, clients_writing, execute_as_client,
    shared_seeded_database, test_schema_options,
};
use serde_json::{Value, json};

use super::summary_tests::{assert_summary_is_exact, table_counts};
use crate::graphql::{UnionsSchema, build_with};
use crate::model::status::LaborDisputeStatus;

/// A community of district 510116, where every write of the test lands (the issue's
/// scenario: many officers of one district at once).
const COMMUNITY: &str = "510116001002";

const REGISTER: &str = r#"mutation($input: RegisterGrassrootsUnionInput!) {
    registerGrassrootsUnion(input: $input) { id name } }"#;
const RECEIVE: &str = r#"mutation($input: ReceiveLaborDisputeInput!) {
    receiveLaborDispute(input: $input) { id status } }"#;
const STEP: &str = r#"mutation($input: RecordLaborDisputeStepInput!) {
    recordLaborDisputeStep(input: $input) { dispute { id status } step { seq } } }"#;

fn union_input(name: &str) -> Value {
    json!({"input": {
        "name": name, "kind": "ENTERPRISE", "regionCode": COMMUNITY, "memberCount": 86,
        "foundedOn": "2025-06-18", "chairName": "李华", "chairPhone": "13900001111"
    }})
}

fn dispute_input() -> Value {
    json!({"input": {
        "title": "拖欠工资纠纷", "category": "WAGE_ARREARS", "workerCount": 3,
        "amountClaimedYuan": 26400, "receivedOn": "2025-06-30", "claimantName": "王芳",
        "claimantPhone": "13800002222", "claimantIdNumber": "11010519491231002X",
        "regionCode": COMMUNITY
    }})
}

/// Client `client`'s write `n`: distinct unions (even `n` below 8) and new cases (odd),
/// then everyone moves the same case to MEDIATING (n = 8) and registers the same name
/// (n = 9).
async fn write(schema: UnionsSchema, contended_case: String, client: usize, n: usize) -> Value {
    match n {
        8 => {
            let step = json!({"input": {
                "disputeId": contended_case, "toStatus": "MEDIATING", "note": "约谈"
            }});
            execute_as_client(&schema, client, STEP, step).await
        }
        9 => execute_as_client(&schema, client, REGISTER, union_input("共享工会")).await,
        n if n % 2 == 0 => {
            let name = format!("并发工会-{client}-{n}");
            execute_as_client(&schema, client, REGISTER, union_input(&name)).await
        }
        _ => execute_as_client(&schema, client, RECEIVE, dispute_input()).await,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_clients_commit_every_valid_write_exactly_once() {
    let shared = shared_seeded_database(&crate::Unions).await;
    let db = shared.db.clone();
    let schema = build_with(db.clone(), test_schema_options());
    let received = execute_as_client(&schema, 0, RECEIVE, dispute_input()).await;
    let contended_case = received
        .pointer("/data/receiveLaborDispute/id")
        .and_then(Value::as_str)
        .map(String::from)
        .expect("the contended case is received");
    assert_eq!(contended_case, "unions-dispute-000041");
    let before = assert_summary_is_exact(&db, &[]).await;
    let counts_before = table_counts(&db).await;

    let case = contended_case.clone();
    let results = clients_writing(&schema, move |schema, client, n| {
        write(schema, case.clone(), client, n)
    })
    .await;

    // Writes 0..8 of every client: all committed.
    assert_committed(&results, 0..8);
    // The contended step and name: one client each wins, the others hear why not.
    let allowed: Vec<&str> = LaborDisputeStatus::Mediating
        .next()
        .iter()
        .map(|s| s.as_str())
        .collect();
    let refused_step = format!(
        "CONFLICT: labour dispute `{contended_case}` cannot move from MEDIATING to MEDIATING; \
         allowed: {}",
        allowed.join(", ")
    );
    let shared_union = results
        .iter()
        .find_map(|r| r[9].pointer("/data/registerGrassrootsUnion/id"))
        .and_then(Value::as_str)
        .expect("one client registers the shared name");
    let refused_name = format!(
        "CONFLICT: region `{COMMUNITY}` already has a grassroots union named `共享工会` \
         (`{shared_union}`)"
    );
    assert_one_client_won(&results, 8, &refused_step);
    assert_one_client_won(&results, 9, &refused_name);
    // Exactly once each: 60 seeded unions, then 32 distinct names and the shared one; 41
    // cases before, then 32 new ones.
    let unions: BTreeSet<String> = (61..=93).map(|n| format!("unions-unit-{n:06}")).collect();
    assert_eq!(answered_ids(&results, "registerGrassrootsUnion"), unions);
    let cases: BTreeSet<String> = (42..=73)
        .map(|n| format!("unions-dispute-{n:06}"))
        .collect();
    assert_eq!(answered_ids(&results, "receiveLaborDispute"), cases);

    // Nothing else changed: 33 unions, 32 cases and 33 steps more; no other table moved.
    let added = [
        ("grassroots_union", 33),
        ("labor_dispute", 32),
        ("labor_dispute_step", 33),
    ];
    let expected = plus_rows(&counts_before, &added);
    assert_eq!(table_counts(&db).await, expected);
    let after = assert_summary_is_exact(&db, &[]).await;
    let delta = |code: &str, table: usize| {
        let key = (code.to_string(), table);
        figure_changes(&after[&key], &before[&key])
    };
    for code in [CITY_CODE, "510116", "510116001", COMMUNITY] {
        assert_eq!(delta(code, 0), vec![33, 33 * 86], "unions of {code}");
        // cases, then received, mediating, resolved, referred, withdrawn.
        assert_eq!(delta(code, 2), vec![32, 31, 1, 0, 0, 0], "cases of {code}");
    }
}
