//! Mutations: each validates its input, runs in one transaction, and answers a typed error
//! (`extensions.code`) that leaves the database unchanged when it refuses.

use async_graphql::{Context, Object, SimpleObject};
use quntuan_kit::EventBus;
use quntuan_kit::subgraph_schema::author;

use super::directory::GrassrootsUnion;
use super::dispute::{LaborDispute, LaborDisputeStep};
use super::{Clock, db};
use crate::service::unions::{self, RegisterGrassrootsUnionInput};
use crate::service::workflow::{self, ReceiveLaborDisputeInput, RecordLaborDisputeStepInput};

#[derive(Default)]
pub struct Mutation;

/// A recorded step and the case after it.
#[derive(SimpleObject)]
pub struct RecordLaborDisputeStepPayload {
    pub dispute: LaborDispute,
    pub step: LaborDisputeStep,
}

#[Object]
impl Mutation {
    /// Registers a new grassroots union. Needs a signed-in caller.
    async fn register_grassroots_union(
        &self,
        ctx: &Context<'_>,
        input: RegisterGrassrootsUnionInput,
    ) -> async_graphql::Result<GrassrootsUnion> {
        author(ctx)?;
        let today = Clock::of(ctx).now().date_naive();
        Ok(GrassrootsUnion(
            unions::register(db(ctx)?, &EventBus::of(ctx), input, today).await?,
        ))
    }

    /// Receives a new labour-dispute case (status `RECEIVED`, first step recorded). Needs a
    /// signed-in caller.
    async fn receive_labor_dispute(
        &self,
        ctx: &Context<'_>,
        input: ReceiveLaborDisputeInput,
    ) -> async_graphql::Result<LaborDispute> {
        let author = author(ctx)?;
        let now = Clock::of(ctx).now();
        Ok(LaborDispute(
            workflow::receive(db(ctx)?, &EventBus::of(ctx), input, &author, now).await?,
        ))
    }

    /// Moves a case along its workflow and records the step. An illegal move is a
    /// `CONFLICT` with `currentStatus`, `requestedStatus` and `allowedStatuses` in
    /// `extensions`. Needs a signed-in caller.
    async fn record_labor_dispute_step(
        &self,
        ctx: &Context<'_>,
        input: RecordLaborDisputeStepInput,
    ) -> async_graphql::Result<RecordLaborDisputeStepPayload> {
        let author = author(ctx)?;
        let now = Clock::of(ctx).now();
        let (case, step) =
            workflow::record_step(db(ctx)?, &EventBus::of(ctx), input, &author, now).await?;
        Ok(RecordLaborDisputeStepPayload {
            dispute: LaborDispute(case),
            step: step.into(),
        })
    }
}
