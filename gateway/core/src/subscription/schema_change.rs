//! An open subscription meets a reloaded schema: its request is run once more on the new
//! schema's gateway, the way [`super::open`] runs it first (every stage judging it, the root
//! fetch recorded, nothing sent), and the outcome decides what happens to it.
//!
//! - It no longer validates, plans or is allowed (a field it selects is gone, for one): it
//!   ends with `SUBSCRIPTION_SCHEMA_RELOAD` and the reasons the new schema gives.
//! - It plans the same root fetch (subgraph, URL, operation text): the subgraph subscription
//!   is the one it holds, so later events run on the new schema, and the entity fetches of
//!   fields that moved between subgraphs follow the move.
//! - It plans a different root fetch (the field moved to another subgraph, its URL changed,
//!   or the caller may no longer see a field the subgraph serves): it ends with
//!   `SUBSCRIPTION_SCHEMA_RELOAD` too, asking the client to subscribe again. Staying on the old
//!   schema would keep serving fields under rules the new schema changed (a field that now
//!   needs a scope, for one), and swapping the subgraph subscription mid-stream could lose or
//!   repeat events; a new subscription has neither problem.

use super::root_fetch::{RootFetchTransport, SubscriptionFetches};
use crate::error::{ErrorCode, GraphqlError};
use crate::execute::SubgraphRequest;
use crate::gateway::{Gateway, GraphqlRequest, GraphqlResponse, RequestOptions};
use std::sync::Arc;

/// What a reload means for one open subscription.
pub(crate) enum Verdict {
    /// Later events run on this gateway, through these fetches.
    Adopt(Arc<Gateway>, Arc<RootFetchTransport>),
    /// Ends with this error.
    End(GraphqlError),
}

/// Judges the subscription `request` (whose root fetch is `root`) on `gateway`'s schema.
pub(crate) async fn judge(
    gateway: Arc<Gateway>,
    request: &GraphqlRequest,
    options: &RequestOptions,
    root: &SubgraphRequest,
) -> Verdict {
    let fetches = Arc::new(RootFetchTransport::opening(gateway.transport()));
    let mut options = options.clone();
    options.subscription = Some(SubscriptionFetches(fetches.clone()));
    let response = gateway.execute(request.clone(), &options).await;
    match fetches.opened() {
        Some(opened) if same_root(&opened, root) => Verdict::Adopt(gateway, fetches),
        Some(opened) => Verdict::End(reload_error(&format!(
            "it needs another subscription of subgraph `{}` on the new one",
            opened.service_name
        ))),
        None => Verdict::End(refused(&response)),
    }
}

fn same_root(a: &SubgraphRequest, b: &SubgraphRequest) -> bool {
    a.service_name == b.service_name && a.url == b.url && a.body == b.body
}

/// The error that ends a subscription the new schema refuses, with the new schema's reasons.
fn refused(response: &GraphqlResponse) -> GraphqlError {
    let reasons = response
        .errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    if reasons.is_empty() {
        reload_error("it is not a subscription on the new one")
    } else {
        reload_error(&format!("it is not valid on the new one: {reasons}"))
    }
}

fn reload_error(why: &str) -> GraphqlError {
    GraphqlError::new(
        format!(
            "the gateway's schema was reloaded and this subscription ends: {why}. Subscribe \
             again with an operation the new schema accepts"
        ),
        ErrorCode::SubscriptionSchemaReload,
    )
}
