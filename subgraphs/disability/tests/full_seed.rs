//! Measures the full-scale seed into a SQLite file. Not a timed assertion: run it on
//! purpose and read the printed duration.
//!
//! `cargo test -p quntuan-disability --test full_seed -- --ignored --nocapture`

use std::time::Instant;

use quntuan_disability::Disability;
use quntuan_kit::{Progress, Scale, SubgraphService, connect};

#[tokio::test]
#[ignore = "loads the full scale; run on purpose to measure"]
async fn full_scale_seed_into_sqlite() {
    let dir = std::env::temp_dir().join(format!("quntuan-disability-full-{}", std::process::id()));
    let path = dir.join("disability.sqlite");
    let db = connect(&format!("sqlite:{}", path.display()))
        .await
        .expect("sqlite opens");
    Disability.migrate(&db).await.expect("migrations apply");
    let started = Instant::now();
    Disability
        .seed(&db, Scale::Full, &Progress::stderr())
        .await
        .expect("full seed loads");
    println!(
        "disability full-scale seed into SQLite: {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let schema = quntuan_disability::build_schema(db);
    let response = schema
        .execute(r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) { ... on Region { disability { organizationCount workerCount registeredPersonCount serviceCount awardCount } } } }"#)
        .await;
    println!(
        "{}",
        serde_json::to_string(&response.data).unwrap_or_default()
    );
    let _ = std::fs::remove_dir_all(dir);
}
