//! The `rateService` mutation (the centres' lists and lookups are cases in
//! `tests/fixtures/queries`).

mod common;

use quntuan_kit::Caller;
use quntuan_kit::testing::{Refusal, assert_refusals};
use serde_json::{Value, json};

const RATE: &str = r#"mutation($input: RateServiceInput!) {
  rateService(input: $input) { score organization comment serviceCenter { id ratingCount averageScore } }
}"#;

const HALL_02: &str = r#"{ serviceCenter(id: "sc-hall-02") { ratingCount averageScore ratings { totalCount items { score organization comment } } } }"#;

#[tokio::test]
async fn rating_a_centre_records_the_rating_and_updates_its_totals() {
    let s = common::seeded().await;
    let first = s
        .run(
            Caller::new("resident-a", &[]),
            RATE,
            json!({ "input": { "serviceCenterId": "sc-hall-02", "score": 4, "organization": "YOUTH", "comment": "  活动很好  " } }),
        )
        .await;
    assert_eq!(
        first,
        json!({ "data": { "rateService": {
            "score": 4, "organization": "YOUTH", "comment": "活动很好",
            "serviceCenter": { "id": "sc-hall-02", "ratingCount": 1, "averageScore": 4.0 }
        } } })
    );
    s.run(
        common::anonymous(),
        RATE,
        json!({ "input": { "serviceCenterId": "sc-hall-02", "score": 5 } }),
    )
    .await;
    let ratings = s.query(HALL_02).await;
    assert_eq!(ratings["data"]["serviceCenter"]["ratingCount"], json!(2));
    assert_eq!(ratings["data"]["serviceCenter"]["averageScore"], json!(4.5));
    let mut items = ratings["data"]["serviceCenter"]["ratings"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // Both were rated within the same second or two; compare as a set.
    items.sort_by_key(|i| i["score"].as_i64());
    assert_eq!(
        items,
        vec![
            json!({ "score": 4, "organization": "YOUTH", "comment": "活动很好" }),
            json!({ "score": 5, "organization": null, "comment": null }),
        ]
    );
}

#[tokio::test]
async fn invalid_ratings_are_refused_and_change_nothing() {
    let s = common::seeded().await;
    let before = s.query(HALL_02).await;
    let refused = |input: Value, code, message| {
        Refusal::new(
            common::anonymous(),
            json!({ "input": input }),
            code,
            message,
        )
    };
    assert_refusals(
        &s.schema,
        RATE,
        [
            refused(
                json!({ "serviceCenterId": "sc-hall-02", "score": 6 }),
                "BAD_USER_INPUT",
                "`score` must be between 1 and 5, got 6",
            ),
            refused(
                json!({ "serviceCenterId": "sc-hall-02", "score": 3, "comment": "好".repeat(501) }),
                "BAD_USER_INPUT",
                "`comment` must be at most 500 characters, got 501",
            ),
            refused(
                json!({ "serviceCenterId": "sc-nowhere", "score": 3 }),
                "NOT_FOUND",
                "no service centre with id `sc-nowhere`",
            ),
        ],
    )
    .await;
    // `before` is the case centers_a_centre_without_ratings of the fixture folder.
    assert_eq!(s.query(HALL_02).await, before);
}
