//! Youth social-scene activities (青年社交场景活动).

quntuan_kit::located_entity!("youth_activities" {
    title: String,
    kind: String,
    held_on: Date,
    participant_count: i32,
    youth_home_id: Option<i64>,
    service_center_id: Option<String>,
});
