//! Runs the whole federated graph for end-to-end tests: every subgraph of this repository on
//! its own database (SQLite in memory, or a fresh PostgreSQL schema when DATABASE_URL is set),
//! seeded at demo scale, each on its own runtime and ephemeral port so that a test can kill one;
//! the supergraph composed by our own composition; the real gateway over real HTTP in front.

pub mod browser;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, dashboard_routes, router_with_subscriptions};
use quntuan_gateway::reload::GatewayHandle;
use quntuan_gateway::subscription::Registry;
use quntuan_gateway::supergraph::Supergraph;
use quntuan_kit::scale::Scale;
use quntuan_kit::seed::Progress;
use quntuan_kit::{EventBus, SubgraphService};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;

/// The secret the test gateway and subgraphs share for bearer tokens.
pub const JWT_SECRET: &str = "quntuan-dev-secret";

/// Every subgraph of the repository, in `dev`'s port order.
pub fn services() -> Vec<&'static dyn SubgraphService> {
    vec![
        &quntuan_hub::Hub,
        &quntuan_unions::Unions,
        &quntuan_youth::Youth,
        &quntuan_women::Women,
        &quntuan_science::Science,
        &quntuan_disability::Disability,
    ]
}

/// A subgraph running on its own thread and runtime: dropping the runtime ends every
/// connection it served, which is what a crashed service looks like to the gateway.
struct RunningSubgraph {
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl RunningSubgraph {
    fn kill(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The running graph: the gateway's URL and the subgraphs behind it.
pub struct Graph {
    pub gateway_url: String,
    pub supergraph_sdl: String,
    subgraphs: HashMap<&'static str, RunningSubgraph>,
    gateway: Arc<Gateway>,
    subscriptions: Arc<Registry>,
}

impl Drop for Graph {
    fn drop(&mut self) {
        for subgraph in self.subgraphs.values_mut() {
            subgraph.kill();
        }
    }
}

fn start_subgraph(
    service: &'static dyn SubgraphService,
    events: EventBus,
) -> (RunningSubgraph, String) {
    let (url_tx, url_rx) = std::sync::mpsc::channel::<Result<String, String>>();
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = match tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(e) => {
                let _ = url_tx.send(Err(format!("runtime: {e}")));
                return;
            }
        };
        runtime.block_on(async move {
            let db = quntuan_kit::db::test_database().await;
            if let Err(e) = service.migrate(&db).await {
                let _ = url_tx.send(Err(format!("{}: migrate: {e}", service.name())));
                return;
            }
            if let Err(e) = service.seed(&db, Scale::Demo, &Progress::hidden()).await {
                let _ = url_tx.send(Err(format!("{}: seed: {e}", service.name())));
                return;
            }
            let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
                Ok(l) => l,
                Err(e) => {
                    let _ = url_tx.send(Err(format!("bind: {e}")));
                    return;
                }
            };
            let address = listener
                .local_addr()
                .map(|a| a.to_string())
                .unwrap_or_default();
            let _ = url_tx.send(Ok(format!("http://{address}/graphql")));
            // Traced as `quntuan subgraph` serves it: a no-op unless a test installs a tracer.
            let app =
                quntuan_kit::trace::traced(service.router_with_events(db, events), service.name());
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stop_rx.await;
                })
                .await;
        });
        // Dropping the runtime here aborts the connection tasks still open.
    });
    let url = url_rx
        .recv_timeout(Duration::from_secs(300))
        .unwrap_or_else(|e| Err(format!("{} did not start: {e}", service.name())))
        .unwrap_or_else(|e| panic!("subgraph failed to start: {e}"));
    (
        RunningSubgraph {
            stop: Some(stop_tx),
            thread: Some(thread),
        },
        url,
    )
}

impl Graph {
    /// Starts every subgraph and the gateway.
    pub async fn start() -> Graph {
        Graph::start_with(|_| {}).await
    }

