//! Personal data: refused (null + FORBIDDEN) without `women:personal`, served with it.

mod common;

use quntuan_kit::Caller;

const QUERY: &str = r#"{
    womenOfficers(filter: {organizationId: "women-unit-000002"}, limit: 2) {
        items { id role name idNumber phone }
    }
    rightsAssistanceRecords(filter: {disputeId: "unions-dispute-000011"}) {
        items { id kind note }
    }
    womenAwards(limit: 1) { items { id recipientPerson } }
}"#;

quntuan_kit::personal_data_tests! {
    query: QUERY,
    refused: [
        Caller::anonymous(),
        common::clerk(),
        Caller::new("union-officer", &["unions:personal"]),
    ],
    served: common::officer(),
}

#[test]
fn the_sdl_marks_every_personal_field_for_the_gateway() {
    use quntuan_kit::SubgraphService;
    let sdl = quntuan_women::Women.sdl();
    assert_eq!(
        quntuan_kit::testing::fields_requiring(&sdl, "women:personal"),
        vec!["note", "recipientPerson", "name", "idNumber", "phone"]
    );
}
