//! Mutations: whole responses on success; on refusal a typed error (`extensions.code`) and
//! an unchanged database.

mod common;

use common::{clerk, officer, row_counts, run, seeded_schema};
use quntuan_kit::testing::{
    Refusal, assert_fixture_folder, assert_one_of_two_applies, assert_refusals, changed_input,
    fixture_dir, rows_of,
};
use serde_json::{Value, json};

const REGISTER: &str = r#"mutation($input: RegisterGrassrootsUnionInput!) {
    registerGrassrootsUnion(input: $input) {
        id name kind unionKind regionCode streetCode districtCode foundedOn memberCount
        chairName chairPhone serviceCenter { id } workersHomes { id }
    }
}"#;

fn union_input() -> Value {
    json!({
        "name": "成都蓉新物流有限公司工会",
        "kind": "ENTERPRISE",
        "regionCode": "510116001001",
        "memberCount": 86,
        "foundedOn": "2025-06-18",
        "chairName": "李华",
        "chairPhone": "13900001111",
        "serviceCenterId": "sc-510116001"
    })
}

#[tokio::test]
async fn registers_a_grassroots_union() {
    let (schema, db) = seeded_schema().await;
    let response = run(
        &schema,
        officer(),
        REGISTER,
        json!({"input": union_input()}),
    )
    .await;
    assert_eq!(
        response,
        json!({"data": {"registerGrassrootsUnion": {
            "id": "unions-unit-000061",
            "name": "成都蓉新物流有限公司工会",
            "kind": "企业工会",
            "unionKind": "ENTERPRISE",
            "regionCode": "510116001001",
            "streetCode": "510116001",
            "districtCode": "510116",
            "foundedOn": "2025-06-18",
            "memberCount": 86,
            "chairName": "李华",
            "chairPhone": "13900001111",
            "serviceCenter": {"id": "sc-510116001"},
            "workersHomes": []
        }}})
    );
    let counts = row_counts(&db).await;
    assert_eq!(counts[0], ("grassroots_union".to_string(), 61));
    let figures = run(
        &schema,
        clerk(),
        r#"{ _entities(representations: [{__typename: "Region", code: "510116001001"}]) {
            ... on Region { unions { grassrootsUnionCount memberCount } } } }"#,
        json!({}),
    )
    .await;
    assert_eq!(
        figures,
        json!({"data": {"_entities": [{"unions": {"grassrootsUnionCount": 3, "memberCount": 566}}]}})
    );
}

#[tokio::test]
async fn refused_registrations_change_nothing() {
    let (schema, db) = seeded_schema().await;
    let before = row_counts(&db).await;
    let refused = |changes, code, message| {
        Refusal::new(
            officer(),
            changed_input(union_input(), changes),
            code,
            message,
        )
    };
    assert_refusals(&schema, REGISTER, [
        refused(json!({"name": "  "}), "BAD_USER_INPUT", "`name` must not be empty"),
        refused(
            json!({"regionCode": "510116"}),
            "BAD_USER_INPUT",
            "`regionCode` must be the code of a street (9 digits) or community (12 digits) of Chengdu, got `510116`",
        ),
        refused(
            json!({"memberCount": 0}),
            "BAD_USER_INPUT",
            "`memberCount` must be between 1 and 1000000, got 0",
        ),
        refused(
            json!({"foundedOn": "2025-07-02"}),
            "BAD_USER_INPUT",
            "`foundedOn` must not be in the future, got 2025-07-02 (today is 2025-07-01)",
        ),
        refused(
            json!({"chairPhone": "0288888888"}),
            "BAD_USER_INPUT",
            "`chairPhone` must be an 11-digit mobile number starting with 1, got `0288888888`",
        ),
        refused(
            json!({"serviceCenterId": "sc-nowhere"}),
            "BAD_USER_INPUT",
            "`serviceCenterId` `sc-nowhere` is not a shared service centre (ids look like `sc-510104001`)",
        ),
        refused(
            json!({"name": "公平街道卫生院工会", "regionCode": "510116001001"}),
            "CONFLICT",
            "region `510116001001` already has a grassroots union named `公平街道卫生院工会` (`unions-unit-000001`)",
        ),
        Refusal::unsigned(changed_input(union_input(), json!({}))),
    ])
    .await;
    assert_eq!(row_counts(&db).await, before);
}