    /// Starts every subgraph and the gateway, its settings changed by `configure` (for
    /// example low subscription limits).
    pub async fn start_with(configure: impl FnOnce(&mut GatewaySettings)) -> Graph {
        let mut subgraphs = HashMap::new();
        let mut inputs = Vec::new();
        // The graph's own bus, shared by its six subgraphs as `quntuan dev` shares one, and
        // by no other graph of the test binary.
        let events = EventBus::in_process();
        for service in services() {
            let events = events.clone();
            let (running, url) =
                tokio::task::spawn_blocking(move || start_subgraph(service, events))
                    .await
                    .expect("subgraph start thread");
            inputs.push(quntuan_compose::SubgraphSdl::new(
                service.name(),
                url,
                service.sdl(),
            ));
            subgraphs.insert(service.name(), running);
        }
        let composed = quntuan_compose::compose(&inputs).unwrap_or_else(|diagnostics| {
            panic!(
                "the repository's subgraphs do not compose:\n{}",
                quntuan_compose::render_diagnostics(&diagnostics)
            )
        });
        let supergraph = Supergraph::parse(&composed.sdl).expect("the composed supergraph loads");
        let mut settings = GatewaySettings {
            subgraph_timeout: Duration::from_secs(10),
            jwt_secret: Some(JWT_SECRET.into()),
            ..GatewaySettings::default()
        };
        configure(&mut settings);
        let gateway = Arc::new(Gateway::new(supergraph, settings));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the gateway");
        let gateway_url = format!("http://{}/graphql", listener.local_addr().expect("address"));
        let subscriptions = Registry::new();
        let app = router_with_subscriptions(
            GatewayHandle::new(gateway.clone()),
            &HttpSettings::default(),
            subscriptions.clone(),
        )
        .merge(dashboard_routes());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Graph {
            gateway_url,
            supergraph_sdl: composed.sdl,
            subgraphs,
            gateway,
            subscriptions,
        }
    }

    pub fn gateway(&self) -> &Gateway {
        &self.gateway
    }

    /// Subscriptions the gateway holds open now, over every connection and protocol.
    pub fn open_subscriptions(&self) -> usize {
        self.subscriptions.open()
    }

    /// Stops one subgraph as a crash would.
    pub fn kill(&mut self, name: &str) {
        if let Some(subgraph) = self.subgraphs.get_mut(name) {
            subgraph.kill();
        }
    }

    /// POSTs a query (with optional variables and bearer token) and returns the JSON response.
    pub async fn query(&self, query: &str, variables: Value, token: Option<&str>) -> Value {
        let client: Client<HttpConnector, Full<Bytes>> =
            Client::builder(TokioExecutor::new()).build_http();
        let body = serde_json::json!({"query": query, "variables": variables}).to_string();
        let mut request = http::Request::post(&self.gateway_url)
            .header("content-type", "application/json")
            .header("x-quntuan-query-plan", "true");
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        let request = request
            .body(Full::new(Bytes::from(body)))
            .expect("request builds");
        let response = client.request(request).await.expect("the gateway answers");
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        serde_json::from_slice(&bytes).expect("the gateway answers JSON")
    }
}

/// Compares `actual` with tests/expected/NAME.json, or writes it when UPDATE_EXPECTED is set.
pub fn assert_expected(name: &str, actual: &Value) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("expected")
        .join(format!("{name}.json"));
    let text = serde_json::to_string_pretty(actual).expect("serialises") + "\n";
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&path, &text).expect("write expectation");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}); run with UPDATE_EXPECTED=1 and review it",
            path.display()
        )
    });
    assert!(
        expected == text,
        "{} differs from the response:\n{text}",
        path.display()
    );
}

/// A bearer token signed with the test secret, for a caller named `subject` with `scope`.
pub fn token(subject: &str, scope: &str) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(u64::MAX - 3600);
    signed(subject, scope, now + 3600)
}

/// A token like [`token`]'s that expired an hour ago: the gateway refuses it.
pub fn expired_token(subject: &str, scope: &str) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    signed(subject, scope, now.saturating_sub(3600))
}

fn signed(subject: &str, scope: &str, expires: u64) -> String {
    let claims = serde_json::json!({"sub": subject, "scope": scope, "exp": expires});
    jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(JWT_SECRET.as_bytes()),
    )
    .expect("a token signs")
}
