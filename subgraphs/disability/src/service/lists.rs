//! Filtered, paginated listings. Each returns the total over all pages and one page,
//! ordered by id so pages are stable.

use async_graphql::{Enum, ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::{Filters, validate};

use crate::entity::{award, organization, person, service, worker};
use crate::ids;

/// The disability categories of the registry (sensitive health data).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisabilityCategory {
    /// 视力残疾
    Visual,
    /// 听力残疾
    Hearing,
    /// 言语残疾
    Speech,
    /// 肢体残疾
    Physical,
    /// 智力残疾
    Intellectual,
    /// 精神残疾
    Mental,
    /// 多重残疾
    Multiple,
}

impl DisabilityCategory {
    pub(crate) const ALL: [DisabilityCategory; 7] = [
        DisabilityCategory::Visual,
        DisabilityCategory::Hearing,
        DisabilityCategory::Speech,
        DisabilityCategory::Physical,
        DisabilityCategory::Intellectual,
        DisabilityCategory::Mental,
        DisabilityCategory::Multiple,
    ];

    /// The value stored in `disability_persons.category`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DisabilityCategory::Visual => "VISUAL",
            DisabilityCategory::Hearing => "HEARING",
            DisabilityCategory::Speech => "SPEECH",
            DisabilityCategory::Physical => "PHYSICAL",
            DisabilityCategory::Intellectual => "INTELLECTUAL",
            DisabilityCategory::Mental => "MENTAL",
            DisabilityCategory::Multiple => "MULTIPLE",
        }
    }

    pub(crate) fn parse(value: &str) -> Option<DisabilityCategory> {
        DisabilityCategory::ALL
            .into_iter()
            .find(|c| c.as_str() == value)
    }
}

quntuan_kit::list_filter! {
    /// Filters of `disabilityOrganizations`.
    pub struct DisabilityOrganizationFilter {
        /// A division code: the city, a district, street or community (and everything below).
        region_code,
        /// `社区（村）残疾人协会` or `专门协会`.
        kind: String => equal Kind,
        /// Part of the organisation's name.
        name_contains: String => containing Name,
    }
    pub(crate) fn organizations() -> organization;
}

quntuan_kit::list_filter! {
    /// Filters of `disabilityWorkers`.
    pub struct DisabilityWorkerFilter {
        region_code,
        /// `专职` or `兼职`.
        role: String => equal Role,
        /// Workers of one organisation (`disability-unit-000042`).
        organization_id: ID => equal OrganizationId by ids::ORGANIZATION ["organizationId"],
    }
    pub(crate) fn workers() -> worker;
}

/// Filters of `disabledPersons`. Filtering by category or grade reveals sensitive data,
/// so it needs the `disability:sensitive` scope.
#[derive(Clone, Debug, Default, InputObject)]
pub struct DisabledPersonFilter {
    pub region_code: Option<String>,
    pub organization_id: Option<ID>,
    pub category: Option<DisabilityCategory>,
    /// 1 (most severe) to 4.
    pub grade: Option<i32>,
    pub registered_from: Option<NaiveDate>,
    pub registered_to: Option<NaiveDate>,
}

quntuan_kit::list_filter! {
    /// Filters of `disabilityActivities` (accessibility services).
    pub struct DisabilityActivityFilter {
        region_code,
        /// 无障碍出行服务, 康复指导, 就业帮扶 or 文体活动.
        kind: String => equal Kind,
        held_from: NaiveDate => at_least HeldOn,
        held_to: NaiveDate => at_most HeldOn,
        organization_id: ID => equal OrganizationId by ids::ORGANIZATION ["organizationId"],
    }
    pub(crate) fn activities() -> service;
}

quntuan_kit::list_filter! {
    /// Filters of `disabilityAwards`.
    pub struct DisabilityAwardFilter {
        region_code,
        year: i32 => equal Year,
    }
    pub(crate) fn awards() -> award;
}

quntuan_kit::paged_lists! {
    pub(crate) fn persons(filter: &DisabledPersonFilter) -> person::Entity {
        use person::Column as P;
        if let Some(grade) = filter.grade {
            validate::in_range("grade", 1..=4, grade)?;
        }
        let organization =
            ids::ORGANIZATION.parse_optional("organizationId", filter.organization_id.as_ref())?;
        move |select| {
            select
                .equal(P::OrganizationId, organization)
                .equal(P::Category, filter.category.map(DisabilityCategory::as_str))
                .equal(P::Grade, filter.grade)
                .between(P::RegisteredOn, filter.registered_from, filter.registered_to)
        }
    }
}
