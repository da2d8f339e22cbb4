//! Two async-graphql subgraphs for the subscription tests, on ephemeral ports: `unions`
//! publishes `disputeChanged` (over graphql-transport-ws, and over SSE on `/sse`) from a feed
//! the test pushes into, and `hub` resolves the `Region` fields of each event. The gateway runs
//! over real HTTP in front of them, with the supergraph of the `subscriptions` fixtures.
#![allow(dead_code)]

use async_graphql::{
    Context, Data, EmptyMutation, EmptySubscription, ID, Object, Schema, SimpleObject, Subscription,
};
use async_graphql_axum::{GraphQL, GraphQLProtocol, GraphQLWebSocket};
use axum::Router;
use axum::extract::{State, WebSocketUpgrade};
use axum::response::IntoResponse;
use axum::routing::{get, post, post_service};
use futures::StreamExt;
use futures::stream::BoxStream;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router_with_subscriptions};
use quntuan_gateway::reload::GatewayHandle;
use quntuan_gateway::subscription::Registry;
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{broadcast, watch};

/// A subscription with a field of each subgraph.
pub(crate) const WATCH: &str = "subscription Watch($region: String!) { disputeChanged(regionCode: $region) { id step region { name openDisputes } } }";

pub(crate) fn watch_request() -> Value {
    json!({"query": WATCH, "variables": {"region": "11"}})
}

/// The event `push("RECEIVED")` gives, as the client sees it.
pub(crate) fn received() -> Value {
    json!({"data": {"disputeChanged": {
        "id": "d1", "step": "RECEIVED", "region": {"name": "北京市", "openDisputes": 3}
    }}})
}

pub(crate) const SECRET: &str = "a-test-secret-of-at-least-thirty-two-bytes";

#[derive(SimpleObject, Clone)]
pub(crate) struct Dispute {
    pub(crate) id: ID,
    pub(crate) step: String,
    pub(crate) claimant: Option<String>,
    pub(crate) region: Region,
}

#[derive(SimpleObject, Clone)]
pub(crate) struct Region {
    pub(crate) code: String,
}

/// What the test pushes: an event, or `None` to complete the subgraph's streams.
#[derive(Clone)]
pub(crate) struct Feed(broadcast::Sender<Option<Dispute>>);

impl Feed {
    /// Waits until `n` subscriptions listen (a subscription is open at the subgraph once its
    /// resolver ran), so that nothing pushed is lost.
    pub(crate) async fn listeners(&self, n: usize) {
        while self.0.receiver_count() < n {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    }

    /// Subscriptions listening now: the subgraph subscriptions the gateway holds open.
    pub(crate) fn count(&self) -> usize {
        self.0.receiver_count()
    }

    pub(crate) fn push(&self, step: &str) {
        let dispute = Dispute {
            id: ID::from("d1"),
            step: step.into(),
            claimant: Some("张三".into()),
            region: Region { code: "11".into() },
        };
        let _ = self.0.send(Some(dispute));
    }

    pub(crate) fn complete(&self) {
        let _ = self.0.send(None);
    }
}

struct UnionsQuery;

#[Object]
impl UnionsQuery {
    async fn dispute(&self, id: ID) -> Option<Dispute> {
        let _ = id;
        None
    }
}

struct UnionsSubscription;

#[Subscription]
impl UnionsSubscription {
    async fn dispute_changed(
        &self,
        ctx: &Context<'_>,
        region_code: String,
    ) -> BoxStream<'static, Dispute> {
        let _ = region_code;
        let receiver = ctx.data_unchecked::<Feed>().0.subscribe();
        Box::pin(futures::stream::unfold(
            receiver,
            |mut receiver| async move {
                loop {
                    match receiver.recv().await {
                        Ok(Some(dispute)) => return Some((dispute, receiver)),
                        Err(broadcast::error::RecvError::Lagged(_)) => continue,
                        Ok(None) | Err(_) => return None,
                    }
                }
            },
        ))
    }
}

