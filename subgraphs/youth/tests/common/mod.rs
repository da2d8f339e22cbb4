//! Shared setup: a migrated, demo-seeded database (SQLite in memory, or a fresh PostgreSQL
//! schema when DATABASE_URL is set) and helpers to run operations as a given caller.

#![allow(dead_code)]

use async_graphql::{Request, Variables};
use quntuan_kit::{Caller, Progress, Scale, StatementCounter, SubgraphService, test_database};
use quntuan_youth::{Youth, YouthSchema, build_schema};
use serde_json::Value;

pub(crate) struct Fixture {
    pub(crate) schema: YouthSchema,
    pub(crate) counter: StatementCounter,
}

pub(crate) async fn seeded() -> Fixture {
    let mut db = test_database().await;
    Youth.migrate(&db).await.expect("migrations apply");
    Youth
        .seed(&db, Scale::Demo, &Progress::hidden())
        .await
        .expect("demo seed loads");
    let counter = StatementCounter::attach(&mut db);
    Fixture {
        schema: build_schema(db),
        counter,
    }
}

pub(crate) fn anonymous() -> Caller {
    Caller::anonymous()
}

pub(crate) fn officer() -> Caller {
    Caller::new("officer-1", &["youth:personal"])
}

impl Fixture {
    /// The whole response (data and errors) as JSON.
    pub(crate) async fn run(&self, caller: Caller, query: &str, variables: Value) -> Value {
        let request = Request::new(query)
            .variables(Variables::from_json(variables))
            .data(caller);
        let response = self.schema.execute(request).await;
        serde_json::to_value(&response).expect("response serialises")
    }
}
