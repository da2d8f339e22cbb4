//! Personal data: the lead expert's name and phone and the honoured person's name are
//! refused (null + FORBIDDEN) without `science:personal` and marked `@requiresScopes`.

mod common;

quntuan_kit::fixture_folder_test!(personal, on common::seeded().await.schema);

#[test]
fn the_sdl_marks_personal_fields_with_requires_scopes() {
    let sdl = quntuan_science::sdl();
    for line in [
        "leadExpert: String @requiresScopes(scopes: [[\"science:personal\"]])",
        "expertPhone: String @requiresScopes(scopes: [[\"science:personal\"]])",
        "recipientPerson: String @requiresScopes(scopes: [[\"science:personal\"]])",
    ] {
        assert!(sdl.contains(line), "{line}");
    }
}
