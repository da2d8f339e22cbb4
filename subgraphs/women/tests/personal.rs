//! Personal data: refused (null + FORBIDDEN) without `women:personal` (to anonymous
//! callers, a clerk and another organisation's officer), served with it.

mod common;

quntuan_kit::personal_data_tests! {
    on common::seeded().await.schema, quntuan_women::Women,
    "women:personal" => ["note", "recipientPerson", "name", "idNumber", "phone"],
}
