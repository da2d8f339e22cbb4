//! The registry is the most sensitive data of the platform: names, ID numbers and phones
//! need `disability:personal`, category and grade `disability:sensitive`. Each protected
//! field is refused on its own (null + FORBIDDEN), and filtering by category or grade is
//! refused without the sensitive scope (a filter would reveal it too).

mod common;

use quntuan_kit::testing::assert_fields_requiring;

quntuan_kit::fixture_folder_test!(personal, on common::seeded().await.schema);

#[test]
fn the_sdl_marks_protected_fields_with_their_scopes() {
    use quntuan_disability::Disability;
    let personal = [
        "recipientPerson",
        "name",
        "idNumber",
        "phone",
        "name",
        "idNumber",
        "phone",
    ];
    assert_fields_requiring(&Disability, "disability:personal", &personal);
    assert_fields_requiring(&Disability, "disability:sensitive", &["category", "grade"]);
}
