//! Table `service_center`.

quntuan_kit::located_entity!("service_center", text id {
    name: String,
    /// `CITY_HUB`, `DISTRICT_HUB`, `DEMONSTRATION_HALL` or `STREET_CENTER`.
    kind: String,
    opened_on: Date,
    rating_count: i64,
    rating_sum: i64,
});
