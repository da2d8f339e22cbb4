//! The full-scale seed (ignored by default: it writes ~60,000 rows). Run with
//! `cargo test -p quntuan-unions --test full_scale -- --ignored --nocapture`; it prints
//! the time the seed took and checks the figures of DOMAIN.md.

use std::time::Instant;

use quntuan_kit::{Progress, Scale, SubgraphService, connect, test_database};
use quntuan_unions::Unions;
use quntuan_unions::graphql::build;
use serde_json::json;

#[tokio::test]
#[ignore = "slow: seeds the full data set"]
async fn full_scale_seed_has_the_domain_figures() {
    // A SQLite file (as `quntuan dev` uses), or PostgreSQL when DATABASE_URL is set.
    let path =
        std::env::temp_dir().join(format!("quntuan-unions-full-{}.sqlite", std::process::id()));
    let db = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => test_database().await,
        _ => connect(&format!("sqlite:{}", path.display()))
            .await
            .expect("the SQLite file opens"),
    };
    Unions.migrate(&db).await.expect("migrations apply");
    let started = Instant::now();
    Unions
        .seed(&db, Scale::Full, &Progress::hidden())
        .await
        .expect("the full seed loads");
    eprintln!("unions full-scale seed took {:.2?}", started.elapsed());

    let schema = build(db);
    let response = schema
        .execute(
            r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) {
                ... on Region { unions {
                    grassrootsUnionCount modelWorkersHomeCount disputeCount certificateCount
                    medalCount socialWorkerCount laborSocialOrganizationCount activityCount } } } }"#,
        )
        .await;
    let data = response.data.into_json().expect("JSON data");
    assert_eq!(
        data,
        json!({"_entities": [{"unions": {
            "grassrootsUnionCount": 31_700,
            "modelWorkersHomeCount": 1_647,
            "disputeCount": 7_859,
            "certificateCount": 99,
            "medalCount": 558,
            "socialWorkerCount": 485,
            "laborSocialOrganizationCount": 72,
            "activityCount": 3_000
        }}]})
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
