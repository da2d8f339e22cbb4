//! `LaborDispute @key(fields: "id")` is owned by `unions`; the women's federation adds its
//! rights-assistance record to the same case.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, NaiveDate, Utc};

use super::directory::WomenOrganization;
use super::loader;
use super::loaders::AssistanceOfDispute;
use super::loaders::OrganizationById;
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

quntuan_kit::directory_object! {
    #[Object]
    impl RightsAssistance personal("women:personal") {
        id;

        /// The case, resolvable in `unions`.
        async fn dispute(&self) -> LaborDispute {
            LaborDispute {
                id: self.0.dispute_id.clone(),
            }
        }

        copy kind: RightsAssistanceKind;

        /// What was done; it describes the claimant's situation (personal data).
        personal note("RightsAssistance.note");

        copy assisted_on: NaiveDate;
        /// The subject of the caller who recorded it.
        str recorded_by;
        copy recorded_at: DateTime<Utc>;
        codes;

        /// The women's organisation that gave the assistance.
        link organization: WomenOrganization = OrganizationById(organization_id);
    }
}
