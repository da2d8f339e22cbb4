//! Service-hour logs of volunteers, in whole minutes.

quntuan_kit::located_entity!("youth_service_logs" {
    volunteer_id: i64,
    served_on: Date,
    minutes: i32,
    description: String,
});
