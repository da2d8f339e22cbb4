//! Union social workers and craftsmen: their names, ID numbers and phones are personal
//! data, served only with the `unions:personal` scope.

use async_graphql::Object;
use chrono::NaiveDate;

use super::center::ServiceCenter;
use super::directory::GrassrootsUnion;
use super::loader;
use super::loaders::UnionById;
use crate::model::enums::{CraftsmanLevel, UnionSocialWorkerSpecialty};
use crate::model::{craftsman, union_social_worker};

/// A socialised union worker (社会化工会工作者).
pub struct UnionSocialWorker(pub union_social_worker::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl UnionSocialWorker personal("unions:personal") {
        id;

        personal name("UnionSocialWorker.name");
        personal id_number("UnionSocialWorker.idNumber");
        personal phone("UnionSocialWorker.phone");

        copy specialty: UnionSocialWorkerSpecialty;
        copy hired_on: NaiveDate;
        codes;

        /// The grassroots union the worker is assigned to, if any.
        nullable link union: GrassrootsUnion = UnionById(union_id);

        /// The shared service centre the worker is stationed at, if any.
        service_center;
    }
}

/// A craftsman honoured by the unions (成都工匠 / 区县工匠).
pub struct Craftsman(pub craftsman::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl Craftsman personal("unions:personal") {
        id;

        personal name("Craftsman.name");
        personal phone("Craftsman.phone");

        str trade;
        copy level: CraftsmanLevel;
        str employer;
        copy honoured_year: i32;
        codes;
    }
}
