//! Personal data: the lead expert's name and phone and the honoured person's name are
//! refused (null + FORBIDDEN) without `science:personal` and marked `@requiresScopes`.

mod common;

use quntuan_kit::testing::assert_fields_requiring;

quntuan_kit::fixture_folder_test!(personal, on common::seeded().await.schema);

#[test]
fn the_sdl_marks_personal_fields_with_requires_scopes() {
    let fields = ["recipientPerson", "leadExpert", "expertPhone"];
    assert_fields_requiring(&quntuan_science::Science, "science:personal", &fields);
}
