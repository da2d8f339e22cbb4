//! Workers' homes and labour-sector social organisations.

use async_graphql::Object;
use chrono::NaiveDate;

use super::center::ServiceCenter;
use super::directory::GrassrootsUnion;
use super::loader;
use super::loaders::UnionById;
use crate::model::enums::{LaborSocialOrganizationField, ModelHomeLevel};
use crate::model::{labor_social_organization, workers_home};

/// A workers' home (职工之家); model homes carry the level of their title.
pub struct WorkersHome(pub workers_home::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl WorkersHome {
        id;
        str name;
        /// The level of its model workers' home title (模范职工之家), if it has one.
        copy model_level: Option<ModelHomeLevel>;
        copy area_sqm: i32;
        copy opened_on: NaiveDate;
        codes;

        /// The grassroots union that runs it.
        link union: GrassrootsUnion = UnionById(union_id);

        /// The shared service centre housing it, if any.
        service_center;
    }
}

/// A labour-sector social organisation (劳动领域社会组织).
pub struct LaborSocialOrganization(pub labor_social_organization::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl LaborSocialOrganization {
        id;
        str name;
        copy field: LaborSocialOrganizationField;
        copy registered_on: NaiveDate;
        codes;
        /// The shared service centre it works from, if any.
        service_center;
    }
}
