//! `womens_home`: Women's homes (妇女之家).

quntuan_kit::located_entity!("womens_home", text id {
    name: String,
    organization_id: String,
    area_sqm: i32,
    opened_on: Date,
    service_center_id: Option<String>,
});
