//! Organisations, accessibility services and awards: the disability types hub's
//! cross-organisation directory also lists, so their common fields are shareable.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;

use super::{DisabilityWorker, Organization, PERSONAL, region_of};
use crate::entity::{award, organization, service};
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;

/// A grassroots disabled persons' organisation (社区（村）残疾人协会, 专门协会).
pub(crate) struct DisabilityOrganization(pub(crate) organization::Model);

#[Object(shareable)]
impl DisabilityOrganization {
    async fn id(&self) -> ID {
        ID(ids::ORGANIZATION.format(self.0.id))
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// `社区（村）残疾人协会` or `专门协会`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// Always `DISABILITY`.
    async fn organization(&self) -> Organization {
        Organization::Disability
    }
    /// The community the organisation is in.
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    async fn founded_on(&self) -> NaiveDate {
        self.0.founded_on
    }
    async fn member_count(&self) -> i32 {
        self.0.member_count
    }
    /// Workers of this organisation.
    async fn workers(&self, ctx: &Context<'_>) -> Result<Vec<DisabilityWorker>> {
        let rows = app(ctx)?
            .loaders
            .workers_of_organization
            .load_one(self.0.id)
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(DisabilityWorker)
            .collect())
    }
    /// Accessibility services this organisation ran.
    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<DisabilityActivity>> {
        let rows = app(ctx)?
            .loaders
            .services_of_organization
            .load_one(self.0.id)
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(DisabilityActivity)
            .collect())
    }
    /// People in the registry attached to this organisation (a count, public).
    async fn registered_person_count(&self, ctx: &Context<'_>) -> Result<i64> {
        let count = app(ctx)?
            .loaders
            .persons_per_organization
            .load_one(self.0.id)
            .await?;
        Ok(count.unwrap_or(0))
    }
}

quntuan_kit::connection!(
    /// A page of grassroots disabled persons' organisations.
    DisabilityOrganizationConnection,
    DisabilityOrganization
);

/// An accessibility service (有爱无碍).
pub(crate) struct DisabilityActivity(pub(crate) service::Model);

#[Object(shareable)]
impl DisabilityActivity {
    async fn id(&self) -> ID {
        ID(ids::SERVICE.format(self.0.id))
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// 无障碍出行服务, 康复指导, 就业帮扶 or 文体活动.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// Always `DISABILITY`.
    async fn organization(&self) -> Organization {
        Organization::Disability
    }
    /// The community (or street) where it took place.
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    async fn held_on(&self) -> NaiveDate {
        self.0.held_on
    }
    async fn participant_count(&self) -> i32 {
        self.0.participant_count
    }
    /// The organisation that ran it, if any.
    async fn organization_unit(&self, ctx: &Context<'_>) -> Result<Option<DisabilityOrganization>> {
        let Some(id) = self.0.organization_id else {
            return Ok(None);
        };
        let row = app(ctx)?.loaders.organization.load_one(id).await?;
        Ok(row.map(DisabilityOrganization))
    }
    /// The shared venue it was held at, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0
            .service_center_id
            .as_ref()
            .map(|id| ServiceCenter { id: ID(id.clone()) })
    }
}

quntuan_kit::connection!(
    /// A page of accessibility services.
    DisabilityActivityConnection,
    DisabilityActivity
);

/// An award of the federation, e.g. 成都市助残先进集体.
pub(crate) struct DisabilityAward(pub(crate) award::Model);

#[Object(shareable)]
impl DisabilityAward {
    async fn id(&self) -> ID {
        ID(ids::AWARD.format(self.0.id))
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// The honoured collective, or the honoured person's workplace.
    async fn recipient_unit(&self) -> &str {
        &self.0.recipient_unit
    }
    /// The honoured person, for awards to individuals (personal data).
    #[graphql(requires_scopes = "disability:personal")]
    async fn recipient_person(&self, ctx: &Context<'_>) -> Option<String> {
        let person = self.0.recipient_person.clone()?;
        let id = ids::AWARD.format(self.0.id);
        quntuan_kit::auth::reveal(
            ctx,
            PERSONAL,
            "DisabilityAward.recipientPerson",
            &id,
            || person,
        )
    }
    /// Always `DISABILITY`.
    async fn organization(&self) -> Organization {
        Organization::Disability
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
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    async fn year(&self) -> i32 {
        self.0.year
    }
}

quntuan_kit::connection!(
    /// A page of awards.
    DisabilityAwardConnection,
    DisabilityAward
);
