//! Read-API cases of hub (service centres, the shared directory, regions, joint meetings and
//! projects) in the fixture folder `tests/fixtures/queries`: each case's whole response.

mod common;

quntuan_kit::fixture_folder_test!(queries, on common::seeded().await.schema);
