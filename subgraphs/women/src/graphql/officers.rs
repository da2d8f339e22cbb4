//! Federation officers: names, ID numbers and phones are personal data, served only with
//! the `women:personal` scope.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;
use quntuan_kit::reveal;

use super::directory::WomenOrganization;
use super::loaders::OrganizationById;
use super::{PERSONAL, loader};
use crate::model::enums::WomenOfficerRole;
use crate::model::women_officer;

/// A chair, vice-chair or executive member of a women's organisation.
pub struct WomenOfficer(pub women_officer::Model);

#[Object]
impl WomenOfficer {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    async fn role(&self) -> WomenOfficerRole {
        self.0.role
    }

    #[graphql(requires_scopes = "women:personal")]
    async fn name(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(ctx, PERSONAL, "WomenOfficer.name", &self.0.id, || {
            self.0.name.clone()
        })
    }

    #[graphql(requires_scopes = "women:personal")]
    async fn id_number(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(ctx, PERSONAL, "WomenOfficer.idNumber", &self.0.id, || {
            self.0.id_number.clone()
        })
    }

    #[graphql(requires_scopes = "women:personal")]
    async fn phone(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(ctx, PERSONAL, "WomenOfficer.phone", &self.0.id, || {
            self.0.phone.clone()
        })
    }

    async fn term_started_on(&self) -> NaiveDate {
        self.0.term_started_on
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

    /// The organisation the officer serves.
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<WomenOrganization>> {
        let key = OrganizationById(self.0.organization_id.clone());
        Ok(loader(ctx)?.load_one(key).await?.map(WomenOrganization))
    }
}
