//! Union social workers and craftsmen: their names, ID numbers and phones are personal
//! data, served only with the `unions:personal` scope.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;
use quntuan_kit::reveal;

use super::center::ServiceCenter;
use super::directory::GrassrootsUnion;
use super::loaders::UnionById;
use super::{PERSONAL, loader};
use crate::model::enums::{CraftsmanLevel, UnionSocialWorkerSpecialty};
use crate::model::{craftsman, union_social_worker};

/// A socialised union worker (社会化工会工作者).
pub struct UnionSocialWorker(pub union_social_worker::Model);

#[Object]
impl UnionSocialWorker {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    #[graphql(requires_scopes = "unions:personal")]
    async fn name(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(ctx, PERSONAL, "UnionSocialWorker.name", &self.0.id, || {
            self.0.name.clone()
        })
    }

    #[graphql(requires_scopes = "unions:personal")]
    async fn id_number(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(
            ctx,
            PERSONAL,
            "UnionSocialWorker.idNumber",
            &self.0.id,
            || self.0.id_number.clone(),
        )
    }

    #[graphql(requires_scopes = "unions:personal")]
    async fn phone(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(ctx, PERSONAL, "UnionSocialWorker.phone", &self.0.id, || {
            self.0.phone.clone()
        })
    }

    async fn specialty(&self) -> UnionSocialWorkerSpecialty {
        self.0.specialty
    }

    async fn hired_on(&self) -> NaiveDate {
        self.0.hired_on
    }

    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    /// The grassroots union the worker is assigned to, if any.
    async fn union(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<GrassrootsUnion>> {
        let Some(union_id) = &self.0.union_id else {
            return Ok(None);
        };
        let union = loader(ctx)?.load_one(UnionById(union_id.clone())).await?;
        Ok(union.map(GrassrootsUnion))
    }

    /// The shared service centre the worker is stationed at, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }
}

/// A craftsman honoured by the unions (成都工匠 / 区县工匠).
pub struct Craftsman(pub craftsman::Model);

#[Object]
impl Craftsman {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    #[graphql(requires_scopes = "unions:personal")]
    async fn name(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(ctx, PERSONAL, "Craftsman.name", &self.0.id, || {
            self.0.name.clone()
        })
    }

    #[graphql(requires_scopes = "unions:personal")]
    async fn phone(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(ctx, PERSONAL, "Craftsman.phone", &self.0.id, || {
            self.0.phone.clone()
        })
    }

    async fn trade(&self) -> &str {
        &self.0.trade
    }

    async fn level(&self) -> CraftsmanLevel {
        self.0.level
    }

    async fn employer(&self) -> &str {
        &self.0.employer
    }

    async fn honoured_year(&self) -> i32 {
        self.0.honoured_year
    }

    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    async fn district_code(&self) -> &str {
        &self.0.district_code
    }
}
