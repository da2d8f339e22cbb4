//! Measures the full-scale seed (733,000 volunteers) into a SQLite file, and the dashboard's
//! `Region.youth` figures for the 20 districts on it. Not a timed assertion: run it on
//! purpose and read the printed durations.
//!
//! `cargo test -p quntuan-youth --test full_seed -- --ignored --nocapture`

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use quntuan_kit::region::COUNTIES;
use quntuan_kit::testing::full_scale_database;
use quntuan_youth::Youth;
use serde_json::json;

const DASHBOARD: &str = r#"query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { youth { branchCount memberCount volunteerCount serviceHours youthHomeCount activityCount activityParticipantCount socialWorkerCount awardCount } } } }"#;

const ROUNDS: usize = 50;

#[tokio::test]
#[ignore = "loads the full scale (about a million rows); run on purpose to measure"]
async fn full_scale_seed_into_sqlite() {
    let full = full_scale_database(&Youth).await;
    let mut db = full.db.clone();

    // The time SQLite spends in each statement, as sea-orm reports it.
    let spent: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let sink = spent.clone();
    db.set_metric_callback(move |info| {
        if let Ok(mut list) = sink.lock() {
            list.push(info.elapsed);
        }
    });
    let schema = quntuan_youth::build_schema(db);
    let reps: Vec<_> = COUNTIES
        .iter()
        .map(|c| json!({ "__typename": "Region", "code": c.code }))
        .collect();
    let mut requests = Vec::with_capacity(ROUNDS);
    let mut statements = Vec::with_capacity(ROUNDS);
    let mut first = None;
    for _ in 0..ROUNDS {
        if let Ok(mut list) = spent.lock() {
            list.clear();
        }
        let request = async_graphql::Request::new(DASHBOARD)
            .variables(async_graphql::Variables::from_json(json!({ "reps": reps })));
        let began = Instant::now();
        let response = schema.execute(request).await;
        requests.push(began.elapsed());
        assert!(response.errors.is_empty(), "{:?}", response.errors);
        let listed = spent.lock().map(|l| l.clone()).unwrap_or_default();
        assert_eq!(listed.len(), 1, "one figures statement per request");
        statements.push(listed.iter().sum());
        first.get_or_insert(response.data);
    }
    println!(
        "Region.youth for the 20 districts over {ROUNDS} requests: figures statement {}; whole request (with the 5 ms batching window) {}",
        summary(statements),
        summary(requests)
    );
    let data = first.map(|d| d.into_json().unwrap_or_default());
    println!("{}", serde_json::to_string(&data).unwrap_or_default());
}

fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    format!(
        "median {:.2} ms, p95 {:.2} ms",
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3
    )
}
