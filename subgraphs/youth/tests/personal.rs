//! Personal data: names, ID numbers and phones are refused (null + FORBIDDEN) without
//! `youth:personal`, served with it, and marked `@requiresScopes` in the SDL.

mod common;

quntuan_kit::fixture_folder_test!(personal, on common::seeded().await.schema);

#[test]
fn the_sdl_marks_personal_fields_with_requires_scopes() {
    let sdl = quntuan_youth::sdl();
    for field in ["name", "idNumber", "phone"] {
        let line = format!("{field}: String @requiresScopes(scopes: [[\"youth:personal\"]])");
        assert_eq!(
            sdl.matches(&line).count(),
            2,
            "{line} on volunteers and social workers"
        );
    }
    assert!(
        sdl.contains("recipientPerson: String @requiresScopes(scopes: [[\"youth:personal\"]])")
    );
}
