//! League branches (the youth grassroots units) and youth awards: both also listed in
//! hub's cross-organisation directory, so their common fields are shareable.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;

use super::{Organization, PERSONAL, region_of};
use crate::entity::{award, branch};
use crate::graphql::{app, region::Region};
use crate::ids;

/// A league branch or organisation (团支部, 团总支, 团委).
pub(crate) struct YouthBranch(pub(crate) branch::Model);

#[Object(shareable)]
impl YouthBranch {
    async fn id(&self) -> ID {
        ID(ids::BRANCH.format(self.0.id))
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Always `YOUTH`.
    async fn organization(&self) -> Organization {
        Organization::Youth
    }
    /// The community (or street) code of the record.
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }
    /// `团支部`, `团总支` or `团委`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    async fn member_count(&self) -> i32 {
        self.0.member_count
    }
    async fn founded_on(&self) -> NaiveDate {
        self.0.founded_on
    }
    /// The community the branch belongs to.
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    /// Registered volunteers of this branch.
    async fn volunteer_count(&self, ctx: &Context<'_>) -> Result<i64> {
        let app = app(ctx)?;
        Ok(app
            .loaders
            .volunteers_per_branch
            .load_one(self.0.id)
            .await?
            .unwrap_or(0))
    }
}

quntuan_kit::connection!(
    /// A page of league branches.
    YouthBranchConnection,
    YouthBranch
);

/// A youth award, e.g. 成都市五四红旗团组织.
pub(crate) struct YouthAward(pub(crate) award::Model);

#[Object(shareable)]
impl YouthAward {
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
    #[graphql(requires_scopes = "youth:personal")]
    async fn recipient_person(&self, ctx: &Context<'_>) -> Option<String> {
        let person = self.0.recipient_person.clone()?;
        let id = ids::AWARD.format(self.0.id);
        quntuan_kit::auth::reveal(ctx, PERSONAL, "YouthAward.recipientPerson", &id, || person)
    }
    /// Always `YOUTH`.
    async fn organization(&self) -> Organization {
        Organization::Youth
    }
    /// The community (or street) code of the record.
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }
    async fn year(&self) -> i32 {
        self.0.year
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
}

quntuan_kit::connection!(
    /// A page of youth awards.
    YouthAwardConnection,
    YouthAward
);
