//! Concurrent writes all commit: 8 clients x 10 `recordRightsAssistance` each through the
//! schema, on a database many connections share (a SQLite file, or PostgreSQL when
//! DATABASE_URL is set). Every distinct record commits exactly once with its own id; the
//! record every client submits at once commits once and is otherwise refused with
//! `CONFLICT`; no other table changes. (Women has no summary table: its region figures
//! are live aggregates of the rows counted here.)

mod common;

use std::collections::BTreeSet;

use quntuan_kit::testing::region_summary::plus_rows;
use quntuan_kit::testing::{
    WRITES, answered_ids, assert_committed, assert_one_client_won, clients_writing,
    execute_as_client, shared_seeded_database, test_schema_options,
};
use quntuan_women::Women;
use quntuan_women::graphql::{WomenSchema, build_with};
use serde_json::{Value, json};

const RECORD: &str = r#"mutation($input: RecordRightsAssistanceInput!) {
    recordRightsAssistance(input: $input) { id } }"#;

/// Client `client`'s write `n`: a record on its own case (distinct), or, for n = 9, the
/// same record every other client submits too.
fn input(client: usize, n: usize) -> Value {
    let (dispute, kind) = if n == 9 {
        ("unions-dispute-000019".to_string(), "LEGAL_AID")
    } else {
        (
            format!("unions-dispute-{:06}", 1000 + client * WRITES + n),
            "HARDSHIP_RELIEF",
        )
    };
    json!({"input": {
        "disputeId": dispute, "organizationId": "women-unit-000002", "kind": kind,
        "note": "为女职工联系法律援助律师", "assistedOn": "2025-06-30"
    }})
}

async fn write(schema: WomenSchema, client: usize, n: usize) -> Value {
    execute_as_client(&schema, client, RECORD, input(client, n)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_clients_commit_every_valid_write_exactly_once() {
    let shared = shared_seeded_database(&Women).await;
    let schema = build_with(shared.db.clone(), test_schema_options());
    let before = common::row_counts(&shared.db).await;

    let results = clients_writing(&schema, write).await;

    assert_committed(&results, 0..9);
    let winner = results
        .iter()
        .find_map(|r| r[9].pointer("/data/recordRightsAssistance/id"))
        .and_then(Value::as_str)
        .expect("one client records the shared assistance");
    let refused = format!(
        "CONFLICT: `women-unit-000002` already recorded this assistance on \
         `unions-dispute-000019` for 2025-06-30 (`{winner}`)"
    );
    assert_one_client_won(&results, 9, &refused);

    // 10 seeded records, then 72 distinct ones and the shared one: ids 11 to 83, once each.
    let ids: BTreeSet<String> = (11..=83).map(|n| format!("women-assist-{n:06}")).collect();
    assert_eq!(answered_ids(&results, "recordRightsAssistance"), ids);
    let expected = plus_rows(&before, &[("rights_assistance", 73)]);
    assert_eq!(common::row_counts(&shared.db).await, expected);
}
