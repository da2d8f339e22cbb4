//! Personal data: refused (null + FORBIDDEN) without `women:personal` (to anonymous
//! callers, a clerk and another organisation's officer), served with it.

mod common;

use quntuan_kit::testing::assert_fields_requiring;

quntuan_kit::fixture_folder_test!(personal, on common::seeded().await.schema);

#[test]
fn the_sdl_marks_every_personal_field_for_the_gateway() {
    let fields = ["note", "recipientPerson", "name", "idNumber", "phone"];
    assert_fields_requiring(&quntuan_women::Women, "women:personal", &fields);
}
