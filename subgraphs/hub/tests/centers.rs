//! Service centres, ratings and the `rateService` mutation.

mod common;

use quntuan_kit::Caller;
use serde_json::{Value, json};

#[tokio::test]
async fn lists_centres_of_a_district() {
    let s = common::seeded().await;
    let response = s
        .run(r#"{ serviceCenters(regionCode: "510105", limit: 3) { totalCount items { id name kind regionCode streetCode districtCode openedOn ratingCount averageScore } } }"#)
        .await;
    assert_eq!(
        response,
        json!({ "data": { "serviceCenters": { "totalCount": 5, "items": [
            { "id": "sc-510105", "name": "青羊区一体化枢纽型群团服务中心", "kind": "DISTRICT_HUB",
              "regionCode": "510105001", "streetCode": "510105001", "districtCode": "510105",
              "openedOn": "2021-09-30", "ratingCount": 0, "averageScore": null },
            { "id": "sc-510105001", "name": "晋阳街道党群服务中心", "kind": "STREET_CENTER",
              "regionCode": "510105001", "streetCode": "510105001", "districtCode": "510105",
              "openedOn": "2023-12-30", "ratingCount": 0, "averageScore": null },
            { "id": "sc-510105002", "name": "柏合街道党群服务中心", "kind": "STREET_CENTER",
              "regionCode": "510105002", "streetCode": "510105002", "districtCode": "510105",
              "openedOn": "2018-04-21", "ratingCount": 0, "averageScore": null }
        ] } } })
    );
}

#[tokio::test]
async fn there_are_sixteen_demonstration_halls() {
    let s = common::seeded().await;
    let response = s
        .run("{ serviceCenters(kind: DEMONSTRATION_HALL, limit: 3) { totalCount items { id name kind regionCode region { name } ratingCount averageScore } } }")
        .await;
    assert_eq!(
        response,
        json!({ "data": { "serviceCenters": { "totalCount": 16, "items": [
            { "id": "sc-hall-01", "name": "锦江区新民社区示范性群团综合服务体验馆", "kind": "DEMONSTRATION_HALL",
              "regionCode": "510104001001", "region": { "name": "新民社区" }, "ratingCount": 1, "averageScore": 5.0 },
            { "id": "sc-hall-02", "name": "青羊区太平社区示范性群团综合服务体验馆", "kind": "DEMONSTRATION_HALL",
              "regionCode": "510105002001", "region": { "name": "太平社区" }, "ratingCount": 0, "averageScore": null },
            { "id": "sc-hall-03", "name": "金牛区龙井社区示范性群团综合服务体验馆", "kind": "DEMONSTRATION_HALL",
              "regionCode": "510106003001", "region": { "name": "龙井社区" }, "ratingCount": 1, "averageScore": 3.0 }
        ] } } })
    );
}

const RATE: &str = r#"mutation($input: RateServiceInput!) {
  rateService(input: $input) { score organization comment serviceCenter { id ratingCount averageScore } }
}"#;

const HALL_02: &str = r#"{ serviceCenter(id: "sc-hall-02") { ratingCount averageScore ratings { totalCount items { score organization comment } } } }"#;

#[tokio::test]
async fn rating_a_centre_records_the_rating_and_updates_its_totals() {
    let s = common::seeded().await;
    let first = s
        .run_as(
            RATE,
            json!({ "input": { "serviceCenterId": "sc-hall-02", "score": 4, "organization": "YOUTH", "comment": "  活动很好  " } }),
            Caller::new("resident-a", &[]),
        )
        .await;
    assert_eq!(
        first,
        json!({ "data": { "rateService": {
            "score": 4, "organization": "YOUTH", "comment": "活动很好",
            "serviceCenter": { "id": "sc-hall-02", "ratingCount": 1, "averageScore": 4.0 }
        } } })
    );
    s.run_with(
        RATE,
        json!({ "input": { "serviceCenterId": "sc-hall-02", "score": 5 } }),
    )
    .await;
    let ratings = s.run(HALL_02).await;
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

async fn assert_rejected(s: &common::Seeded, input: Value, message: &str, code: &str) {
    let response = s.run_with(RATE, json!({ "input": input })).await;
    assert_eq!(
        response,
        json!({ "data": null, "errors": [{
            "message": message,
            "locations": [{ "line": 2, "column": 3 }],
            "path": ["rateService"],
            "extensions": { "code": code }
        }] })
    );
}

#[tokio::test]
async fn invalid_ratings_are_refused_and_change_nothing() {
    let s = common::seeded().await;
    let before = s.run(HALL_02).await;
    assert_rejected(
        &s,
        json!({ "serviceCenterId": "sc-hall-02", "score": 6 }),
        "`score` must be between 1 and 5, got 6",
        "BAD_USER_INPUT",
    )
    .await;
    assert_rejected(
        &s,
        json!({ "serviceCenterId": "sc-hall-02", "score": 3, "comment": "好".repeat(501) }),
        "`comment` must be at most 500 characters, got 501",
        "BAD_USER_INPUT",
    )
    .await;
    assert_rejected(
        &s,
        json!({ "serviceCenterId": "sc-nowhere", "score": 3 }),
        "no service centre with id `sc-nowhere`",
        "NOT_FOUND",
    )
    .await;
    assert_eq!(s.run(HALL_02).await, before);
    assert_eq!(
        before,
        json!({ "data": { "serviceCenter": { "ratingCount": 0, "averageScore": null, "ratings": { "totalCount": 0, "items": [] } } } })
    );
}

#[tokio::test]
async fn centres_resolve_as_entities() {
    let s = common::seeded().await;
    let response = s
        .run_with(
            "query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ServiceCenter { id name kind region { name } } } }",
            json!({ "reps": [
                { "__typename": "ServiceCenter", "id": "sc-510100" },
                { "__typename": "ServiceCenter", "id": "sc-missing" },
                { "__typename": "ServiceCenter", "id": "sc-510104001" }
            ] }),
        )
        .await;
    assert_eq!(
        response,
        json!({ "data": { "_entities": [
            { "id": "sc-510100", "name": "成都市一体化枢纽型群团服务中心", "kind": "CITY_HUB", "region": { "name": "书院街道" } },
            null,
            { "id": "sc-510104001", "name": "书院街道党群服务中心", "kind": "STREET_CENTER", "region": { "name": "书院街道" } }
        ] } })
    );
}

/// Entity ids are `ID!` in every subgraph (the federation convention), so clients and the
/// gateway pass them in `ID!` variables; the stored text comes back unchanged.
#[tokio::test]
async fn a_centre_is_found_by_an_id_variable() {
    let s = common::seeded().await;
    let query = "query($id: ID!) { serviceCenter(id: $id) { id name } }";
    let found = s.run_with(query, json!({ "id": "sc-hall-02" })).await;
    assert_eq!(
        found,
        json!({ "data": { "serviceCenter": { "id": "sc-hall-02", "name": "青羊区太平社区示范性群团综合服务体验馆" } } })
    );
    let missing = s.run_with(query, json!({ "id": "sc-nowhere" })).await;
    assert_eq!(missing, json!({ "data": { "serviceCenter": null } }));
}
