//! Disability workers and the registry of people with disabilities. Names, ID numbers and
//! phones need `disability:personal`; disability category and grade need
//! `disability:sensitive`. Each is marked `@requiresScopes` for the gateway and refused
//! here too (null + FORBIDDEN), with an audit log line for every read or refusal.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use quntuan_kit::auth::{DISABILITY_SENSITIVE, reveal};

use super::{DisabilityOrganization, PERSONAL, region_of};
use crate::entity::{person, worker};
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;
use crate::service::lists::DisabilityCategory;

/// A full- or part-time disability worker (残疾人专（兼）职工作者).
pub(crate) struct DisabilityWorker(pub(crate) worker::Model);

#[Object]
impl DisabilityWorker {
    async fn id(&self) -> ID {
        ID(ids::WORKER.format(self.0.id))
    }
    #[graphql(requires_scopes = "disability:personal")]
    async fn name(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::WORKER.format(self.0.id);
        reveal(ctx, PERSONAL, "DisabilityWorker.name", &id, || {
            self.0.name.clone()
        })
    }
    #[graphql(requires_scopes = "disability:personal")]
    async fn id_number(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::WORKER.format(self.0.id);
        reveal(ctx, PERSONAL, "DisabilityWorker.idNumber", &id, || {
            self.0.id_number.clone()
        })
    }
    #[graphql(requires_scopes = "disability:personal")]
    async fn phone(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::WORKER.format(self.0.id);
        reveal(ctx, PERSONAL, "DisabilityWorker.phone", &id, || {
            self.0.phone.clone()
        })
    }
    /// `专职` (full-time) or `兼职` (part-time).
    async fn role(&self) -> &str {
        &self.0.role
    }
    async fn hired_on(&self) -> NaiveDate {
        self.0.hired_on
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    /// The grassroots organisation the worker serves, if any.
    async fn organization_unit(&self, ctx: &Context<'_>) -> Result<Option<DisabilityOrganization>> {
        let Some(id) = self.0.organization_id else {
            return Ok(None);
        };
        let row = app(ctx)?.loaders.organization.load_one(id).await?;
        Ok(row.map(DisabilityOrganization))
    }
    /// The shared venue the worker is stationed at, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
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

#[Object]
impl DisabledPerson {
    async fn id(&self) -> ID {
        ID(self.public_id())
    }
    #[graphql(requires_scopes = "disability:personal")]
    async fn name(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(
            ctx,
            PERSONAL,
            "DisabledPerson.name",
            &self.public_id(),
            || self.0.name.clone(),
        )
    }
    #[graphql(requires_scopes = "disability:personal")]
    async fn id_number(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(
            ctx,
            PERSONAL,
            "DisabledPerson.idNumber",
            &self.public_id(),
            || self.0.id_number.clone(),
        )
    }
    #[graphql(requires_scopes = "disability:personal")]
    async fn phone(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(
            ctx,
            PERSONAL,
            "DisabledPerson.phone",
            &self.public_id(),
            || self.0.phone.clone(),
        )
    }
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
    async fn registered_on(&self) -> NaiveDate {
        self.0.registered_on
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    /// The grassroots organisation the person is attached to, if any.
    async fn organization_unit(&self, ctx: &Context<'_>) -> Result<Option<DisabilityOrganization>> {
        let Some(id) = self.0.organization_id else {
            return Ok(None);
        };
        let row = app(ctx)?.loaders.organization.load_one(id).await?;
        Ok(row.map(DisabilityOrganization))
    }
}

quntuan_kit::connection!(
    /// A page of the registry.
    DisabledPersonConnection,
    DisabledPerson
);
