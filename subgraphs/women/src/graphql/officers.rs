//! Federation officers: names, ID numbers and phones are personal data, served only with
//! the `women:personal` scope.

use async_graphql::{Context, Object};
use chrono::NaiveDate;
use quntuan_kit::reveal;

use super::PERSONAL;
use super::directory::{WomenOrganization, organization};
use crate::model::enums::WomenOfficerRole;
use crate::model::women_officer;

/// A chair, vice-chair or executive member of a women's organisation.
pub struct WomenOfficer(pub women_officer::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl WomenOfficer {
        id;
        copy role: WomenOfficerRole;

        #[graphql(requires_scopes = "women:personal")]
        async fn name(&self, ctx: &Context<'_>) -> Option<String> {
            reveal(ctx, PERSONAL, "WomenOfficer.name", &self.0.id, || self.0.name.clone())
        }

        #[graphql(requires_scopes = "women:personal")]
        async fn id_number(&self, ctx: &Context<'_>) -> Option<String> {
            reveal(ctx, PERSONAL, "WomenOfficer.idNumber", &self.0.id, || self.0.id_number.clone())
        }

        #[graphql(requires_scopes = "women:personal")]
        async fn phone(&self, ctx: &Context<'_>) -> Option<String> {
            reveal(ctx, PERSONAL, "WomenOfficer.phone", &self.0.id, || self.0.phone.clone())
        }

        copy term_started_on: NaiveDate;
        codes;

        /// The organisation the officer serves.
        async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<WomenOrganization>> {
            organization(ctx, &self.0.organization_id).await
        }
    }
}
