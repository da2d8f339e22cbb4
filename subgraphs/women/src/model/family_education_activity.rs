//! `family_education_activity`: Family-education services and activities (家庭教育服务).

quntuan_kit::located_entity!("family_education_activity", text id {
    title: String,
    kind: String,
    held_on: Date,
    participant_count: i32,
    womens_home_id: Option<String>,
    service_center_id: Option<String>,
});
