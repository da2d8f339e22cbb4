//! Measures the full-scale seed into a SQLite file. Not a timed assertion: run it on
//! purpose and read the printed duration.
//!
//! `cargo test -p quntuan-science --test full_seed -- --ignored --nocapture`

use std::time::Instant;

use quntuan_kit::{Progress, Scale, SubgraphService, connect};
use quntuan_science::Science;

#[tokio::test]
#[ignore = "loads the full scale; run on purpose to measure"]
async fn full_scale_seed_into_sqlite() {
    let dir = std::env::temp_dir().join(format!("quntuan-science-full-{}", std::process::id()));
    let path = dir.join("science.sqlite");
    let db = connect(&format!("sqlite:{}", path.display()))
        .await
        .expect("sqlite opens");
    Science.migrate(&db).await.expect("migrations apply");
    let started = Instant::now();
    Science
        .seed(&db, Scale::Full, &Progress::stderr())
        .await
        .expect("full seed loads");
    println!(
        "science full-scale seed into SQLite: {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let schema = quntuan_science::build_schema(db);
    let response = schema
        .execute(r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) { ... on Region { science { associationCount workstationCount activityCount awardCount } } } }"#)
        .await;
    println!(
        "{}",
        serde_json::to_string(&response.data).unwrap_or_default()
    );
    let _ = std::fs::remove_dir_all(dir);
}
