//! Associations, science-popularisation activities and honours: the science types hub's
//! cross-organisation directory also lists, so their common fields are shareable.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;

use super::{Organization, PERSONAL, region_of};
use crate::entity::{association, award, event};
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;

/// An enterprise or institution science association (企业科协, 事业单位科协).
pub(crate) struct ScienceAssociation(pub(crate) association::Model);

#[Object(shareable)]
impl ScienceAssociation {
    async fn id(&self) -> ID {
        ID(ids::ASSOCIATION.format(self.0.id))
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// `企业科协` or `事业单位科协`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// Always `SCIENCE`.
    async fn organization(&self) -> Organization {
        Organization::Science
    }
    /// The community the association is in.
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
    /// The industry of the host enterprise or institution.
    async fn industry(&self) -> &str {
        &self.0.industry
    }
    /// Science-popularisation activities the association ran, oldest id first.
    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<ScienceActivity>> {
        let rows = app(ctx)?
            .loaders
            .events_of_association
            .load_one(self.0.id)
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(ScienceActivity)
            .collect())
    }
}

quntuan_kit::connection!(
    /// A page of science associations.
    ScienceAssociationConnection,
    ScienceAssociation
);

/// A science-popularisation activity (科普活动).
pub(crate) struct ScienceActivity(pub(crate) event::Model);

#[Object(shareable)]
impl ScienceActivity {
    async fn id(&self) -> ID {
        ID(ids::ACTIVITY.format(self.0.id))
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// 科普讲座, 科技周展览, 青少年科创营 or 科普进社区.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// Always `SCIENCE`.
    async fn organization(&self) -> Organization {
        Organization::Science
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
    /// The association that ran it, if any.
    async fn association(&self, ctx: &Context<'_>) -> Result<Option<ScienceAssociation>> {
        let Some(id) = self.0.association_id else {
            return Ok(None);
        };
        let row = app(ctx)?.loaders.association.load_one(id).await?;
        Ok(row.map(ScienceAssociation))
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
    /// A page of science-popularisation activities.
    ScienceActivityConnection,
    ScienceActivity
);

/// A "most beautiful science worker" honour (成都最美科技工作者).
pub(crate) struct ScienceAward(pub(crate) award::Model);

#[Object(shareable)]
impl ScienceAward {
    async fn id(&self) -> ID {
        ID(ids::AWARD.format(self.0.id))
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// The honoured person's workplace.
    async fn recipient_unit(&self) -> &str {
        &self.0.recipient_unit
    }
    /// The honoured person (personal data).
    #[graphql(requires_scopes = "science:personal")]
    async fn recipient_person(&self, ctx: &Context<'_>) -> Option<String> {
        let person = self.0.recipient_person.clone()?;
        let id = ids::AWARD.format(self.0.id);
        quntuan_kit::auth::reveal(ctx, PERSONAL, "ScienceAward.recipientPerson", &id, || {
            person
        })
    }
    /// Always `SCIENCE`.
    async fn organization(&self) -> Organization {
        Organization::Science
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
    /// A page of science honours.
    ScienceAwardConnection,
    ScienceAward
);
