//! The ignored full-scale tests: a database seeded at [`Scale::Full`], timed, whose figures
//! a test then checks or prints. Run them on purpose (`-- --ignored --nocapture`); the
//! duration is printed, never asserted.

use std::time::Instant;

use super::concurrency::{SharedTestDatabase, shared_test_database};
use crate::scale::Scale;
use crate::seed::Progress;
use crate::service::SubgraphService;

/// A fresh database ([`shared_test_database`]: a SQLite file in a temporary directory, as
/// `quntuan dev` uses, or a PostgreSQL schema when `DATABASE_URL` is set) migrated and
/// seeded at full scale by `service`, printing how long the seed took. The SQLite file is
/// removed when the value is dropped. Panics (failing the test) when a step fails.
pub async fn full_scale_database(service: &dyn SubgraphService) -> SharedTestDatabase {
    let full = shared_test_database().await;
    let name = service.name();
    if let Err(err) = service.migrate(&full.db).await {
        panic!("migrating `{name}` failed: {err}");
    }
    let started = Instant::now();
    if let Err(err) = service
        .seed(&full.db, Scale::Full, &Progress::stderr())
        .await
    {
        panic!("the full-scale seed of `{name}` failed: {err}");
    }
    println!(
        "{name} full-scale seed: {:.2} s",
        started.elapsed().as_secs_f64()
    );
    full
}

/// The whole response of `query` (as an anonymous caller) on the schema `build` makes over
/// a [`full_scale_database`] of `service`: the figures a full-scale test checks. Asserts
/// the response has no errors and prints its data beside the seed's duration.
pub async fn full_scale_answer<S: async_graphql::Executor>(
    service: &dyn SubgraphService,
    build: impl FnOnce(sea_orm::DatabaseConnection) -> S,
    query: &str,
) -> serde_json::Value {
    let full = full_scale_database(service).await;
    let schema = build(full.db.clone());
    let caller = crate::auth::Caller::anonymous();
    let response = super::execute(&schema, caller, query, serde_json::json!({})).await;
    assert_eq!(response.get("errors"), None, "{response}");
    println!(
        "{} full-scale figures: {}",
        service.name(),
        response["data"]
    );
    response
}
