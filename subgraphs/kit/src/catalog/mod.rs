//! Deterministic generators for the shared directory: every organisation's grassroots
//! units, activities and awards, and the shared service centres. `hub` seeds its
//! directory from these and each organisation seeds its own tables from the same
//! functions, so ids, names and regions agree across subgraphs.
//!
//! Counts at `Scale::Full` follow DOMAIN.md's scale table; where DOMAIN.md gives no figure
//! (marked "assumed" below) a modest count was chosen.

/// One function per organisation, `NAME(scale)`, over the kind's generator `$all(org,
/// scale)`; each keeps its doc comment (the figures it produces).
macro_rules! per_organisation {
    ($all:ident -> $item:ty { $($(#[$doc:meta])* $name:ident: $org:ident,)* }) => {$(
        $(#[$doc])*
        pub fn $name(scale: Scale) -> impl Iterator<Item = $item> {
            $all(Org::$org, scale)
        }
    )*};
}

mod activities;
mod awards;
mod centers;
mod units;

use chrono::NaiveDate;

use crate::region::{RegionRef, RegionTree};

pub use activities::{
    activities, activity_kinds, disability_activities, science_activities, union_activities,
    women_activities, youth_activities,
};
pub use awards::{
    awards, disability_awards, science_awards, union_awards, women_awards, youth_awards,
};
pub use centers::{
    CenterKind, DEMONSTRATION_HALLS, ServiceCenterSkeleton, city_center_id, demonstration_hall_id,
    district_center_id, service_centers, street_center_id,
};
pub use units::{
    disability_organizations, grassroots_unions, science_associations, units, women_organizations,
    youth_branches,
};

/// The name of region `code` of `tree`, empty when it has none.
fn region_name<'a>(tree: &'a RegionTree, code: &str) -> &'a str {
    tree.region(code).map(|r| r.name.as_str()).unwrap_or("")
}

/// The five mass organisations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Org {
    Unions,
    Youth,
    Women,
    Science,
    Disability,
}

impl Org {
    pub const ALL: [Org; 5] = [
        Org::Unions,
        Org::Youth,
        Org::Women,
        Org::Science,
        Org::Disability,
    ];

    /// The subgraph name and the prefix of ids and scopes (`unions`, `youth`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Org::Unions => "unions",
            Org::Youth => "youth",
            Org::Women => "women",
            Org::Science => "science",
            Org::Disability => "disability",
        }
    }

    pub fn chinese_name(self) -> &'static str {
        match self {
            Org::Unions => "工会",
            Org::Youth => "共青团",
            Org::Women => "妇联",
            Org::Science => "科协",
            Org::Disability => "残联",
        }
    }

    /// The scope that unlocks this organisation's personal data (`youth:personal`).
    pub fn personal_scope(self) -> &'static str {
        match self {
            Org::Unions => "unions:personal",
            Org::Youth => "youth:personal",
            Org::Women => "women:personal",
            Org::Science => "science:personal",
            Org::Disability => "disability:personal",
        }
    }

    pub fn parse(name: &str) -> Option<Org> {
        Org::ALL.into_iter().find(|o| o.as_str() == name)
    }
}

/// A grassroots unit (grassroots union, league branch, women's organisation, enterprise
/// science association, grassroots disabled persons' organisation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitSkeleton {
    /// `"{org}-unit-{seq:06}"`, e.g. `youth-unit-000042`.
    pub id: String,
    pub org: Org,
    /// 1-based position in the organisation's sequence.
    pub seq: u32,
    pub name: String,
    /// The organisation's own category, e.g. `企业工会`, `团支部`.
    pub kind: &'static str,
    pub region: RegionRef,
    pub founded_on: NaiveDate,
    pub member_count: u32,
}

/// An activity or service event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivitySkeleton {
    /// `"{org}-act-{seq:06}"`.
    pub id: String,
    pub org: Org,
    pub seq: u32,
    pub title: String,
    pub kind: &'static str,
    pub region: RegionRef,
    pub held_on: NaiveDate,
    pub participant_count: u32,
}

/// An award (honour) given to a collective or a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardSkeleton {
    /// `"{org}-award-{seq:04}"`.
    pub id: String,
    pub org: Org,
    pub seq: u32,
    /// The honour's name, e.g. `成都市五一劳动奖章（抗疫专项）`.
    pub title: String,
    /// The honoured collective, or the honoured person's workplace (public).
    pub recipient_unit: String,
    /// The honoured person's name for individual awards: personal data, served only with
    /// the organisation's `personal` scope.
    pub recipient_person: Option<String>,
    pub year: i32,
    pub region: RegionRef,
}

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}
