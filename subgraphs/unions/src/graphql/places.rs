//! Workers' homes and labour-sector social organisations.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

use super::center::ServiceCenter;
use super::directory::GrassrootsUnion;
use super::loader;
use super::loaders::UnionById;
use crate::model::enums::{LaborSocialOrganizationField, ModelHomeLevel};
use crate::model::{labor_social_organization, workers_home};

/// A workers' home (职工之家); model homes carry the level of their title.
pub struct WorkersHome(pub workers_home::Model);

#[Object]
impl WorkersHome {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The level of its model workers' home title (模范职工之家), if it has one.
    async fn model_level(&self) -> Option<ModelHomeLevel> {
        self.0.model_level
    }

    async fn area_sqm(&self) -> i32 {
        self.0.area_sqm
    }

    async fn opened_on(&self) -> NaiveDate {
        self.0.opened_on
    }

    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    /// The grassroots union that runs it.
    async fn union(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<GrassrootsUnion>> {
        let union = loader(ctx)?
            .load_one(UnionById(self.0.union_id.clone()))
            .await?;
        Ok(union.map(GrassrootsUnion))
    }

    /// The shared service centre housing it, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }
}

/// A labour-sector social organisation (劳动领域社会组织).
pub struct LaborSocialOrganization(pub labor_social_organization::Model);

#[Object]
impl LaborSocialOrganization {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn field(&self) -> LaborSocialOrganizationField {
        self.0.field
    }

    async fn registered_on(&self) -> NaiveDate {
        self.0.registered_on
    }

    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    /// The shared service centre it works from, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }
}
