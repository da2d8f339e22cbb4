//! The SDL checks and the macros that declare a crate's shared test helpers and tests.

use async_graphql::Executor;

use crate::auth::Caller;
use crate::service::SubgraphService;

use super::execute;

/// Panics with the drift when the checked-in `schema/NAME.graphql` (under the repository
/// root above `manifest_dir`) is not the SDL `service`'s code generates.
pub fn assert_sdl_snapshot_current(service: &dyn SubgraphService, manifest_dir: &str) {
    let name = service.name();
    let path = crate::sdl::snapshot_path(manifest_dir, name);
    if let Err(drift) = crate::sdl::check_snapshot(name, &service.sdl(), &path) {
        panic!("{drift}");
    }
}

/// Asserts that `schema` answers `_service { sdl }` with the SDL `service` generates.
pub async fn assert_serves_sdl<E: Executor>(schema: &E, service: &dyn SubgraphService) {
    let response = execute(
        schema,
        Caller::anonymous(),
        "{ _service { sdl } }",
        serde_json::json!({}),
    )
    .await;
    assert_eq!(
        response["data"]["_service"]["sdl"],
        serde_json::json!(service.sdl())
    );
}

/// A subgraph's SDL tests: `checked_in_sdl_matches_the_code` ([`assert_sdl_snapshot_current`])
/// and, given a schema expression, `service_sdl_is_the_generated_sdl`
/// ([`assert_serves_sdl`]; the expression is evaluated in an async test, so it may await).
///
/// ```ignore
/// quntuan_kit::sdl_tests!(Youth, served by common::seeded().await.schema);
/// ```
#[macro_export]
macro_rules! sdl_tests {
    ($service:expr $(, served by $schema:expr)? $(,)?) => {
        #[test]
        fn checked_in_sdl_matches_the_code() {
            $crate::testing::assert_sdl_snapshot_current(&$service, env!("CARGO_MANIFEST_DIR"));
        }

        $(
            #[tokio::test]
            async fn service_sdl_is_the_generated_sdl() {
                $crate::testing::assert_serves_sdl(&$schema, &$service).await;
            }
        )?
    };
}

/// The personal-data tests of a crate whose `tests/common` is [`test_helpers!`]:
/// `personal_fields_are_refused_without_the_scope` answers `query` to each `refused` caller
/// and snapshots it as `personal_refused` (nulls and `FORBIDDEN` errors, the same for
/// every one of them); `personal_fields_are_served_with_the_scope` answers it to `served`
/// as `personal_served`. The crate depends on `insta`, `serde_json` and `tokio`.
#[macro_export]
macro_rules! personal_data_tests {
    (query: $query:expr, refused: [$($refused:expr),+ $(,)?], served: $served:expr $(,)?) => {
        #[tokio::test]
        async fn personal_fields_are_refused_without_the_scope() {
            let (schema, _db) = common::seeded_schema().await;
            for caller in [$($refused),+] {
                let response = common::run(&schema, caller, $query, serde_json::json!({})).await;
                insta::assert_json_snapshot!("personal_refused", common::sorted(response));
            }
        }

        #[tokio::test]
        async fn personal_fields_are_served_with_the_scope() {
            let (schema, _db) = common::seeded_schema().await;
            let response = common::run(&schema, $served, $query, serde_json::json!({})).await;
            insta::assert_json_snapshot!("personal_served", common::sorted(response));
        }
    };
}

/// The helpers a subgraph's integration tests share, declared in its `tests/common/mod.rs`
/// over its own schema (a macro: each test binary is its own crate, and the helpers must
/// name that crate's schema type):
///
/// ```ignore
/// quntuan_kit::test_helpers!(Unions, UnionsSchema, build, "unions", ["grassroots_union", ...]);
/// ```
///
/// declares `seeded_database()`, `seeded_schema() -> (schema, db)`, `counted_schema() ->
/// (schema, counter)`, `officer()` (the organisation's personal scope), `clerk()` (no scope),
/// `run(&schema, caller, query, variables)`, `row_counts(&db)` over the tables, and
/// re-exports `sorted`.
#[macro_export]
macro_rules! test_helpers {
    ($service:expr, $schema:ty, $build:expr, $org:literal, [$($table:literal),* $(,)?]) => {
        #[allow(unused_imports, reason = "each test binary uses a different subset")]
        pub(crate) use $crate::testing::sorted;

        /// A fresh, migrated, demo-seeded database of this subgraph.
        pub(crate) async fn seeded_database() -> sea_orm::DatabaseConnection {
            $crate::testing::seeded_test_database(&$service).await
        }

        /// The schema over a seeded demo database, and the database.
        pub(crate) async fn seeded_schema() -> ($schema, sea_orm::DatabaseConnection) {
            let seeded = $crate::testing::fixture(&$service, $build).await;
            (seeded.schema, seeded.db)
        }

        /// The schema over a seeded demo database whose statements are counted.
        pub(crate) async fn counted_schema() -> ($schema, $crate::StatementCounter) {
            let seeded = $crate::testing::fixture(&$service, $build).await;
            (seeded.schema, seeded.counter)
        }

        /// A caller with the organisation's personal-data scope.
        pub(crate) fn officer() -> $crate::Caller {
            $crate::testing::officer_of($org)
        }

        /// A signed-in caller without any scope.
        pub(crate) fn clerk() -> $crate::Caller {
            $crate::Caller::new("clerk-7", &[])
        }

        /// Runs `query` with `variables` as `caller`; the whole response as JSON.
        pub(crate) async fn run(
            schema: &$schema,
            caller: $crate::Caller,
            query: &str,
            variables: serde_json::Value,
        ) -> serde_json::Value {
            $crate::testing::execute(schema, caller, query, variables).await
        }

        /// The rows of every table of the subgraph, to show a refused write wrote nothing.
        pub(crate) async fn row_counts(db: &sea_orm::DatabaseConnection) -> Vec<(String, i64)> {
            $crate::testing::row_counts(db, &[$($table),*]).await
        }
    };
}

/// A test named after `$suite` that runs the calling crate's fixture folder
/// `tests/fixtures/$suite` on a schema ([`super::assert_fixture_folder`]; the expression is
/// evaluated in an async test, so it may await).
///
/// ```ignore
/// quntuan_kit::fixture_folder_test!(queries, on common::seeded().await.schema);
/// ```
#[macro_export]
macro_rules! fixture_folder_test {
    ($suite:ident, on $schema:expr $(,)?) => {
        #[tokio::test]
        async fn $suite() {
            let dir = $crate::testing::fixture_dir(env!("CARGO_MANIFEST_DIR"), stringify!($suite));
            $crate::testing::assert_fixture_folder(&$schema, &dir).await;
        }
    };
}
