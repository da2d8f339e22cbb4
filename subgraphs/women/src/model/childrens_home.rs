//! `childrens_home`: Children's homes (儿童之家).

quntuan_kit::located_entity!("childrens_home", text id {
    name: String,
    organization_id: String,
    capacity: i32,
    opened_on: Date,
    service_center_id: Option<String>,
});
