//! Disability workers and the registry of people with disabilities. Names, ID numbers and
//! phones need `disability:personal`; disability category and grade need
//! `disability:sensitive`. Each is marked `@requiresScopes` for the gateway and refused
//! here too (null + FORBIDDEN), with an audit log line for every read or refusal.

use async_graphql::{Context, Object};
use chrono::NaiveDate;
use quntuan_kit::auth::{DISABILITY_SENSITIVE, reveal};

use super::DisabilityOrganization;
use crate::entity::{person, worker};
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;
use crate::service::lists::DisabilityCategory;

/// A full- or part-time disability worker (残疾人专（兼）职工作者).
pub(crate) struct DisabilityWorker(pub(crate) worker::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl DisabilityWorker personal("disability:personal", ids::WORKER) {
        id(ids::WORKER);
        personal name("DisabilityWorker.name");
        personal id_number("DisabilityWorker.idNumber");
        personal phone("DisabilityWorker.phone");
        /// `专职` (full-time) or `兼职` (part-time).
        str role;
        copy hired_on: NaiveDate;
        region;
        /// The grassroots organisation the worker serves, if any.
        nullable link organization_unit: DisabilityOrganization =
            loaders.organization(organization_id);
        /// The shared venue the worker is stationed at, if any.
        service_center;
    }
}

quntuan_kit::connection!(
    /// A page of disability workers.
    DisabilityWorkerConnection,
    DisabilityWorker
);

/// A person in the registry of people with disabilities.
pub(crate) struct DisabledPerson(pub(crate) person::Model);

impl DisabledPerson {
    fn public_id(&self) -> String {
        ids::PERSON.format(self.0.id)
    }
}

quntuan_kit::directory_object! {
    #[Object]
    impl DisabledPerson personal("disability:personal", ids::PERSON) {
        id(ids::PERSON);
        personal name("DisabledPerson.name");
        personal id_number("DisabledPerson.idNumber");
        personal phone("DisabledPerson.phone");
        /// The disability category (sensitive).
        #[graphql(requires_scopes = "disability:sensitive")]
        async fn category(&self, ctx: &Context<'_>) -> Option<DisabilityCategory> {
            reveal(
                ctx,
                DISABILITY_SENSITIVE,
                "DisabledPerson.category",
                &self.public_id(),
                || DisabilityCategory::parse(&self.0.category),
            )
            .flatten()
        }
        /// The disability grade, 1 (most severe) to 4 (sensitive).
        #[graphql(requires_scopes = "disability:sensitive")]
        async fn grade(&self, ctx: &Context<'_>) -> Option<i32> {
            reveal(
                ctx,
                DISABILITY_SENSITIVE,
                "DisabledPerson.grade",
                &self.public_id(),
                || i32::from(self.0.grade),
            )
        }
        copy registered_on: NaiveDate;
        region;
        /// The grassroots organisation the person is attached to, if any.
        nullable link organization_unit: DisabilityOrganization =
            loaders.organization(organization_id);
    }
}

quntuan_kit::connection!(
    /// A page of the registry.
    DisabledPersonConnection,
    DisabledPerson
);
