//! Personal data: refused (null + FORBIDDEN) without `unions:personal`, served with it.

mod common;

use quntuan_kit::Caller;

const QUERY: &str = r#"{
    grassrootsUnion(id: "unions-unit-000001") { id chairName chairPhone }
    laborDispute(id: "unions-dispute-000001") { id claimantName claimantPhone claimantIdNumber }
    unionSocialWorkers(limit: 1) { items { id name idNumber phone } }
    craftsmen(limit: 1) { items { id name phone } }
    medal: unionAwards(filter: {kind: MEDAL}, limit: 1) { items { id recipientPerson } }
    certificate: unionAwards(filter: {kind: CERTIFICATE}, limit: 1) { items { id recipientPerson } }
}"#;

quntuan_kit::personal_data_tests! {
    query: QUERY,
    refused: [
        Caller::anonymous(),
        common::clerk(),
        Caller::new("youth-officer", &["youth:personal"]),
    ],
    served: common::officer(),
}

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
