//! `rights_assistance`: Rights-assistance records on labour-dispute cases owned by `unions`.

use super::enums::RightsAssistanceKind;

quntuan_kit::located_entity!("rights_assistance", text id {
    dispute_id: String,
    organization_id: String,
    kind: RightsAssistanceKind,
    note: String,
    assisted_on: Date,
    recorded_by: String,
    recorded_at: DateTimeUtc,
});
