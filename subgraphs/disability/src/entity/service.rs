//! Accessibility services (有爱无碍).

quntuan_kit::located_entity!("disability_services" {
    title: String,
    kind: String,
    held_on: Date,
    participant_count: i32,
    organization_id: Option<i64>,
    service_center_id: Option<String>,
});
