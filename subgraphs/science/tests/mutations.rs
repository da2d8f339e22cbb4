//! The mutation: a valid activity is written in one transaction and answered in full; a
//! rejected one answers a typed error (`extensions.code`) and changes nothing.

mod common;

use quntuan_kit::testing::{Refusal, assert_refusals_change_nothing};
use serde_json::{Value, json};

// Written in full, with the figures before and after (one activity and 120 participants
// more).
quntuan_kit::fixture_folder_test!(recording_an_activity_writes_it_and_counts_it, on common::seeded().await.schema);

const COUNTS: &str = r#"{ scienceActivities { totalCount } _entities(representations: [{__typename: "Region", code: "510104"}]) { ... on Region { science { activityCount activityParticipantCount } } } }"#;

const RECORD: &str = "mutation($input: RecordScienceActivityInput!) { recordScienceActivity(input: $input) { id title kind organization heldOn participantCount region { code } association { id } serviceCenter { id } } }";

fn input(kind: &str, held_on: &str, participants: i64, association: Option<&str>) -> Value {
    json!({ "input": {
        "title": " 玉林社区科普讲座 ",
        "kind": kind,
        "heldOn": held_on,
        "participantCount": participants,
        "regionCode": "510104003001",
        "associationId": association,
        "serviceCenterId": "sc-510104003"
    }})
}

#[tokio::test]
async fn rejected_activities_change_nothing() {
    let f = common::seeded().await;
    let refused =
        |variables, code, message| Refusal::new(common::anonymous(), variables, code, message);
    assert_refusals_change_nothing(&f.schema, RECORD, [
        refused(
            input("广场舞", "2025-05-18", 10, None),
            "BAD_USER_INPUT",
            "`kind` must be one of 科普讲座, 科技周展览, 青少年科创营, 科普进社区, got `广场舞`",
        ),
        refused(
            input("科普讲座", "1999-12-31", 10, None),
            "BAD_USER_INPUT",
            "`heldOn` must be on or after 2000-01-01, got 1999-12-31",
        ),
        refused(
            input("科普讲座", "2025-05-18", -3, None),
            "BAD_USER_INPUT",
            "`participantCount` must be between 1 and 100000, got -3",
        ),
        refused(
            input("科普讲座", "2025-05-18", 10, Some("science-unit-000999")),
            "NOT_FOUND",
            "no science association with id `science-unit-000999`",
        ),
        refused(
            input("科普讲座", "2025-05-18", 10, Some("youth-unit-000001")),
            "BAD_USER_INPUT",
            "`associationId` is not an association id: `youth-unit-000001`",
        ),
    ], COUNTS)
    .await;
}