const RECEIVE: &str = r#"mutation($input: ReceiveLaborDisputeInput!) {
    receiveLaborDispute(input: $input) {
        id caseNumber title category workerCount amountClaimedYuan status allowedNextStatuses
        receivedOn updatedAt claimantName regionCode union { id } serviceCenter { id }
        steps { seq fromStatus toStatus note recordedBy recordedAt }
    }
}"#;

const STEP: &str = r#"mutation($input: RecordLaborDisputeStepInput!) {
    recordLaborDisputeStep(input: $input) {
        dispute { id status allowedNextStatuses updatedAt steps { seq fromStatus toStatus note recordedBy } }
        step { seq fromStatus toStatus note recordedBy recordedAt }
    }
}"#;

fn dispute_input() -> Value {
    let mut input = common::dispute("510116001002", Some("unions-unit-000001"));
    input["serviceCenterId"] = json!("sc-510116001");
    input["note"] = json!("三名快递员反映两个月工资未发");
    input
}

fn step(dispute_id: &str, to: &str, note: &str) -> Value {
    json!({"input": {"disputeId": dispute_id, "toStatus": to, "note": note}})
}

// Received by an officer, then moved to MEDIATING and RESOLVED by a clerk: each step's
// whole response, in the folder's order on one database.
quntuan_kit::fixture_folder_test!(a_case_moves_through_mediation, on common::seeded().await.schema);

#[tokio::test]
async fn illegal_transitions_are_conflicts_that_change_nothing() {
    let (schema, db) = seeded_schema().await;
    // unions-dispute-000003 is RESOLVED (final); unions-dispute-000019 is RECEIVED.
    let before = row_counts(&db).await;
    // The two conflicts answer the statuses involved (`extensions`), whole.
    let conflicts = fixture_dir(env!("CARGO_MANIFEST_DIR"), "illegal_transitions");
    assert_fixture_folder(&schema, &conflicts).await;
    assert_refusals(
        &schema,
        STEP,
        [
            Refusal::new(
                clerk(),
                step("unions-dispute-999999", "MEDIATING", "x"),
                "NOT_FOUND",
                "no labour dispute with id `unions-dispute-999999`",
            ),
            Refusal::new(
                clerk(),
                step("unions-dispute-000019", "MEDIATING", " "),
                "BAD_USER_INPUT",
                "`note` must not be empty",
            ),
            Refusal::unsigned(step("unions-dispute-000019", "MEDIATING", "x")),
        ],
    )
    .await;
    let refused = |changes, message| {
        Refusal::new(
            officer(),
            changed_input(dispute_input(), changes),
            "BAD_USER_INPUT",
            message,
        )
    };
    assert_refusals(&schema, RECEIVE, [
        refused(
            json!({"claimantIdNumber": "110105194912310021"}),
            "`claimantIdNumber` must be an 18-character resident ID number with a valid check digit",
        ),
        refused(
            json!({"unionId": "unions-unit-999999"}),
            "`unionId` `unions-unit-999999` is not a grassroots union of this subgraph",
        ),
    ])
    .await;
    assert_eq!(row_counts(&db).await, before);
    let statuses = run(
        &schema,
        clerk(),
        r#"{ a: laborDispute(id: "unions-dispute-000003") { status steps { seq } }
             b: laborDispute(id: "unions-dispute-000019") { status steps { seq } } }"#,
        json!({}),
    )
    .await;
    assert_eq!(
        statuses,
        json!({"data": {
            "a": {"status": "RESOLVED", "steps": [{"seq": 1}, {"seq": 2}, {"seq": 3}]},
            "b": {"status": "RECEIVED", "steps": [{"seq": 1}]}
        }})
    );
}

#[tokio::test]
async fn concurrent_steps_on_one_case_apply_once() {
    let (schema, db) = seeded_schema().await;
    let before = row_counts(&db).await;
    let mediate = |note| step("unions-dispute-000019", "MEDIATING", note);
    let two_mediators = [
        (clerk(), mediate("甲调解员接案")),
        (officer(), mediate("乙调解员接案")),
    ];
    assert_one_of_two_applies(&schema, STEP, two_mediators).await;
    let steps = |counts: &[(String, i64)]| rows_of(counts, "labor_dispute_step");
    assert_eq!(steps(&row_counts(&db).await), steps(&before) + 1);
}
