//! The full-scale seed (ignored by default: it writes ~95,000 rows). Run with
//! `cargo test -p quntuan-women --test full_scale -- --ignored --nocapture`; it prints
//! the time the seed took and checks the figures of DOMAIN.md.

use std::time::Instant;

use quntuan_kit::{Progress, Scale, SubgraphService, connect, test_database};
use quntuan_women::Women;
use quntuan_women::graphql::build;
use serde_json::json;

#[tokio::test]
#[ignore = "slow: seeds the full data set"]
async fn full_scale_seed_has_the_domain_figures() {
    // A SQLite file (as `quntuan dev` uses), or PostgreSQL when DATABASE_URL is set.
    let path =
        std::env::temp_dir().join(format!("quntuan-women-full-{}.sqlite", std::process::id()));
    let db = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => test_database().await,
        _ => connect(&format!("sqlite:{}", path.display()))
            .await
            .expect("the SQLite file opens"),
    };
    Women.migrate(&db).await.expect("migrations apply");
    let started = Instant::now();
    Women
        .seed(&db, Scale::Full, &Progress::hidden())
        .await
        .expect("the full seed loads");
    eprintln!("women full-scale seed took {:.2?}", started.elapsed());

    let schema = build(db);
    let response = schema
        .execute(
            r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) {
                ... on Region { women {
                    organizationCount womensHomeCount childrensHomeCount socialOrganizationCount
                    chairAndViceChairCount executiveMemberCount redBannerCollectiveCount
                    activityCount assistedDisputeCount } } } }"#,
        )
        .await;
    let data = response.data.into_json().expect("JSON data");
    assert_eq!(
        data,
        json!({"_entities": [{"women": {
            "organizationCount": 4_726,
            "womensHomeCount": 4_448,
            "childrensHomeCount": 4_033,
            "socialOrganizationCount": 368,
            "chairAndViceChairCount": 12_000,
            "executiveMemberCount": 62_000,
            "redBannerCollectiveCount": 20,
            "activityCount": 2_400,
            "assistedDisputeCount": 640
        }}]})
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
