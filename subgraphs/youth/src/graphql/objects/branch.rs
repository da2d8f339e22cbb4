//! League branches (the youth grassroots units) and youth awards: both also listed in
//! hub's cross-organisation directory, so their common fields are shareable.

use async_graphql::{Context, Object, Result};
use chrono::NaiveDate;

use super::Organization;
use crate::entity::{award, branch};
use crate::graphql::{app, region::Region};
use crate::ids;

/// A league branch or organisation (团支部, 团总支, 团委).
pub(crate) struct YouthBranch(pub(crate) branch::Model);

quntuan_kit::directory_object! {
    #[Object(shareable)]
    impl YouthBranch {
        id(ids::BRANCH);
        str name;
        /// Always `YOUTH`.
        organization(Organization::Youth);
        /// The community (or street) code of the record.
        codes;
        /// `团支部`, `团总支` or `团委`.
        str kind;
        copy member_count: i32;
        copy founded_on: NaiveDate;
        /// The community the branch belongs to.
        region;
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
}

quntuan_kit::connection!(
    /// A page of league branches.
    YouthBranchConnection,
    YouthBranch
);

/// A youth award, e.g. 成都市五四红旗团组织.
pub(crate) struct YouthAward(pub(crate) award::Model);

quntuan_kit::directory_object! {
    #[Object(shareable)]
    impl YouthAward personal("youth:personal", ids::AWARD) {
        id(ids::AWARD);
        str title;
        /// The honoured collective, or the honoured person's workplace.
        str recipient_unit;
        /// The honoured person, for awards to individuals (personal data).
        nullable personal recipient_person("YouthAward.recipientPerson");
        /// Always `YOUTH`.
        organization(Organization::Youth);
        /// The community (or street) code of the record.
        codes;
        copy year: i32;
        region;
    }
}

quntuan_kit::connection!(
    /// A page of youth awards.
    YouthAwardConnection,
    YouthAward
);
