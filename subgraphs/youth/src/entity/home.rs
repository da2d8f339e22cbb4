//! Youth homes (青年之家).

quntuan_kit::located_entity!("youth_homes" {
    name: String,
    partner: String,
    service_center_id: Option<String>,
    opened_on: Date,
});
