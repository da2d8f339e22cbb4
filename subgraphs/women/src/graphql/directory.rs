//! The women's implementations of the shared directory types: `WomenOrganization`
//! (a `GrassrootsUnit`), `WomenActivity` (an `Activity`: family-education services) and
//! `WomenAward` (an `Award`: March 8th Red Banner collectives). The fields hub also serves
//! are `@shareable` with the same types.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

use super::center::ServiceCenter;
use super::loader;
use super::loaders::{
    ChildrensHomesOfOrganization, OfficersOfOrganization, WomensHomeById, WomensHomesOfOrganization,
};
use super::officers::WomenOfficer;
use super::organization::Organization;
use super::places::{ChildrensHome, WomensHome};
use super::region::Region;
use crate::model::enums::WomenOrganizationKind;
use crate::model::{family_education_activity, red_banner_collective, women_organization};

/// A women's organisation (妇女组织): a community or village women's federation, or a
/// women's committee of an enterprise or institution.
pub struct WomenOrganization(pub women_organization::Model);

#[Object]
impl WomenOrganization {
    #[graphql(shareable)]
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    #[graphql(shareable)]
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The category as the shared directory spells it, e.g. `社区（村）妇联`.
    #[graphql(shareable)]
    async fn kind(&self) -> &str {
        self.0.kind.label()
    }

    /// The category as an enum, for filtering.
    async fn organization_kind(&self) -> WomenOrganizationKind {
        self.0.kind
    }

    /// Always `WOMEN`.
    #[graphql(shareable)]
    async fn organization(&self) -> Organization {
        Organization::Women
    }

    /// The region the organisation belongs to (its community).
    #[graphql(shareable)]
    async fn region(&self) -> Region {
        Region {
            code: self.0.region_code.clone(),
        }
    }

    #[graphql(shareable)]
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    #[graphql(shareable)]
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    #[graphql(shareable)]
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    #[graphql(shareable)]
    async fn founded_on(&self) -> NaiveDate {
        self.0.founded_on
    }

    #[graphql(shareable)]
    async fn member_count(&self) -> i32 {
        self.0.member_count
    }

    /// The women's homes it runs.
    async fn womens_homes(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WomensHome>> {
        let key = WomensHomesOfOrganization(self.0.id.clone());
        let homes = loader(ctx)?.load_one(key).await?;
        Ok(homes
            .unwrap_or_default()
            .into_iter()
            .map(WomensHome)
            .collect())
    }

    /// The children's homes it runs.
    async fn childrens_homes(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ChildrensHome>> {
        let key = ChildrensHomesOfOrganization(self.0.id.clone());
        let homes = loader(ctx)?.load_one(key).await?;
        Ok(homes
            .unwrap_or_default()
            .into_iter()
            .map(ChildrensHome)
            .collect())
    }

    /// Its chair, vice-chairs and executive members (their names, ID numbers and phones are
    /// personal data).
    async fn officers(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WomenOfficer>> {
        let key = OfficersOfOrganization(self.0.id.clone());
        let officers = loader(ctx)?.load_one(key).await?;
        Ok(officers
            .unwrap_or_default()
            .into_iter()
            .map(WomenOfficer)
            .collect())
    }
}

/// A family-education service or activity (家庭教育服务).
pub struct WomenActivity(pub family_education_activity::Model);

#[Object]
impl WomenActivity {
    #[graphql(shareable)]
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    #[graphql(shareable)]
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// e.g. `家庭教育讲座`, `亲子阅读`.
    #[graphql(shareable)]
    async fn kind(&self) -> &str {
        &self.0.kind
    }

    /// Always `WOMEN`.
    #[graphql(shareable)]
    async fn organization(&self) -> Organization {
        Organization::Women
    }

    /// The region where it took place (its community).
    #[graphql(shareable)]
    async fn region(&self) -> Region {
        Region {
            code: self.0.region_code.clone(),
        }
    }

    #[graphql(shareable)]
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    #[graphql(shareable)]
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    #[graphql(shareable)]
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    #[graphql(shareable)]
    async fn held_on(&self) -> NaiveDate {
        self.0.held_on
    }

    #[graphql(shareable)]
    async fn participant_count(&self) -> i32 {
        self.0.participant_count
    }

    /// The women's home that ran it, if one did.
    async fn womens_home(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<WomensHome>> {
        let Some(home_id) = &self.0.womens_home_id else {
            return Ok(None);
        };
        let home = loader(ctx)?
            .load_one(WomensHomeById(home_id.clone()))
            .await?;
        Ok(home.map(WomensHome))
    }

    /// The shared service centre where it was held, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }
}

/// A March 8th Red Banner collective (三八红旗集体).
pub struct WomenAward(pub red_banner_collective::Model);

#[Object]
impl WomenAward {
    #[graphql(shareable)]
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    /// The honour, `成都市三八红旗集体`.
    #[graphql(shareable)]
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The honoured collective.
    #[graphql(shareable)]
    async fn recipient_unit(&self) -> &str {
        &self.0.recipient_unit
    }

    /// Always null: Red Banner honours go to collectives, never to a person.
    #[graphql(shareable, requires_scopes = "women:personal")]
    async fn recipient_person(&self) -> Option<String> {
        None
    }

    /// Always `WOMEN`.
    #[graphql(shareable)]
    async fn organization(&self) -> Organization {
        Organization::Women
    }

    /// The region of the honoured collective.
    #[graphql(shareable)]
    async fn region(&self) -> Region {
        Region {
            code: self.0.region_code.clone(),
        }
    }

    #[graphql(shareable)]
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    #[graphql(shareable)]
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    #[graphql(shareable)]
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    #[graphql(shareable)]
    async fn year(&self) -> i32 {
        self.0.year
    }
}
