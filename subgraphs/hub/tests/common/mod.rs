//! A migrated hub database seeded with the demo data, and helpers to run queries.

#![allow(dead_code, unreachable_pub)]

use async_graphql::{Request, Variables};
use quntuan_hub::Hub;
use quntuan_hub::schema::{HubSchema, build};
use quntuan_kit::{Caller, Progress, Scale, StatementCounter, SubgraphService, test_database};
use sea_orm::DatabaseConnection;
use serde_json::Value;

pub struct Seeded {
    pub db: DatabaseConnection,
    pub schema: HubSchema,
    pub counter: StatementCounter,
}

/// A fresh database (SQLite memory, or a PostgreSQL schema with DATABASE_URL), migrated
/// and seeded at demo scale, with a statement counter attached.
pub async fn seeded() -> Seeded {
    let mut db = test_database().await;
    let counter = StatementCounter::attach(&mut db);
    if let Err(err) = Hub.migrate(&db).await {
        panic!("{err}");
    }
    if let Err(err) = Hub.seed(&db, Scale::Demo, &Progress::hidden()).await {
        panic!("{err}");
    }
    let schema = build(db.clone());
    counter.reset();
    Seeded {
        db,
        schema,
        counter,
    }
}

impl Seeded {
    /// Runs `query` as an anonymous caller; returns `{ data, errors? }` as JSON.
    pub async fn run(&self, query: &str) -> Value {
        self.run_as(query, Value::Null, Caller::anonymous()).await
    }

    pub async fn run_with(&self, query: &str, variables: Value) -> Value {
        self.run_as(query, variables, Caller::anonymous()).await
    }

    pub async fn run_as(&self, query: &str, variables: Value, caller: Caller) -> Value {
        let request = Request::new(query)
            .variables(Variables::from_json(variables))
            .data(caller);
        let response = self.schema.execute(request).await;
        match serde_json::to_value(&response) {
            Ok(v) => v,
            Err(err) => panic!("response is not JSON: {err}"),
        }
    }
}
