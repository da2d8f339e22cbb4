//! The mutation: a valid activity is written in one transaction and answered in full; a
//! rejected one answers a typed error (`extensions.code`) and changes nothing.

mod common;

use serde_json::{Value, json};

const COUNTS: &str = r#"{ scienceActivities { totalCount } _entities(representations: [{__typename: "Region", code: "510104"}]) { ... on Region { science { activityCount activityParticipantCount } } } }"#;

const RECORD: &str = "mutation($input: RecordScienceActivityInput!) { recordScienceActivity(input: $input) { id title kind organization heldOn participantCount region { code } association { id } serviceCenter { id } } }";

async fn counts(f: &common::Fixture) -> Value {
    f.run(common::anonymous(), COUNTS, json!({})).await["data"].clone()
}

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

fn rejected(message: &str, code: &str) -> Value {
    let column = RECORD
        .find("recordScienceActivity")
        .map(|i| i + 1)
        .unwrap_or(0);
    json!({
        "data": null,
        "errors": [{
            "message": message,
            "locations": [{ "line": 1, "column": column }],
            "path": ["recordScienceActivity"],
            "extensions": { "code": code }
        }]
    })
}

#[tokio::test]
async fn recording_an_activity_writes_it_and_counts_it() {
    let f = common::seeded().await;
    let before = counts(&f).await;
    let response = f
        .run(
            common::anonymous(),
            RECORD,
            input("科普讲座", "2025-05-18", 120, Some("science-unit-000002")),
        )
        .await;
    assert_eq!(
        response,
        json!({ "data": { "recordScienceActivity": {
            "id": "science-act-000016",
            "title": "玉林社区科普讲座",
            "kind": "科普讲座",
            "organization": "SCIENCE",
            "heldOn": "2025-05-18",
            "participantCount": 120,
            "region": { "code": "510104003001" },
            "association": { "id": "science-unit-000002" },
            "serviceCenter": { "id": "sc-510104003" }
        }}})
    );
    let figures = &before["_entities"][0]["science"];
    assert_eq!(
        counts(&f).await,
        json!({
            "scienceActivities": { "totalCount": 16 },
            "_entities": [{ "science": {
                "activityCount": figures["activityCount"].as_i64().unwrap_or(0) + 1,
                "activityParticipantCount": figures["activityParticipantCount"].as_i64().unwrap_or(0) + 120
            }}]
        })
    );
}

#[tokio::test]
async fn rejected_activities_change_nothing() {
    let f = common::seeded().await;
    let before = counts(&f).await;
    let cases = [
        (
            input("广场舞", "2025-05-18", 10, None),
            rejected(
                "`kind` must be one of 科普讲座, 科技周展览, 青少年科创营, 科普进社区, got `广场舞`",
                "BAD_USER_INPUT",
            ),
        ),
        (
            input("科普讲座", "1999-12-31", 10, None),
            rejected(
                "`heldOn` must be on or after 2000-01-01, got 1999-12-31",
                "BAD_USER_INPUT",
            ),
        ),
        (
            input("科普讲座", "2025-05-18", -3, None),
            rejected(
                "`participantCount` must be between 1 and 100000, got -3",
                "BAD_USER_INPUT",
            ),
        ),
        (
            input("科普讲座", "2025-05-18", 10, Some("science-unit-000999")),
            rejected(
                "no science association with id `science-unit-000999`",
                "NOT_FOUND",
            ),
        ),
        (
            input("科普讲座", "2025-05-18", 10, Some("youth-unit-000001")),
            rejected(
                "`associationId` is not an association id: `youth-unit-000001`",
                "BAD_USER_INPUT",
            ),
        ),
    ];
    for (variables, expected) in cases {
        assert_eq!(
            f.run(common::anonymous(), RECORD, variables).await,
            expected
        );
    }
    assert_eq!(counts(&f).await, before);
}
