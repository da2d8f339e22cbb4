//! Whole responses of the read API on the seeded demo data: lists with filters and pages,
//! region figures, entities and service centres, bad input. Each case is a file pair in
//! tests/fixtures/queries: `NAME.graphql` (the caller, variables and query) and `NAME.json`
//! (the whole response).

mod common;

use quntuan_kit::testing::{assert_fixture_folder, fixture_dir};

#[tokio::test]
async fn every_query_fixture_answers_its_whole_response() {
    let (schema, _db) = common::seeded_schema().await;
    assert_fixture_folder(
        &schema,
        &fixture_dir(env!("CARGO_MANIFEST_DIR"), "queries"),
        &[("clerk", common::clerk())],
    )
    .await;
}
