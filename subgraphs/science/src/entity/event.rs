//! Science-popularisation events (科普活动).

quntuan_kit::located_entity!("science_events" {
    title: String,
    kind: String,
    held_on: Date,
    participant_count: i32,
    association_id: Option<i64>,
    service_center_id: Option<String>,
});
