//! Whole responses of the read API on the seeded demo data.

mod common;

use common::{clerk, run, seeded_schema, sorted};
use quntuan_kit::testing::error_response;
use serde_json::json;

#[tokio::test]
async fn lists_grassroots_unions_of_a_district_page_by_page() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"query($filter: GrassrootsUnionFilter, $offset: Int!) {
        grassrootsUnions(filter: $filter, limit: 3, offset: $offset) {
            totalCount
            items { id name kind unionKind regionCode streetCode districtCode foundedOn
                    memberCount serviceCenter { id } workersHomes { id name modelLevel } }
        }
    }"#;
    let first = run(
        &schema,
        clerk(),
        query,
        json!({"filter": {"regionCode": "510118"}, "offset": 0}),
    )
    .await;
    insta::assert_json_snapshot!("unions_in_xinjin_page_1", sorted(first));
    let second = run(
        &schema,
        clerk(),
        query,
        json!({"filter": {"regionCode": "510118"}, "offset": 3}),
    )
    .await;
    insta::assert_json_snapshot!("unions_in_xinjin_page_2", sorted(second));
}

#[tokio::test]
async fn filters_unions_by_kind_and_name() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"{
        enterprise: grassrootsUnions(filter: {kind: ENTERPRISE}, limit: 1) { totalCount }
        federations: grassrootsUnions(filter: {kind: COMMUNITY_FEDERATION}, limit: 2) {
            totalCount items { id name unionKind }
        }
        named: grassrootsUnions(filter: {nameContains: "联合会"}, limit: 1) { totalCount }
        literal: grassrootsUnions(filter: {nameContains: "%"}, limit: 1) { totalCount }
    }"#;
    let response = run(&schema, clerk(), query, json!({})).await;
    insta::assert_json_snapshot!("unions_by_kind_and_name", sorted(response));
}

#[tokio::test]
async fn region_figures_count_the_region_and_everything_below_it() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            ... on Region {
                code
                unions {
                    grassrootsUnionCount memberCount workersHomeCount modelWorkersHomeCount
                    nationalModelWorkersHomeCount provincialModelWorkersHomeCount
                    cityModelWorkersHomeCount disputeCount openDisputeCount
                    resolved: disputeCount(status: RESOLVED)
                    disputesByStatus { status count }
                    awardCount certificateCount medalCount socialWorkerCount craftsmanCount
                    laborSocialOrganizationCount activityCount activityParticipantCount
                }
            }
        }
    }"#;
    let representations: Vec<_> = [
        "510100",
        "510116",
        "510115001",
        "510115001001",
        "510115001002",
        "510199",
        "bogus",
    ]
    .iter()
    .map(|code| json!({"__typename": "Region", "code": code}))
    .collect();
    let response = run(
        &schema,
        clerk(),
        query,
        json!({"representations": representations}),
    )
    .await;
    insta::assert_json_snapshot!("region_figures", sorted(response));
}

#[tokio::test]
async fn lists_disputes_with_their_steps_newest_first() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"{
        laborDisputes(filter: {status: REFERRED_TO_ARBITRATION}, limit: 2) {
            totalCount
            items {
                id caseNumber title category workerCount amountClaimedYuan status
                allowedNextStatuses receivedOn updatedAt regionCode
                union { id name } serviceCenter { id }
                steps { seq fromStatus toStatus note recordedBy recordedAt }
            }
        }
        open: laborDisputes(filter: {status: MEDIATING, regionCode: "510100"}, limit: 1) {
            totalCount items { id status allowedNextStatuses }
        }
        recent: laborDisputes(filter: {receivedFrom: "2025-01-01", category: WAGE_ARREARS}, limit: 1) {
            totalCount
        }
    }"#;
    let response = run(&schema, clerk(), query, json!({})).await;
    insta::assert_json_snapshot!("disputes_with_steps", sorted(response));
}

#[tokio::test]
async fn lists_awards_activities_homes_workers_craftsmen_and_organisations() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"{
        unionAwards(filter: {kind: CERTIFICATE}, limit: 2) {
            totalCount items { id title recipientUnit year awardKind regionCode }
        }
        medals: unionAwards(filter: {kind: MEDAL, year: 2020}, limit: 1) { totalCount }
        unionActivities(limit: 2) {
            totalCount items { id title kind heldOn participantCount serviceCenter { id } }
        }
        workersHomes(filter: {model: true}, limit: 2) {
            totalCount items { id name modelLevel areaSqm openedOn union { id name } }
        }
        national: workersHomes(filter: {modelLevel: NATIONAL}) { totalCount }
        unionSocialWorkers(limit: 2) {
            totalCount items { id specialty hiredOn union { id } serviceCenter { id } }
        }
        craftsmen(filter: {level: CITY}, limit: 2) {
            totalCount items { id trade level employer honouredYear }
        }
        laborSocialOrganizations(limit: 2) {
            totalCount items { id name field registeredOn serviceCenter { id } }
        }
    }"#;
    let response = run(&schema, clerk(), query, json!({})).await;
    insta::assert_json_snapshot!("other_lists", sorted(response));
}

#[tokio::test]
async fn resolves_directory_entities_and_service_centres() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            __typename
            ... on GrassrootsUnion { id name kind memberCount }
            ... on UnionActivity { id title heldOn }
            ... on UnionAward { id title recipientUnit }
            ... on LaborDispute { id status }
            ... on ServiceCenter {
                id
                unions {
                    workersHomes { id } socialWorkers { id } laborSocialOrganizations { id }
                    activities { id } disputeCount openDisputeCount
                }
            }
        }
    }"#;
    let representations = json!([
        {"__typename": "GrassrootsUnion", "id": "unions-unit-000001"},
        {"__typename": "UnionActivity", "id": "unions-act-000002"},
        {"__typename": "UnionAward", "id": "unions-award-0004"},
        {"__typename": "LaborDispute", "id": "unions-dispute-000003"},
        {"__typename": "GrassrootsUnion", "id": "unions-unit-999999"},
        {"__typename": "ServiceCenter", "id": "sc-510106001"},
        {"__typename": "ServiceCenter", "id": "sc-510116"},
        {"__typename": "ServiceCenter", "id": "sc-510104001"},
    ]);
    let response = run(
        &schema,
        clerk(),
        query,
        json!({"representations": representations}),
    )
    .await;
    insta::assert_json_snapshot!("entities", sorted(response));
}

#[tokio::test]
async fn bad_pagination_and_region_codes_are_bad_user_input() {
    let (schema, _db) = seeded_schema().await;
    let response = run(
        &schema,
        clerk(),
        r#"{ grassrootsUnions(limit: 0) { totalCount } }"#,
        json!({}),
    )
    .await;
    assert_eq!(
        response,
        error_response(
            "BAD_USER_INPUT",
            "`limit` must be between 1 and 100, got 0",
            "grassrootsUnions"
        )
    );
    let response = run(
        &schema,
        clerk(),
        r#"{ laborDisputes(filter: {regionCode: "4401"}) { totalCount } }"#,
        json!({}),
    )
    .await;
    assert_eq!(
        response,
        error_response(
            "BAD_USER_INPUT",
            "`regionCode` `4401` is not a division code of Chengdu: expected 510100, a county code (6 digits), a street code (9) or a community code (12)",
            "laborDisputes"
        )
    );
}
