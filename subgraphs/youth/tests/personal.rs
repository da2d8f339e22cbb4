//! Personal data: names, ID numbers and phones are refused (null + FORBIDDEN) without
//! `youth:personal`, served with it, and marked `@requiresScopes` in the SDL.

mod common;

use quntuan_kit::testing::assert_fields_requiring;

quntuan_kit::fixture_folder_test!(personal, on common::seeded().await.schema);

#[test]
fn the_sdl_marks_personal_fields_with_requires_scopes() {
    let fields = [
        "recipientPerson",
        "name",
        "idNumber",
        "phone",
        "name",
        "idNumber",
        "phone",
    ];
    assert_fields_requiring(&quntuan_youth::Youth, "youth:personal", &fields);
}
