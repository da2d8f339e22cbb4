//! Grassroots units of the five organisations.

use async_graphql::{ID, Interface, Object};
use chrono::NaiveDate;

use crate::entities::directory_unit;
use crate::schema::organization::Organization;
use crate::schema::region::Region;

macro_rules! unit_type {
    ($(#[$doc:meta])* $name:ident, $org:expr) => {
        $(#[$doc])*
        pub struct $name(pub(crate) directory_unit::Model);

        #[Object(shareable)]
        impl $name {
            async fn id(&self) -> ID {
                ID(self.0.id.clone())
            }

            async fn name(&self) -> &str {
                &self.0.name
            }

            /// The organisation's own category, e.g. 企业工会, 团支部.
            async fn kind(&self) -> &str {
                &self.0.kind
            }

            async fn organization(&self) -> Organization {
                $org
            }

            /// The community the unit is in.
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
                Region::by_code(self.0.region_code.clone())
            }

            async fn founded_on(&self) -> NaiveDate {
                self.0.founded_on
            }

            async fn member_count(&self) -> i32 {
                self.0.member_count
            }
        }
    };
}

unit_type!(
    /// A grassroots union 基层工会 (unions).
    GrassrootsUnion,
    Organization::Unions
);
unit_type!(
    /// A league organisation 团组织 (youth).
    YouthBranch,
    Organization::Youth
);
unit_type!(
    /// A women's organisation 妇女组织 (women).
    WomenOrganization,
    Organization::Women
);
unit_type!(
    /// An enterprise science association 企事业单位科协 (science).
    ScienceAssociation,
    Organization::Science
);
unit_type!(
    /// A grassroots disabled persons' organisation 基层残疾人组织 (disability).
    DisabilityOrganization,
    Organization::Disability
);

/// A grassroots unit of any of the five organisations.
#[derive(Interface)]
#[expect(
    clippy::duplicated_attributes,
    reason = "each field(...) of the interface repeats `ty`, which clippy takes for a duplicate"
)]
#[graphql(
    field(name = "id", ty = "ID"),
    field(name = "name", ty = "&str"),
    field(name = "kind", ty = "&str"),
    field(name = "organization", ty = "Organization"),
    field(name = "region_code", ty = "&str"),
    field(name = "street_code", ty = "&str"),
    field(name = "district_code", ty = "&str"),
    field(name = "region", ty = "Region"),
    field(name = "founded_on", ty = "NaiveDate"),
    field(name = "member_count", ty = "i32")
)]
pub enum GrassrootsUnit {
    GrassrootsUnion(GrassrootsUnion),
    YouthBranch(YouthBranch),
    WomenOrganization(WomenOrganization),
    ScienceAssociation(ScienceAssociation),
    DisabilityOrganization(DisabilityOrganization),
}

impl GrassrootsUnit {
    /// The typed unit of a directory row; `None` for an unknown organisation.
    pub(crate) fn from_row(row: directory_unit::Model) -> Option<GrassrootsUnit> {
        Some(match Organization::from_stored(&row.organization)? {
            Organization::Unions => GrassrootsUnit::GrassrootsUnion(GrassrootsUnion(row)),
            Organization::Youth => GrassrootsUnit::YouthBranch(YouthBranch(row)),
            Organization::Women => GrassrootsUnit::WomenOrganization(WomenOrganization(row)),
            Organization::Science => GrassrootsUnit::ScienceAssociation(ScienceAssociation(row)),
            Organization::Disability => {
                GrassrootsUnit::DisabilityOrganization(DisabilityOrganization(row))
            }
        })
    }
}

quntuan_kit::connection!(
    /// A page of grassroots units of all organisations.
    GrassrootsUnitConnection,
    GrassrootsUnit
);