type UnionsSchema = Schema<UnionsQuery, EmptyMutation, UnionsSubscription>;

#[derive(SimpleObject)]
#[graphql(name = "Region")]
struct HubRegion {
    code: String,
    name: String,
    open_disputes: i32,
}

struct HubQuery;

#[Object]
impl HubQuery {
    async fn ping(&self) -> bool {
        true
    }

    #[graphql(entity)]
    async fn find_region_by_code(&self, code: String) -> HubRegion {
        let name = if code == "11" { "北京市" } else { "?" };
        HubRegion {
            code,
            name: name.into(),
            open_disputes: 3,
        }
    }
}

/// The running subgraphs and gateway.
pub(crate) struct Setup {
    pub(crate) gateway: String,
    pub(crate) feed: Feed,
    /// Every `connection_init` payload the unions subgraph received.
    pub(crate) inits: Arc<Mutex<Vec<Value>>>,
    /// The headers of every subscription request the unions subgraph received (the WebSocket
    /// upgrade or the SSE POST), as `{name: value}` for `authorization` and `x-*` headers.
    pub(crate) subgraph_headers: Arc<Mutex<Vec<Value>>>,
    pub(crate) registry: Arc<Registry>,
    /// The gateway's schema, for tests that reload another.
    pub(crate) handle: GatewayHandle,
    /// The supergraph the gateway started with.
    pub(crate) sdl: String,
    /// Cuts every connection to the unions subgraph, WebSocket and SSE (a subgraph that dies).
    pub(crate) kill_unions: watch::Sender<bool>,
}

async fn spawn(app: Router) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    address
}

#[derive(Clone)]
struct UnionsState {
    schema: UnionsSchema,
    inits: Arc<Mutex<Vec<Value>>>,
    headers: Arc<Mutex<Vec<Value>>>,
}

/// The headers a test compares: `authorization` and `x-*` (the others vary by client).
fn record(headers: &axum::http::HeaderMap, into: &Mutex<Vec<Value>>) {
    let seen: serde_json::Map<String, Value> = headers
        .iter()
        .filter(|(name, _)| name.as_str() == "authorization" || name.as_str().starts_with("x-"))
        .map(|(name, value)| {
            let value = value.to_str().unwrap_or("(not text)").to_string();
            (name.as_str().to_string(), Value::String(value))
        })
        .collect();
    into.lock().expect("headers").push(Value::Object(seen));
}

async fn unions_socket(
    State(state): State<UnionsState>,
    protocol: GraphQLProtocol,
    headers: axum::http::HeaderMap,
    upgrade: WebSocketUpgrade,
) -> axum::response::Response {
    record(&headers, &state.headers);
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |stream| {
            let inits = state.inits.clone();
            GraphQLWebSocket::new(stream, state.schema, protocol)
                .on_connection_init(move |payload| async move {
                    inits.lock().expect("inits").push(payload);
                    Ok(Data::default())
                })
                .serve()
        })
        .into_response()
}

/// GraphQL over SSE, distinct connections, the way a subgraph without WebSocket serves it.
async fn unions_sse(
    State(state): State<UnionsState>,
    headers: axum::http::HeaderMap,
    axum::Json(request): axum::Json<async_graphql::Request>,
) -> axum::response::Response {
    record(&headers, &state.headers);
    let events = state.schema.execute_stream(request).map(|response| {
        let json = serde_json::to_string(&response).expect("serialises");
        Ok::<_, std::convert::Infallible>(format!("event: next\ndata: {json}\n\n"))
    });
    let complete = futures::stream::once(async { Ok("event: complete\ndata:\n\n".to_string()) });
    (
        [("content-type", "text/event-stream")],
        axum::body::Body::from_stream(events.chain(complete)),
    )
        .into_response()
}

