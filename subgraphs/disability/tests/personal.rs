//! The registry is the most sensitive data of the platform: names, ID numbers and phones
//! need `disability:personal`, category and grade `disability:sensitive`. Each protected
//! field is refused on its own (null + FORBIDDEN), and filtering by category or grade is
//! refused without the sensitive scope (a filter would reveal it too).

mod common;

quntuan_kit::personal_data_tests! {
    on common::seeded().await.schema, quntuan_disability::Disability,
    "disability:personal" => [
        "recipientPerson", "name", "idNumber", "phone", "name", "idNumber", "phone",
    ],
    "disability:sensitive" => ["category", "grade"],
}
