//! Mutations: each validates its input, runs in one transaction, and answers a typed error
//! (`extensions.code`) that leaves the database unchanged when it refuses.

use async_graphql::{Context, Object};
use quntuan_kit::EventBus;
use quntuan_kit::subgraph_schema::author;

use super::dispute::RightsAssistance;
use super::{Clock, db};
use crate::service::assistance::{self, RecordRightsAssistanceInput};

#[derive(Default)]
pub struct Mutation;

#[Object]
impl Mutation {
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
