//! The registry is the most sensitive data of the platform: names, ID numbers and phones
//! need `disability:personal`, category and grade `disability:sensitive`. Each protected
//! field is refused on its own (null + FORBIDDEN), and filtering by category or grade is
//! refused without the sensitive scope (a filter would reveal it too).

mod common;

quntuan_kit::fixture_folder_test!(personal, on common::seeded().await.schema);

#[test]
fn the_sdl_marks_protected_fields_with_their_scopes() {
    let sdl = quntuan_disability::sdl();
    for field in ["name", "idNumber", "phone"] {
        let line = format!("{field}: String @requiresScopes(scopes: [[\"disability:personal\"]])");
        assert_eq!(
            sdl.matches(&line).count(),
            2,
            "{line} on workers and registry"
        );
    }
    assert!(sdl.contains(
        "category: DisabilityCategory @requiresScopes(scopes: [[\"disability:sensitive\"]])"
    ));
    assert!(sdl.contains("grade: Int @requiresScopes(scopes: [[\"disability:sensitive\"]])"));
}
