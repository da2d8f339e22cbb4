//! Filtered, paginated listings. Each returns the total over all pages and one page,
//! ordered by id so pages are stable.

use async_graphql::{ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::Filters;

use crate::entity::{activity, award, branch, home, service_log, social_worker, volunteer};
use crate::ids;

quntuan_kit::list_filter! {
    /// Filters of `youthBranches`.
    pub struct YouthBranchFilter {
        /// A division code: the city, a district, street or community (and everything below).
        region_code,
        /// `团支部`, `团总支` or `团委`.
        kind: String => equal Kind,
        /// Part of the branch's name.
        name_contains: String => containing Name,
    }
    pub(crate) fn branches() -> branch;
}

/// Filters of `youthHomes`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthHomeFilter {
    pub region_code: Option<String>,
    /// The hub's service centre id (e.g. `sc-510104001`).
    pub service_center_id: Option<ID>,
    /// Part of the market partner's name.
    pub partner_contains: Option<String>,
}

quntuan_kit::list_filter! {
    /// Filters of `youthVolunteers`.
    pub struct YouthVolunteerFilter {
        region_code,
        /// Volunteers of one league branch (`youth-unit-000042`).
        branch_id: ID => equal BranchId by ids::BRANCH ["branchId"],
        registered_from: NaiveDate => at_least RegisteredOn,
        registered_to: NaiveDate => at_most RegisteredOn,
    }
    pub(crate) fn volunteers() -> volunteer;
}

quntuan_kit::list_filter! {
    /// Filters of `youthActivities`.
    pub struct YouthActivityFilter {
        region_code,
        /// The scene, e.g. `青年交友`, `读书会`.
        kind: String => equal Kind,
        held_from: NaiveDate => at_least HeldOn,
        held_to: NaiveDate => at_most HeldOn,
        youth_home_id: ID => equal YouthHomeId by ids::HOME ["youthHomeId"],
    }
    pub(crate) fn activities() -> activity;
}

quntuan_kit::list_filter! {
    /// Filters of `youthSocialWorkers`.
    pub struct YouthSocialWorkerFilter {
        region_code,
        specialty: String => equal Specialty,
    }
    pub(crate) fn social_workers() -> social_worker;
}

quntuan_kit::list_filter! {
    /// Filters of `youthAwards`.
    pub struct YouthAwardFilter {
        region_code,
        year: i32 => equal Year,
    }
    pub(crate) fn awards() -> award;
}

quntuan_kit::list_filter! {
    /// Filters of `youthServiceLogs`.
    pub struct YouthServiceLogFilter {
        region_code,
        volunteer_id: ID => equal VolunteerId by ids::VOLUNTEER ["volunteerId"],
        served_from: NaiveDate => at_least ServedOn,
        served_to: NaiveDate => at_most ServedOn,
    }
    pub(crate) fn service_logs() -> service_log;
}

quntuan_kit::paged_lists! {
    pub(crate) fn homes(filter: &YouthHomeFilter) -> home::Entity {
        use home::Column as H;
        let center = filter.service_center_id.as_ref().map(|c| c.0.clone());
        move |select| {
            select
                .equal(H::ServiceCenterId, center)
                .containing(H::Partner, filter.partner_contains.as_deref())
        }
    }
}
