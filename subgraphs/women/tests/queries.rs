//! Whole responses of the read API on the seeded demo data.

mod common;

use common::{clerk, run, seeded_schema, sorted};
use quntuan_kit::testing::error_response;
use serde_json::json;

#[tokio::test]
async fn lists_organizations_of_a_district_with_their_homes() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"query($offset: Int!) {
        womenOrganizations(filter: {regionCode: "510121"}, limit: 3, offset: $offset) {
            totalCount
            items {
                id name kind organizationKind organization regionCode streetCode districtCode
                foundedOn memberCount region { code }
                womensHomes { id name areaSqm openedOn serviceCenter { id } }
                childrensHomes { id name capacity }
            }
        }
    }"#;
    let first = run(&schema, clerk(), query, json!({"offset": 0})).await;
    insta::assert_json_snapshot!("organizations_in_jintang_page_1", sorted(first));
    let second = run(&schema, clerk(), query, json!({"offset": 3})).await;
    insta::assert_json_snapshot!("organizations_in_jintang_page_2", sorted(second));
}

#[tokio::test]
async fn region_figures_count_the_region_and_everything_below_it() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            ... on Region {
                code
                women {
                    organizationCount memberCount womensHomeCount childrensHomeCount
                    childrensHomeCapacity socialOrganizationCount socialOrganizationFundingYuan
                    officerCount chairAndViceChairCount executiveMemberCount
                    redBannerCollectiveCount activityCount activityParticipantCount
                    rightsAssistanceCount assistedDisputeCount
                }
            }
        }
    }"#;
    let representations: Vec<_> = [
        "510100",
        "510121",
        "510121003",
        "510121003001",
        "510113",
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
async fn lists_homes_officers_awards_activities_and_social_organizations() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"{
        womensHomes(filter: {regionCode: "510181"}, limit: 2) {
            totalCount items { id name organization { id name } activities { id title } }
        }
        childrensHomes(filter: {serviceCenterId: "sc-510181003"}) {
            totalCount items { id name capacity openedOn regionCode }
        }
        womenOfficers(filter: {organizationId: "women-unit-000001"}) {
            totalCount items { id role termStartedOn organization { id } }
        }
        chairs: womenOfficers(filter: {role: CHAIR}, limit: 1) { totalCount }
        viceChairs: womenOfficers(filter: {role: VICE_CHAIR}, limit: 1) { totalCount }
        womenAwards(limit: 2) {
            totalCount items { id title recipientUnit recipientPerson year organization regionCode }
        }
        womenActivities(filter: {regionCode: "510115"}, limit: 3) {
            totalCount
            items { id title kind heldOn participantCount womensHome { id } serviceCenter { id } }
        }
        readings: womenActivities(filter: {kind: "亲子阅读"}) { totalCount }
        womenSocialOrganizations(limit: 2) {
            totalCount items { id name field supportedSince fundingYuan regionCode }
        }
    }"#;
    let response = run(&schema, clerk(), query, json!({})).await;
    insta::assert_json_snapshot!("other_lists", sorted(response));
}

#[tokio::test]
async fn resolves_directory_entities_disputes_and_service_centres() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            __typename
            ... on WomenOrganization { id name kind memberCount }
            ... on WomenActivity { id title heldOn }
            ... on WomenAward { id title recipientUnit year }
            ... on LaborDispute {
                id
                rightsAssistance {
                    id kind assistedOn recordedBy recordedAt regionCode
                    dispute { id } organization { id name }
                }
            }
            ... on ServiceCenter {
                id
                women { womensHomes { id } childrensHomes { id } activities { id } }
            }
        }
    }"#;
    let representations = json!([
        {"__typename": "WomenOrganization", "id": "women-unit-000001"},
        {"__typename": "WomenActivity", "id": "women-act-000003"},
        {"__typename": "WomenAward", "id": "women-award-0002"},
        {"__typename": "LaborDispute", "id": "unions-dispute-000035"},
        {"__typename": "LaborDispute", "id": "unions-dispute-000001"},
        {"__typename": "WomenOrganization", "id": "women-unit-999999"},
        {"__typename": "ServiceCenter", "id": "sc-510131001"},
        {"__typename": "ServiceCenter", "id": "sc-510104"},
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
async fn lists_rights_assistance_by_case_and_region() {
    let (schema, _db) = seeded_schema().await;
    let query = r#"{
        byCase: rightsAssistanceRecords(filter: {disputeId: "unions-dispute-000039"}) {
            totalCount items { id kind assistedOn organization { id } }
        }
        byRegion: rightsAssistanceRecords(filter: {regionCode: "510105"}) {
            totalCount items { id dispute { id } }
        }
        legalAid: rightsAssistanceRecords(filter: {kind: LEGAL_AID}) { totalCount }
    }"#;
    let response = run(&schema, clerk(), query, json!({})).await;
    insta::assert_json_snapshot!("assistance_lists", sorted(response));
}

#[tokio::test]
async fn bad_pagination_and_region_codes_are_bad_user_input() {
    let (schema, _db) = seeded_schema().await;
    let response = run(
        &schema,
        clerk(),
        r#"{ womensHomes(offset: -1) { totalCount } }"#,
        json!({}),
    )
    .await;
    assert_eq!(
        response,
        error_response(
            "BAD_USER_INPUT",
            "`offset` must be 0 or more, got -1",
            "womensHomes"
        )
    );
    let response = run(
        &schema,
        clerk(),
        r#"{ womenOfficers(filter: {regionCode: "51012"}) { totalCount } }"#,
        json!({}),
    )
    .await;
    assert_eq!(
        response,
        error_response(
            "BAD_USER_INPUT",
            "`regionCode` `51012` is not a division code of Chengdu: expected 510100, a county code (6 digits), a street code (9) or a community code (12)",
            "womenOfficers"
        )
    );
}
