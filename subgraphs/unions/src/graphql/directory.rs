//! The unions' implementations of the shared directory types: `GrassrootsUnion`
//! (a `GrassrootsUnit`), `UnionActivity` (an `Activity`) and `UnionAward` (an `Award`).
//! The fields hub also serves are `@shareable` with the same types.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;
use quntuan_kit::reveal;

use super::center::ServiceCenter;
use super::loaders::{HomesOfUnion, SocialWorkersOfUnion};
use super::organization::Organization;
use super::people::UnionSocialWorker;
use super::places::WorkersHome;
use super::region::Region;
use super::{PERSONAL, loader};
use crate::model::enums::{GrassrootsUnionKind, LaborAwardKind};
use crate::model::{grassroots_union, labor_award, union_activity};

/// A grassroots union (基层工会).
pub struct GrassrootsUnion(pub grassroots_union::Model);

#[Object]
impl GrassrootsUnion {
    #[graphql(shareable)]
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    #[graphql(shareable)]
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The category as the shared directory spells it, e.g. `企业工会`.
    #[graphql(shareable)]
    async fn kind(&self) -> &str {
        self.0.kind.label()
    }

    /// The category as an enum, for filtering.
    async fn union_kind(&self) -> GrassrootsUnionKind {
        self.0.kind
    }

    /// Always `UNIONS`.
    #[graphql(shareable)]
    async fn organization(&self) -> Organization {
        Organization::Unions
    }

    /// The region the record belongs to (its community or street).
    #[graphql(shareable)]
    async fn region(&self) -> Region {
        Region {
            code: self.0.region_code.clone(),
        }
    }

    #[graphql(shareable)]
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    #[graphql(shareable)]
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    #[graphql(shareable)]
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    #[graphql(shareable)]
    async fn founded_on(&self) -> NaiveDate {
        self.0.founded_on
    }

    #[graphql(shareable)]
    async fn member_count(&self) -> i32 {
        self.0.member_count
    }

    /// The union chair's name (personal data).
    #[graphql(requires_scopes = "unions:personal")]
    async fn chair_name(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(
            ctx,
            PERSONAL,
            "GrassrootsUnion.chairName",
            &self.0.id,
            || self.0.chair_name.clone(),
        )
    }

    /// The union chair's phone number (personal data).
    #[graphql(requires_scopes = "unions:personal")]
    async fn chair_phone(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(
            ctx,
            PERSONAL,
            "GrassrootsUnion.chairPhone",
            &self.0.id,
            || self.0.chair_phone.clone(),
        )
    }

    /// The shared service centre the union is based at, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }

    /// The union's workers' homes.
    async fn workers_homes(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WorkersHome>> {
        let homes = loader(ctx)?
            .load_one(HomesOfUnion(self.0.id.clone()))
            .await?;
        Ok(homes
            .unwrap_or_default()
            .into_iter()
            .map(WorkersHome)
            .collect())
    }

    /// The socialised union workers assigned to the union.
    async fn social_workers(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<UnionSocialWorker>> {
        let workers = loader(ctx)?
            .load_one(SocialWorkersOfUnion(self.0.id.clone()))
            .await?;
        Ok(workers
            .unwrap_or_default()
            .into_iter()
            .map(UnionSocialWorker)
            .collect())
    }
}

/// A union activity, e.g. a themed lecture event (主题宣讲).
pub struct UnionActivity(pub union_activity::Model);

#[Object]
impl UnionActivity {
    #[graphql(shareable)]
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    #[graphql(shareable)]
    async fn title(&self) -> &str {
        &self.0.title
    }

    #[graphql(shareable)]
    async fn kind(&self) -> &str {
        &self.0.kind
    }

    /// Always `UNIONS`.
    #[graphql(shareable)]
    async fn organization(&self) -> Organization {
        Organization::Unions
    }

    /// The region the record belongs to (its community or street).
    #[graphql(shareable)]
    async fn region(&self) -> Region {
        Region {
            code: self.0.region_code.clone(),
        }
    }

    #[graphql(shareable)]
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    #[graphql(shareable)]
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    #[graphql(shareable)]
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    #[graphql(shareable)]
    async fn held_on(&self) -> NaiveDate {
        self.0.held_on
    }

    #[graphql(shareable)]
    async fn participant_count(&self) -> i32 {
        self.0.participant_count
    }

    /// The shared service centre where it was held, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }
}

/// A May Day labour award: a certificate (奖状) to a collective or a medal (奖章) to a person.
pub struct UnionAward(pub labor_award::Model);

#[Object]
impl UnionAward {
    #[graphql(shareable)]
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    /// The honour, e.g. `成都市五一劳动奖章（抗疫专项）`.
    #[graphql(shareable)]
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The honoured collective, or the honoured person's workplace.
    #[graphql(shareable)]
    async fn recipient_unit(&self) -> &str {
        &self.0.recipient_unit
    }

    /// The honoured person (medals only; personal data).
    #[graphql(shareable, requires_scopes = "unions:personal")]
    async fn recipient_person(&self, ctx: &Context<'_>) -> Option<String> {
        let person = self.0.recipient_person.as_ref()?;
        reveal(
            ctx,
            PERSONAL,
            "UnionAward.recipientPerson",
            &self.0.id,
            || person.clone(),
        )
    }

    /// Always `UNIONS`.
    #[graphql(shareable)]
    async fn organization(&self) -> Organization {
        Organization::Unions
    }

    /// The region the record belongs to (its community or street).
    #[graphql(shareable)]
    async fn region(&self) -> Region {
        Region {
            code: self.0.region_code.clone(),
        }
    }

    #[graphql(shareable)]
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    #[graphql(shareable)]
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    #[graphql(shareable)]
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    #[graphql(shareable)]
    async fn year(&self) -> i32 {
        self.0.year
    }

    /// Certificate or medal.
    async fn award_kind(&self) -> LaborAwardKind {
        self.0.kind
    }
}
