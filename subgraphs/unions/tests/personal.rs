//! Personal data: refused (null + FORBIDDEN) without `unions:personal` (to anonymous
//! callers, a clerk and another organisation's officer), served with it.

mod common;

quntuan_kit::fixture_folder_test!(personal, on common::seeded().await.schema);

#[test]
fn the_sdl_marks_every_personal_field_for_the_gateway() {
    use quntuan_kit::SubgraphService;
    let sdl = quntuan_unions::Unions.sdl();
    assert_eq!(
        quntuan_kit::testing::fields_requiring(&sdl, "unions:personal"),
        vec![
            "name",
            "phone",
            "chairName",
            "chairPhone",
            "claimantName",
            "claimantPhone",
            "claimantIdNumber",
            "recipientPerson",
            "name",
            "idNumber",
            "phone",
        ]
    );
}
