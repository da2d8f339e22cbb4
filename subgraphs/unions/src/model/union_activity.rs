//! `union_activity`: themed lecture events and other union activities.

quntuan_kit::located_entity!("union_activity", text id {
    title: String,
    /// The directory's activity kind, e.g. `主题宣讲`.
    kind: String,
    held_on: Date,
    participant_count: i32,
    service_center_id: Option<String>,
});
