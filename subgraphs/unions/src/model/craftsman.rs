//! `craftsman`: honoured craftsmen; name and phone are personal.

use super::enums::CraftsmanLevel;

quntuan_kit::located_entity!("craftsman", text id {
    name: String,
    phone: String,
    trade: String,
    level: CraftsmanLevel,
    employer: String,
    honoured_year: i32,
});
