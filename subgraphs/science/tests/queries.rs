//! Whole responses of the read API on the seeded demo data (SQLite by default; PostgreSQL
//! when DATABASE_URL is set): lists with filters and pages, region figures, entities, scope
//! and input errors. Each case is a file pair in tests/fixtures/queries: `NAME.graphql`
//! (the caller and the query) and `NAME.json` (the whole response).

mod common;

quntuan_kit::fixture_folder_test!(queries, on common::seeded().await.schema);
