//! Measures the full-scale seed (733,000 volunteers) into a SQLite file. Not a timed
//! assertion: run it on purpose and read the printed durations.
//!
//! `cargo test -p quntuan-youth --test full_seed -- --ignored --nocapture`

use std::time::Instant;

use quntuan_kit::{Progress, Scale, SubgraphService, connect};
use quntuan_youth::Youth;

#[tokio::test]
#[ignore = "loads the full scale (about a million rows); run on purpose to measure"]
async fn full_scale_seed_into_sqlite() {
    let dir = std::env::temp_dir().join(format!("quntuan-youth-full-{}", std::process::id()));
    let path = dir.join("youth.sqlite");
    let db = connect(&format!("sqlite:{}", path.display()))
        .await
        .expect("sqlite opens");
    Youth.migrate(&db).await.expect("migrations apply");
    let started = Instant::now();
    Youth
        .seed(&db, Scale::Full, &Progress::stderr())
        .await
        .expect("full seed loads");
    println!(
        "youth full-scale seed into SQLite: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let schema = quntuan_youth::build_schema(db);
    let response = schema
        .execute(r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) { ... on Region { youth { branchCount volunteerCount youthHomeCount activityCount socialWorkerCount awardCount } } } }"#)
        .await;
    println!(
        "{}",
        serde_json::to_string(&response.data).unwrap_or_default()
    );
    let _ = std::fs::remove_dir_all(dir);
}
