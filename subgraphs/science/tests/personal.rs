//! Personal data: the lead expert's name and phone and the honoured person's name are
//! refused (null + FORBIDDEN) without `science:personal` and marked `@requiresScopes`.

mod common;

quntuan_kit::personal_data_tests! {
    on common::seeded().await.schema, quntuan_science::Science,
    "science:personal" => ["recipientPerson", "leadExpert", "expertPhone"],
}
