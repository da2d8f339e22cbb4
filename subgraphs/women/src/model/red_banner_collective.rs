//! `red_banner_collective`: March 8th Red Banner collectives (三八红旗集体).

quntuan_kit::located_entity!("red_banner_collective", text id {
    title: String,
    recipient_unit: String,
    year: i32,
});
