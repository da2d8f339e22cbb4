//! The full-scale seed (ignored by default: it writes ~95,000 rows). Run with
//! `cargo test -p quntuan-women --test full_scale -- --ignored --nocapture`; it prints
//! the time the seed took and checks the figures of DOMAIN.md.

use quntuan_kit::testing::full_scale_answer;
use quntuan_women::Women;
use quntuan_women::graphql::build;
use serde_json::json;

const FIGURES: &str = r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) {
    ... on Region { women {
        organizationCount womensHomeCount childrensHomeCount socialOrganizationCount
        chairAndViceChairCount executiveMemberCount redBannerCollectiveCount
        activityCount assistedDisputeCount } } } }"#;

#[tokio::test]
#[ignore = "slow: seeds the full data set"]
async fn full_scale_seed_has_the_domain_figures() {
    assert_eq!(
        full_scale_answer(&Women, build, FIGURES).await,
        json!({"data": {"_entities": [{"women": {
            "organizationCount": 4_726,
            "womensHomeCount": 4_448,
            "childrensHomeCount": 4_033,
            "socialOrganizationCount": 368,
            "chairAndViceChairCount": 12_000,
            "executiveMemberCount": 62_000,
            "redBannerCollectiveCount": 20,
            "activityCount": 2_400,
            "assistedDisputeCount": 640
        }}]}})
    );
}
