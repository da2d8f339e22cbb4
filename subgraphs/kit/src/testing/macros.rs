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

/// The helpers a subgraph's integration tests share, declared in its `tests/common/mod.rs`
/// over its own schema (a macro: each test binary is its own crate, and the helpers must
/// name that crate's schema type):
///
/// ```ignore
/// quntuan_kit::test_helpers!(Women, WomenSchema, build, "women", ["women_organization", ...]);
/// quntuan_kit::test_helpers!(Unions, UnionsSchema, build, "unions", quntuan_unions::seed::TABLES);
/// quntuan_kit::test_helpers!(Youth, YouthSchema, build_schema, "youth");
/// ```
///
/// declares `Fixture` (the kit's [`super::Fixture`] of this schema), `seeded() -> Fixture`,
/// `seeded_database()`, `seeded_schema() -> (schema, db)`, `counted_schema() -> (schema,
/// counter)`, `anonymous()`, `officer()` (the organisation's personal scope), `clerk()` (no
/// scope), `run(&schema, caller, query, variables)`, re-exports `sorted`, and, given the
/// tables (an array of names, or the crate's constant of them), `row_counts(&db)` over them.
#[macro_export]
macro_rules! test_helpers {
    ($service:expr, $schema:ty, $build:expr, $org:literal $(, $tables:expr)? $(,)?) => {
        #[allow(unused_imports, reason = "each test binary uses a different subset")]
        pub(crate) use $crate::testing::sorted;

        /// The kit's fixture over this crate's schema.
        pub(crate) type Fixture = $crate::testing::Fixture<$schema>;

        /// The schema over a fresh, migrated, demo-seeded database (SQLite in memory, or a
        /// PostgreSQL schema of its own with `DATABASE_URL`), its statements counted.
        pub(crate) async fn seeded() -> Fixture {
            $crate::testing::fixture(&$service, $build).await
        }

        /// A fresh, migrated, demo-seeded database of this subgraph.
        pub(crate) async fn seeded_database() -> sea_orm::DatabaseConnection {
            $crate::testing::seeded_test_database(&$service).await
        }

        /// The schema over a seeded demo database, and the database.
        pub(crate) async fn seeded_schema() -> ($schema, sea_orm::DatabaseConnection) {
            let seeded = seeded().await;
            (seeded.schema, seeded.db)
        }

        /// The schema over a seeded demo database whose statements are counted.
        pub(crate) async fn counted_schema() -> ($schema, $crate::StatementCounter) {
            let seeded = seeded().await;
            (seeded.schema, seeded.counter)
        }

        /// A caller without a token.
        pub(crate) fn anonymous() -> $crate::Caller {
            $crate::Caller::anonymous()
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

        $(
            /// The rows of every table of the subgraph, to show a refused write wrote nothing.
            pub(crate) async fn row_counts(
                db: &sea_orm::DatabaseConnection,
            ) -> Vec<(String, i64)> {
                $crate::testing::row_counts(db, &$tables).await
            }
        )?
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

/// Batching tests as a table: one test per row, named by it, that runs the row's query once
/// per set of variables on a fresh fixture as `caller` and asserts that each run costs the
/// row's number of SQL statements ([`super::assert_statement_counts`]; the fixture
/// expression is evaluated in the async test, so it may await).
///
/// ```ignore
/// quntuan_kit::statement_tests! {
///     on common::seeded().await, as common::anonymous();
///     /// COUNT + page, then one batch each: branches, region figures.
///     a_page_costs_a_constant_number_of_statements:
///         PAGE, [json!({"limit": 5}), json!({"limit": 30})] => 4;
/// }
/// ```
#[macro_export]
macro_rules! statement_tests {
    (
        on $fixture:expr, as $caller:expr;
        $( $(#[$meta:meta])* $name:ident: $query:expr, [$($variables:expr),+ $(,)?] => $expected:expr; )+
    ) => {
        $(
            $(#[$meta])*
            #[tokio::test]
            async fn $name() {
                let fixture = $fixture;
                $crate::testing::assert_statement_counts(
                    &fixture.schema,
                    &fixture.counter,
                    $caller,
                    $query,
                    [$($variables),+],
                    $expected,
                )
                .await;
            }
        )+
    };
}

/// A crate's personal-data tests: the fixture folder `tests/fixtures/personal` run on a
/// schema (the refused and served cases, [`fixture_folder_test!`](crate::fixture_folder_test))
/// and `the_sdl_marks_every_protected_field_with_its_scope`: for each scope, exactly these
/// fields carry its `@requiresScopes` ([`super::assert_fields_requiring`]).
///
/// ```ignore
/// quntuan_kit::personal_data_tests! {
///     on common::seeded().await.schema, quntuan_science::Science,
///     "science:personal" => ["recipientPerson", "leadExpert", "expertPhone"],
/// }
/// ```
#[macro_export]
macro_rules! personal_data_tests {
    (
        on $schema:expr, $service:expr,
        $($scope:literal => [$($field:literal),* $(,)?]),+ $(,)?
    ) => {
        $crate::fixture_folder_test!(personal, on $schema);

        #[test]
        fn the_sdl_marks_every_protected_field_with_its_scope() {
            $( $crate::testing::assert_fields_requiring(&$service, $scope, &[$($field),*]); )+
        }
    };
}
