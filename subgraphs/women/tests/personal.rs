//! Personal data: refused (null + FORBIDDEN) without `women:personal` (to anonymous
//! callers, a clerk and another organisation's officer), served with it.

mod common;

quntuan_kit::fixture_folder_test!(personal, on common::seeded().await.schema);

#[test]
fn the_sdl_marks_every_personal_field_for_the_gateway() {
    use quntuan_kit::SubgraphService;
    let sdl = quntuan_women::Women.sdl();
    assert_eq!(
        quntuan_kit::testing::fields_requiring(&sdl, "women:personal"),
        vec!["note", "recipientPerson", "name", "idNumber", "phone"]
    );
}
