//! The subscription stage: a subscription is planned like a query whose root fetch is the
//! subscription field's subgraph; [`open`] subscribes to that subgraph and runs every event
//! through the same pipeline a query takes.
//!
//! Entry point: [`open`]. Its steps:
//! 1. run the request once through [`Gateway::execute`] on a [`root_fetch`] transport: every
//!    stage (trusted documents, limits, validation, demand control, authorization, planning)
//!    judges it as it judges a query. A request that is not a subscription, or is refused, is
//!    answered by that run; for a subscription, the run records the root fetch instead;
//! 2. admit it under `subscriptions.max_total` ([`registry`]) and open the root fetch against
//!    its subgraph, over `graphql-transport-ws` or SSE ([`upstream`]), or join the identical
//!    subgraph subscription already open when `subscriptions.deduplicate` is on ([`source`],
//!    [`shared`]);
//! 3. for each event, run the request again, the root fetch answered with the event: entity
//!    fetches, shaping, authorization errors and the audit trail as for a query; queue the
//!    response for the client, dropping the oldest when the client is slow ([`buffer`]);
//! 4. on a schema reload, judge the subscription on the new schema: end it with
//!    `SUBSCRIPTION_SCHEMA_RELOAD` when it is no longer valid or needs another subgraph
//!    subscription, else run its later events on the new schema ([`schema_change`]);
//! 5. the subgraph completing ends the stream; the subgraph failing ends it with an error
//!    naming the subgraph; [`Registry::end_all`] (shutdown) ends every stream.
//!
//! The client protocols (WebSocket, SSE, multipart) are in [`crate::http`].

mod buffer;
mod registry;
mod root_fetch;
mod schema_change;
mod settings;
mod shared;
mod source;
mod upstream;

pub use buffer::Event;
pub use registry::Registry;
pub use root_fetch::SubscriptionFetches;
pub(crate) use root_fetch::transport_for;
pub use settings::{SubgraphProtocol, SubgraphSubscription, SubscriptionSettings};

/// The read buffer of every WebSocket the gateway holds (a client's, a subgraph subscription's).
/// tungstenite's default is 128 KiB, and it zero-fills the buffer to its capacity on every read,
/// so each socket kept 128 KiB resident: most of the memory of a subscription (BENCHMARKS.md,
/// section 6). Subscription messages are small; a larger one is still read whole, the buffer
/// growing for it.
pub(crate) const WEBSOCKET_READ_BUFFER_BYTES: usize = 8 * 1024;

use crate::error::{ErrorCode, GraphqlError};
use crate::execute::SubgraphRequest;
use crate::gateway::{Gateway, GraphqlRequest, GraphqlResponse, RequestOptions};
use buffer::Buffer;
use registry::{Permit, SchemaChanges};
use root_fetch::RootFetchTransport;
use schema_change::Verdict;
use source::Source;
use std::sync::Arc;

/// What a request over a streaming protocol gets.
pub enum Answer {
    /// A query or mutation's response, or why the request was refused.
    Single(GraphqlResponse),
    /// A subscription's events.
    Stream(EventStream),
}

/// The events of one subscription. Dropping it ends the subscription at the subgraph.
pub struct EventStream {
    buffer: Arc<Buffer>,
    pump: tokio::task::JoinHandle<()>,
    _permit: Permit,
}

impl EventStream {
    /// The next event; `None` once the subscription is complete.
    pub async fn next(&mut self) -> Option<Event> {
        self.buffer.next().await
    }
}

impl Drop for EventStream {
    fn drop(&mut self) {
        self.pump.abort();
    }
}

