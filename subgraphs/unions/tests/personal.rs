//! Personal data: refused (null + FORBIDDEN) without `unions:personal` (to anonymous
//! callers, a clerk and another organisation's officer), served with it.

mod common;

quntuan_kit::personal_data_tests! {
    on common::seeded().await.schema, quntuan_unions::Unions,
    "unions:personal" => [
        "name", "phone", "chairName", "chairPhone", "claimantName", "claimantPhone",
        "claimantIdNumber", "recipientPerson", "name", "idNumber", "phone",
    ],
}
