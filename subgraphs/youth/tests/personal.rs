//! Personal data: names, ID numbers and phones are refused (null + FORBIDDEN) without
//! `youth:personal`, served with it, and marked `@requiresScopes` in the SDL.

mod common;

quntuan_kit::personal_data_tests! {
    on common::seeded().await.schema, quntuan_youth::Youth,
    "youth:personal" => [
        "recipientPerson", "name", "idNumber", "phone", "name", "idNumber", "phone",
    ],
}