/// A TCP proxy in front of `target` whose connections all drop when `kill` turns true.
async fn proxy(target: SocketAddr) -> (SocketAddr, watch::Sender<bool>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let (kill, killed) = watch::channel(false);
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            let mut killed = killed.clone();
            tokio::spawn(async move {
                let Ok(mut outbound) = TcpStream::connect(target).await else {
                    return;
                };
                tokio::select! {
                    _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                    _ = killed.wait_for(|k| *k) => {}
                }
            });
        }
    });
    (address, kill)
}

/// Starts both subgraphs and a gateway (with a JWT secret) whose settings `adjust` changes.
pub(crate) async fn start(adjust: impl FnOnce(&mut GatewaySettings)) -> Setup {
    let (sender, _) = broadcast::channel(16);
    let feed = Feed(sender);
    let unions: UnionsSchema = Schema::build(UnionsQuery, EmptyMutation, UnionsSubscription)
        .data(feed.clone())
        .enable_federation()
        .finish();
    let inits = Arc::new(Mutex::new(Vec::new()));
    let subgraph_headers = Arc::new(Mutex::new(Vec::new()));
    let state = UnionsState {
        schema: unions.clone(),
        inits: inits.clone(),
        headers: subgraph_headers.clone(),
    };
    let unions_app = Router::new()
        .route(
            "/graphql",
            get(unions_socket).post_service(GraphQL::new(unions)),
        )
        .route("/sse", post(unions_sse))
        .with_state(state);
    let unions_address = spawn(unions_app).await;
    let (unions_proxy, kill_unions) = proxy(unions_address).await;
    let hub = Schema::build(HubQuery, EmptyMutation, EmptySubscription)
        .enable_federation()
        .finish();
    let hub_address = spawn(Router::new().route("/graphql", post_service(GraphQL::new(hub)))).await;

    let mut settings = GatewaySettings {
        jwt_secret: Some(SECRET.into()),
        ..GatewaySettings::default()
    };
    settings
        .url_overrides
        .insert("unions".into(), format!("http://{unions_proxy}/graphql"));
    settings
        .url_overrides
        .insert("hub".into(), format!("http://{hub_address}/graphql"));
    // The SSE subgraph's address, for tests that switch `unions` to SSE.
    settings.subscriptions.subgraphs.insert(
        "unions".into(),
        quntuan_gateway::subscription::SubgraphSubscription {
            protocol: quntuan_gateway::subscription::SubgraphProtocol::Websocket,
            url: None,
        },
    );
    adjust(&mut settings);
    if let Some(subgraph) = settings.subscriptions.subgraphs.get_mut("unions")
        && subgraph.protocol == quntuan_gateway::subscription::SubgraphProtocol::Sse
    {
        subgraph.url = Some(format!("http://{unions_proxy}/sse"));
    }
    let sdl = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/subscriptions/supergraph.graphql"),
    )
    .expect("the subscriptions supergraph");
    let supergraph = Supergraph::parse(&sdl).expect("the supergraph loads");
    let gateway = Arc::new(Gateway::new(supergraph, settings));
    let registry = Registry::new();
    let handle = GatewayHandle::new(gateway);
    let app = router_with_subscriptions(handle.clone(), &HttpSettings::default(), registry.clone());
    let gateway = format!("http://{}", spawn(app).await);
    Setup {
        gateway,
        feed,
        inits,
        subgraph_headers,
        registry,
        handle,
        sdl,
        kill_unions,
    }
}

impl Setup {
    /// Waits until the gateway holds `n` client subscriptions. A client subscription counts
    /// once it is admitted, and it listens to a shared subgraph subscription from then on.
    pub(crate) async fn subscriptions(&self, n: usize) {
        while self.registry.open() != n {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    }
}

/// An HS256 token with `scope`.
pub(crate) fn token(scope: &str) -> String {
    let exp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
        + 600;
    let claims = serde_json::json!({"sub": "officer-7", "scope": scope, "exp": exp});
    jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .expect("token signs")
}
