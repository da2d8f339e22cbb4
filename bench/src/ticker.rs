//! The `ticker` subgraph of the subscription load test: `Subscription.ticks(intervalMs:)` emits
//! a numbered event every `intervalMs` milliseconds, each naming a product by its key only, so
//! that the gateway resolves the product's `name` and `price` from the `products` subgraph
//! (one entity fetch per event). Served over graphql-transport-ws (`GET /graphql` upgrade) and
//! plain HTTP (`POST /graphql`, for queries and the SDL).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_graphql::{EmptyMutation, Object, Schema, SimpleObject, Subscription};
use async_graphql_axum::{GraphQL, GraphQLSubscription};
use axum::Router;
use axum::routing::{get, get_service};
use futures::Stream;
use tokio::time::MissedTickBehavior;

use crate::data::dataset;

pub type TickerSchema = Schema<Query, EmptyMutation, TickerSubscription>;

pub fn schema() -> TickerSchema {
    Schema::build(Query, EmptyMutation, TickerSubscription)
        .enable_federation()
        // Composition must see `Subscription.ticks` in `_service { sdl }`.
        .enable_subscription_in_federation()
        .finish()
}

/// The ticker's router: WebSocket and HTTP on `/graphql`, liveness on `/health`.
pub fn router() -> Router {
    let schema = schema();
    Router::new()
        .route_service(
            "/graphql",
            get_service(GraphQLSubscription::new(schema.clone()))
                .post_service(GraphQL::new(schema)),
        )
        .route("/health", get(crate::server::health))
}

/// The shortest interval a subscription may ask for: below it a handful of subscriptions would
/// ask more of the machine than the measurement is about.
const MIN_INTERVAL_MS: i32 = 1;

/// One event: its number in its stream (0, 1, 2, … per subgraph subscription), when the
/// subgraph sent it, and a product owned by the `products` subgraph.
#[derive(SimpleObject)]
pub struct Tick {
    pub seq: i32,
    /// Milliseconds since the Unix epoch, with a fraction: the load client's latency figure.
    pub sent_at_ms: f64,
    pub product: ProductKey,
}

/// `Product` as the ticker knows it: the key, resolved elsewhere.
#[derive(SimpleObject)]
#[graphql(name = "Product", unresolvable = "upc")]
pub struct ProductKey {
    pub upc: String,
}

/// The product event `seq` names: the catalogue in turn, so that consecutive events differ.
pub fn product_for(seq: i32) -> &'static crate::data::Product {
    let products = &dataset().products;
    let index = usize::try_from(seq).unwrap_or(0) % products.len();
    &products[index]
}

pub struct Query;

#[Object]
impl Query {
    /// The ticker's smallest possible `Query`: federation needs one.
    async fn ticker_version(&self) -> &'static str {
        env!("CARGO_PKG_VERSION")
    }
}

pub struct TickerSubscription;

// Named `Subscription` in the SDL: composition finds the root type by that name.
#[Subscription(name = "Subscription")]
impl TickerSubscription {
    /// Numbered events, one every `intervalMs` milliseconds, until the subscriber leaves. A
    /// reader slower than the interval gets fewer events, never a burst of late ones.
    async fn ticks(&self, interval_ms: i32) -> impl Stream<Item = Tick> + use<> {
        let period =
            Duration::from_millis(u64::try_from(interval_ms.max(MIN_INTERVAL_MS)).unwrap_or(1));
        let mut interval = tokio::time::interval(period);
        interval.set_missed_tick_behavior(MissedTickBehavior::Delay);
        futures::stream::unfold((interval, 0_i32), |(mut interval, seq)| async move {
            interval.tick().await;
            let tick = Tick {
                seq,
                sent_at_ms: now_ms(),
                product: ProductKey {
                    upc: product_for(seq).upc.clone(),
                },
            };
            Some((tick, (interval, seq.wrapping_add(1))))
        })
    }
}

/// Milliseconds since the Unix epoch (0 for a clock before 1970).
pub fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |elapsed| elapsed.as_secs_f64() * 1000.0)
}
