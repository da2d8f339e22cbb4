//! An open subscription meets a reloaded schema: its request is run once more on the new
//! schema's gateway, the way [`super::open`] runs it first (every stage judging it, the root
//! fetch recorded, nothing sent), and the outcome decides what happens to it.
//!
//! - It no longer validates, plans or is allowed (a field it selects is gone, for one): it
//!   ends with `SUBSCRIPTION_SCHEMA_RELOAD` and the reasons the new schema gives.
//! - It plans the same root fetch (subgraph, URL, operation text): the subgraph subscription
//!   is the one it holds, so later events run on the new schema, and the entity fetches of
//!   fields that moved between subgraphs follow the move.
//! - It plans a different root fetch (the field moved to another subgraph, or its URL
//!   changed): it keeps the subgraph subscription and the schema it started with rather than
//!   reconnecting, which could lose or repeat events; the client may resubscribe to move.

use super::root_fetch::{RootFetchTransport, SubscriptionFetches};
use crate::error::{ErrorCode, GraphqlError};
use crate::execute::SubgraphRequest;
use crate::gateway::{Gateway, GraphqlRequest, GraphqlResponse, RequestOptions};
use std::sync::Arc;

/// What a reload means for one open subscription.
pub(crate) enum Verdict {
    /// Later events run on this gateway, through these fetches.
    Adopt(Arc<Gateway>, Arc<RootFetchTransport>),
    /// Still valid with another root fetch: stay on the schema it started with.
    Keep,
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
        Some(_) => Verdict::Keep,
        None => Verdict::End(ended(&response)),
    }
}

fn same_root(a: &SubgraphRequest, b: &SubgraphRequest) -> bool {
    a.service_name == b.service_name && a.url == b.url && a.body == b.body
}

/// The error that ends a subscription the new schema refuses, with the new schema's reasons.
fn ended(response: &GraphqlResponse) -> GraphqlError {
    let reasons = response
        .errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let reasons = if reasons.is_empty() {
        "it no longer plans a subscription".to_string()
    } else {
        reasons
    };
    GraphqlError::new(
        format!(
            "the gateway's schema was reloaded and this subscription is not valid on the new \
             one: {reasons}. Subscribe again with an operation the new schema accepts"
        ),
        ErrorCode::SubscriptionSchemaReload,
    )
}
