//! `workers_home`: workers' homes (职工之家); model homes carry their level.

use super::enums::ModelHomeLevel;

quntuan_kit::located_entity!("workers_home", text id {
    name: String,
    union_id: String,
    model_level: Option<ModelHomeLevel>,
    area_sqm: i32,
    opened_on: Date,
    service_center_id: Option<String>,
});
