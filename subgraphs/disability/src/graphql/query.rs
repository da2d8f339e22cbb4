//! Root queries: filtered, paginated lists and the federation entity resolvers (all
//! batched through the dataloaders).

use async_graphql::{Context, MergedObject, Result};
use quntuan_kit::auth::{DISABILITY_SENSITIVE, require_scope};

use super::app;
use super::center::ServiceCenter;
use super::objects::*;
use super::region::Region;
use crate::ids;
use crate::service::lists::{
    self, DisabilityActivityFilter, DisabilityAwardFilter, DisabilityOrganizationFilter,
    DisabilityWorkerFilter, DisabledPersonFilter,
};

#[derive(MergedObject, Default)]
pub struct Query(ListQuery, EntityQuery);

quntuan_kit::list_queries! {
    ListQuery, db(ctx) = &app(ctx)?.db;
    /// Grassroots disabled persons' organisations, filtered, one page at a time.
    disability_organizations(DisabilityOrganizationFilter)
        -> DisabilityOrganizationConnection of DisabilityOrganization = lists::organizations;
    /// Disability workers, filtered, one page at a time (personal fields need
    /// `disability:personal`).
    disability_workers(DisabilityWorkerFilter)
        -> DisabilityWorkerConnection of DisabilityWorker = lists::workers;
    /// The registry of people with disabilities, filtered, one page at a time. Filtering by
    /// category or grade needs `disability:sensitive`.
    disabled_persons(DisabledPersonFilter)
        -> DisabledPersonConnection of DisabledPerson
        = lists::persons, checked by sensitive_filter_allowed;
    /// Accessibility services (有爱无碍), filtered, one page at a time.
    disability_activities(DisabilityActivityFilter)
        -> DisabilityActivityConnection of DisabilityActivity = lists::activities;
    /// Awards of the federation, filtered, one page at a time.
    disability_awards(DisabilityAwardFilter)
        -> DisabilityAwardConnection of DisabilityAward = lists::awards;
}

/// Filtering the registry by category or grade reveals sensitive data: it needs
/// `disability:sensitive`.
fn sensitive_filter_allowed(ctx: &Context<'_>, filter: &DisabledPersonFilter) -> Result<()> {
    if filter.category.is_some() || filter.grade.is_some() {
        require_scope(
            ctx,
            DISABILITY_SENSITIVE,
            "disabledPersons.filter",
            "category/grade",
        )?;
    }
    Ok(())
}

quntuan_kit::entity_lookups! {
    /// Lookups by id that also answer `_entities`.
    EntityQuery, app: super::app, extends Region and ServiceCenter;
    find_disability_organization_by_id => DisabilityOrganization, organization, ids::ORGANIZATION, "organisation";
    find_disability_worker_by_id => DisabilityWorker, worker, ids::WORKER, "disability worker";
    find_disabled_person_by_id => DisabledPerson, person, ids::PERSON, "registered person";
    find_disability_activity_by_id => DisabilityActivity, service, ids::SERVICE, "accessibility service";
    find_disability_award_by_id => DisabilityAward, award, ids::AWARD, "disability award";
}
