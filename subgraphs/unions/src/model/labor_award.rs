//! `labor_award`: May Day labour certificates and medals.

use super::enums::LaborAwardKind;

quntuan_kit::located_entity!("labor_award", text id {
    kind: LaborAwardKind,
    title: String,
    recipient_unit: String,
    recipient_person: Option<String>,
    year: i32,
});