/// Runs `request` as a subscription if it is one; see the module documentation for the steps.
pub async fn open(
    gateway: Arc<Gateway>,
    request: GraphqlRequest,
    mut options: RequestOptions,
    registry: &Arc<Registry>,
) -> Answer {
    let fetches = Arc::new(RootFetchTransport::opening(gateway.transport()));
    options.subscription = Some(SubscriptionFetches(fetches.clone()));
    let first = gateway.execute(request.clone(), &options).await;
    let Some(root) = fetches.opened() else {
        return Answer::Single(first);
    };
    let settings = &gateway.settings().subscriptions;
    let refuse = |error: GraphqlError| Answer::Single(GraphqlResponse::request_errors(vec![error]));
    if !settings.enabled || registry.is_ending() {
        let why = if settings.enabled {
            "the gateway is shutting down: subscribe again to another instance"
        } else {
            "subscriptions are switched off (`subscriptions.enabled`)"
        };
        return refuse(GraphqlError::new(why, ErrorCode::BadRequest));
    }
    let permit = match registry.admit(settings.max_total) {
        Ok(permit) => permit,
        Err(error) => return refuse(error),
    };
    let events = match Source::open(root.clone(), settings, registry.shared()).await {
        Ok(events) => events,
        Err(error) => return refuse(error),
    };
    let buffer = Arc::new(Buffer::new(settings.buffer_size));
    let pump = Pump {
        gateway,
        request,
        options,
        fetches,
        root,
        buffer: buffer.clone(),
    };
    let ended = registry.ended();
    let pump = tokio::spawn(pump.run(events, ended, registry.schema_changes()));
    Answer::Stream(EventStream {
        buffer,
        pump,
        _permit: permit,
    })
}

/// Runs each event of one subscription through the pipeline into its buffer.
struct Pump {
    gateway: Arc<Gateway>,
    request: GraphqlRequest,
    options: RequestOptions,
    fetches: Arc<RootFetchTransport>,
    /// The root fetch the subgraph subscription was opened with.
    root: SubgraphRequest,
    buffer: Arc<Buffer>,
}

impl Pump {
    async fn run(
        mut self,
        mut events: Source,
        ended: impl Future<Output = ()>,
        mut schema: Option<SchemaChanges>,
    ) {
        tokio::pin!(ended);
        loop {
            let message = tokio::select! {
                () = &mut ended => None,
                gateway = next_schema(&mut schema) => {
                    if let Some(error) = self.follow(gateway).await {
                        self.buffer.close(Some(error));
                        return;
                    }
                    continue;
                }
                message = events.recv() => message,
            };
            match message {
                Some(upstream::Upstream::Next(payload)) => {
                    self.fetches.set_event(payload);
                    let response = self
                        .gateway
                        .execute(self.request.clone(), &self.options)
                        .await;
                    let dropped = self.buffer.push(response);
                    crate::telemetry::metrics::record_subscription_event(
                        &self.root.service_name,
                        dropped,
                    );
                }
                Some(upstream::Upstream::Failed(error)) => {
                    self.buffer.close(Some(error));
                    return;
                }
                None => {
                    self.buffer.close(None);
                    return;
                }
            }
        }
    }

    /// Judges the subscription on a newly swapped-in schema; the error that ends it, if any.
    async fn follow(&mut self, gateway: Arc<Gateway>) -> Option<GraphqlError> {
        if Arc::ptr_eq(&gateway, &self.gateway) {
            return None;
        }
        match schema_change::judge(gateway, &self.request, &self.options, &self.root).await {
            Verdict::Adopt(gateway, fetches) => {
                self.options.subscription = Some(SubscriptionFetches(fetches.clone()));
                self.gateway = gateway;
                self.fetches = fetches;
                None
            }
            Verdict::End(error) => Some(error),
        }
    }
}

/// The gateway of the next schema swapped in; never resolves without a schema to follow.
async fn next_schema(schema: &mut Option<SchemaChanges>) -> Arc<Gateway> {
    loop {
        let Some(changes) = schema else {
            return std::future::pending().await;
        };
        if changes.changed().await.is_err() {
            // The handle is gone (the server is ending): nothing more to follow.
            *schema = None;
            continue;
        }
        if let Some(gateway) = changes.borrow_and_update().clone() {
            return gateway;
        }
    }
}
