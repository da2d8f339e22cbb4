//! Women's homes, children's homes and supported social organisations.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

use super::center::ServiceCenter;
use super::directory::{WomenActivity, WomenOrganization};
use super::loader;
use super::loaders::{ActivitiesOfWomensHome, OrganizationById};
use crate::model::enums::WomenSocialOrganizationField;
use crate::model::{childrens_home, women_social_organization, womens_home};
use quntuan_kit::load_list;

/// A community women's home (妇女之家).
pub struct WomensHome(pub womens_home::Model);

#[Object]
impl WomensHome {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    async fn name(&self) -> &str {
        &self.0.name
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

    /// The women's organisation that runs it.
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<WomenOrganization>> {
        let key = OrganizationById(self.0.organization_id.clone());
        Ok(loader(ctx)?.load_one(key).await?.map(WomenOrganization))
    }

    /// The shared service centre housing it, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }

    /// The family-education activities it ran.
    async fn activities(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WomenActivity>> {
        let key = ActivitiesOfWomensHome(self.0.id.clone());
        Ok(load_list(loader(ctx)?, key, WomenActivity).await?)
    }
}

/// A community children's home (儿童之家).
pub struct ChildrensHome(pub childrens_home::Model);

#[Object]
impl ChildrensHome {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// How many children it can take in at once.
    async fn capacity(&self) -> i32 {
        self.0.capacity
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

    /// The women's organisation that runs it.
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<WomenOrganization>> {
        let key = OrganizationById(self.0.organization_id.clone());
        Ok(loader(ctx)?.load_one(key).await?.map(WomenOrganization))
    }

    /// The shared service centre housing it, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }
}

/// A women/children social organisation the federation supports.
pub struct WomenSocialOrganization(pub women_social_organization::Model);

#[Object]
impl WomenSocialOrganization {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn field(&self) -> WomenSocialOrganizationField {
        self.0.field
    }

    async fn supported_since(&self) -> NaiveDate {
        self.0.supported_since
    }

    /// Funding granted by the federation so far, in yuan.
    async fn funding_yuan(&self) -> i64 {
        self.0.funding_yuan
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
}
