//! Academician and expert innovation workstations; the lead expert's name and phone are personal data.

quntuan_kit::located_entity!("science_workstations" {
    name: String,
    kind: String,
    host_unit: String,
    field: String,
    lead_expert: String,
    expert_phone: String,
    established_on: Date,
});
