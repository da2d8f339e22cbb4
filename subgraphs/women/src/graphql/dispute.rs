//! `LaborDispute @key(fields: "id")` is owned by `unions`; the women's federation adds its
//! rights-assistance record to the same case.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, NaiveDate, Utc};
use quntuan_kit::reveal;

use super::directory::WomenOrganization;
use super::loaders::{AssistanceOfDispute, OrganizationById};
use super::{PERSONAL, loader};
use crate::model::enums::RightsAssistanceKind;
use crate::model::rights_assistance;
use quntuan_kit::load_list;

/// A labour-dispute case of `unions`, seen from the women's federation.
pub struct LaborDispute {
    pub id: String,
}

#[Object]
impl LaborDispute {
    async fn id(&self) -> ID {
        ID(self.id.clone())
    }

    /// The women's federation's assistance on this case, oldest first (empty when it gave
    /// none).
    async fn rights_assistance(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<RightsAssistance>> {
        Ok(load_list(
            loader(ctx)?,
            AssistanceOfDispute(self.id.clone()),
            RightsAssistance,
        )
        .await?)
    }
}

/// One act of rights assistance (维权帮扶) by a women's organisation on a labour dispute.
pub struct RightsAssistance(pub rights_assistance::Model);

#[Object]
impl RightsAssistance {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    /// The case, resolvable in `unions`.
    async fn dispute(&self) -> LaborDispute {
        LaborDispute {
            id: self.0.dispute_id.clone(),
        }
    }

    async fn kind(&self) -> RightsAssistanceKind {
        self.0.kind
    }

    /// What was done; it describes the claimant's situation (personal data).
    #[graphql(requires_scopes = "women:personal")]
    async fn note(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(ctx, PERSONAL, "RightsAssistance.note", &self.0.id, || {
            self.0.note.clone()
        })
    }

    async fn assisted_on(&self) -> NaiveDate {
        self.0.assisted_on
    }

    /// The subject of the caller who recorded it.
    async fn recorded_by(&self) -> &str {
        &self.0.recorded_by
    }

    async fn recorded_at(&self) -> DateTime<Utc> {
        self.0.recorded_at
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

    /// The women's organisation that gave the assistance.
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<WomenOrganization>> {
        let key = OrganizationById(self.0.organization_id.clone());
        Ok(loader(ctx)?.load_one(key).await?.map(WomenOrganization))
    }
}
