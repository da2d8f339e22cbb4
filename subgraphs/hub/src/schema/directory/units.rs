//! Grassroots units of the five organisations.

use async_graphql::ID;
use chrono::NaiveDate;

use super::directory_interface;
use crate::entities::directory_unit;
use crate::schema::region::Region;
use quntuan_kit::organization::Organization;

directory_interface! {
    row: directory_unit::Model,
    /// A grassroots unit of any of the five organisations.
    interface: GrassrootsUnit,
    fields: (
        field(name = "name", ty = "&str"),
        field(name = "kind", ty = "&str")
    ) then (
        field(name = "founded_on", ty = "NaiveDate"),
        field(name = "member_count", ty = "i32")
    ),
    /// A page of grassroots units of all organisations.
    connection: GrassrootsUnitConnection,
    lookups: UnitLookups by units,
    region_code {
        /// The community the unit is in.
    }
    head {
        str name;
        /// The organisation's own category, e.g. 企业工会, 团支部.
        str kind;
    }
    tail {
        copy founded_on: NaiveDate;
        copy member_count: i32;
    }
    types {
        /// A grassroots union 基层工会 (unions).
        GrassrootsUnion = Unions by find_grassroots_union_by_id,
        /// A league organisation 团组织 (youth).
        YouthBranch = Youth by find_youth_branch_by_id,
        /// A women's organisation 妇女组织 (women).
        WomenOrganization = Women by find_women_organization_by_id,
        /// An enterprise science association 企事业单位科协 (science).
        ScienceAssociation = Science by find_science_association_by_id,
        /// A grassroots disabled persons' organisation 基层残疾人组织 (disability).
        DisabilityOrganization = Disability by find_disability_organization_by_id,
    }
}
