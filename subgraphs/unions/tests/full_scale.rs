//! The full-scale seed (ignored by default: it writes ~60,000 rows). Run with
//! `cargo test -p quntuan-unions --test full_scale -- --ignored --nocapture`; it prints
//! the time the seed took and checks the figures of DOMAIN.md.

use quntuan_kit::testing::full_scale_answer;
use quntuan_unions::Unions;
use quntuan_unions::graphql::build;
use serde_json::json;

const FIGURES: &str = r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) {
    ... on Region { unions {
        grassrootsUnionCount modelWorkersHomeCount disputeCount certificateCount
        medalCount socialWorkerCount laborSocialOrganizationCount activityCount } } } }"#;

#[tokio::test]
#[ignore = "slow: seeds the full data set"]
async fn full_scale_seed_has_the_domain_figures() {
    assert_eq!(
        full_scale_answer(&Unions, build, FIGURES).await,
        json!({"data": {"_entities": [{"unions": {
            "grassrootsUnionCount": 31_700,
            "modelWorkersHomeCount": 1_647,
            "disputeCount": 7_859,
            "certificateCount": 99,
            "medalCount": 558,
            "socialWorkerCount": 485,
            "laborSocialOrganizationCount": 72,
            "activityCount": 3_000
        }}]}})
    );
}
