//! Mutations: each validates its input, runs in one transaction, and answers a typed error
//! (`extensions.code`) that leaves the database unchanged when it refuses.

use async_graphql::{Context, MergedObject, Object};
use quntuan_kit::auth::caller;
use quntuan_kit::{ApiError, EventBus};

use super::dispute::RightsAssistance;
use super::{Clock, db};
use crate::service::assistance::{self, RecordRightsAssistanceInput};

#[derive(MergedObject, Default)]
pub struct Mutation(AssistanceMutation);

#[derive(Default)]
pub struct AssistanceMutation;

/// The subject recorded as the author of a write. Writes need a signed-in caller, so
/// every record names who made it.
fn author(ctx: &Context<'_>) -> Result<String, ApiError> {
    caller(ctx).subject.clone().ok_or_else(|| {
        ApiError::forbidden("this mutation needs a signed-in caller (a bearer token with `sub`)")
    })
}

#[Object]
impl AssistanceMutation {
    /// Records the women's federation's rights assistance on a labour-dispute case. Needs a
    /// signed-in caller.
    async fn record_rights_assistance(
        &self,
        ctx: &Context<'_>,
        input: RecordRightsAssistanceInput,
    ) -> async_graphql::Result<RightsAssistance> {
        let author = author(ctx)?;
        let now = Clock::of(ctx).now();
        let events = EventBus::of(ctx);
        let record = assistance::record(db(ctx)?, &events, input, &author, now).await?;
        Ok(RightsAssistance(record))
    }
}
