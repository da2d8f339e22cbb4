//! Academician and expert innovation workstations. The lead expert's name and phone are
//! personal data (`science:personal`), refused here too and audited.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;
use quntuan_kit::auth::reveal;

use super::{PERSONAL, region_of};
use crate::entity::workstation;
use crate::graphql::region::Region;
use crate::ids;

/// An academician or expert innovation workstation (院士（专家）创新工作站).
pub(crate) struct ScienceWorkstation(pub(crate) workstation::Model);

#[Object]
impl ScienceWorkstation {
    async fn id(&self) -> ID {
        ID(ids::WORKSTATION.format(self.0.id))
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// `院士工作站` or `专家工作站`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// The enterprise or institution hosting the workstation.
    async fn host_unit(&self) -> &str {
        &self.0.host_unit
    }
    /// The research field, e.g. 生物医药.
    async fn field(&self) -> &str {
        &self.0.field
    }
    /// The academician or expert leading it (personal data).
    #[graphql(requires_scopes = "science:personal")]
    async fn lead_expert(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::WORKSTATION.format(self.0.id);
        reveal(ctx, PERSONAL, "ScienceWorkstation.leadExpert", &id, || {
            self.0.lead_expert.clone()
        })
    }
    /// The lead expert's phone (personal data).
    #[graphql(requires_scopes = "science:personal")]
    async fn expert_phone(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::WORKSTATION.format(self.0.id);
        reveal(ctx, PERSONAL, "ScienceWorkstation.expertPhone", &id, || {
            self.0.expert_phone.clone()
        })
    }
    async fn established_on(&self) -> NaiveDate {
        self.0.established_on
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
}

quntuan_kit::connection!(
    /// A page of innovation workstations.
    ScienceWorkstationConnection,
    ScienceWorkstation
);
