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

/// Filters of `youthVolunteers`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthVolunteerFilter {
    pub region_code: Option<String>,
    /// Volunteers of one league branch (`youth-unit-000042`).
    pub branch_id: Option<ID>,
    pub registered_from: Option<NaiveDate>,
    pub registered_to: Option<NaiveDate>,
}

/// Filters of `youthActivities`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthActivityFilter {
    pub region_code: Option<String>,
    /// The scene, e.g. `青年交友`, `读书会`.
    pub kind: Option<String>,
    pub held_from: Option<NaiveDate>,
    pub held_to: Option<NaiveDate>,
    pub youth_home_id: Option<ID>,
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

/// Filters of `youthServiceLogs`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthServiceLogFilter {
    pub region_code: Option<String>,
    pub volunteer_id: Option<ID>,
    pub served_from: Option<NaiveDate>,
    pub served_to: Option<NaiveDate>,
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

    pub(crate) fn volunteers(filter: &YouthVolunteerFilter) -> volunteer::Entity {
        use volunteer::Column as V;
        let branch = ids::BRANCH.parse_optional("branchId", filter.branch_id.as_ref())?;
        move |select| {
            select
                .equal(V::BranchId, branch)
                .between(V::RegisteredOn, filter.registered_from, filter.registered_to)
        }
    }

    pub(crate) fn service_logs(filter: &YouthServiceLogFilter) -> service_log::Entity {
        use service_log::Column as L;
        let volunteer = ids::VOLUNTEER.parse_optional("volunteerId", filter.volunteer_id.as_ref())?;
        move |select| {
            select
                .equal(L::VolunteerId, volunteer)
                .between(L::ServedOn, filter.served_from, filter.served_to)
        }
    }

    pub(crate) fn activities(filter: &YouthActivityFilter) -> activity::Entity {
        use activity::Column as A;
        let home = ids::HOME.parse_optional("youthHomeId", filter.youth_home_id.as_ref())?;
        move |select| {
            select
                .equal(A::Kind, filter.kind.clone())
                .between(A::HeldOn, filter.held_from, filter.held_to)
                .equal(A::YouthHomeId, home)
        }
    }
}
