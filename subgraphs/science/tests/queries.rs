//! Whole responses of the read API on the seeded demo data (SQLite by default; PostgreSQL
//! when DATABASE_URL is set): lists with filters and pages, region figures, entities, scope
//! and input errors. Each case is a file pair in tests/fixtures/queries: `NAME.graphql`
//! (the caller and the query) and `NAME.json` (the whole response).

mod common;

use quntuan_kit::testing::{assert_fixture_folder, fixture_dir};

#[tokio::test]
async fn every_query_fixture_answers_its_whole_response() {
    let f = common::seeded().await;
    assert_fixture_folder(
        &f.schema,
        &fixture_dir(env!("CARGO_MANIFEST_DIR"), "queries"),
        &[
            ("anonymous", common::anonymous()),
            ("officer", common::officer()),
        ],
    )
    .await;
}
