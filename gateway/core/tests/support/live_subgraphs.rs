//! The benchmark's `accounts` and `products` subgraphs over real HTTP on 127.0.0.1, each of
//! which can be killed and restarted on its port or made to answer slowly, and a gateway in
//! front of them.

use quntuan_bench::server::graphql_router;
use quntuan_bench::subgraphs::{accounts, products};
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::supergraph::Supergraph;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// One subgraph server that can be stopped and started again on the same port.
pub(crate) struct LiveSubgraph {
    name: &'static str,
    pub(crate) port: u16,
    stop: Option<oneshot::Sender<()>>,
    /// Milliseconds every answer is held back (0: none).
    pub(crate) delay_ms: Arc<AtomicU64>,
}

impl LiveSubgraph {
    pub(crate) async fn start(name: &'static str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let mut subgraph = Self {
            name,
            port,
            stop: None,
            delay_ms: Arc::new(AtomicU64::new(0)),
        };
        subgraph.serve(listener);
        subgraph
    }

    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}/graphql", self.port)
    }

    fn serve(&mut self, listener: TcpListener) {
        let router = match self.name {
            "accounts" => graphql_router(accounts::schema()),
            _ => graphql_router(products::schema()),
        };
        let delay = self.delay_ms.clone();
        let app = router.layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let delay = delay.load(Ordering::Relaxed);
                async move {
                    if delay > 0 {
                        tokio::time::sleep(Duration::from_millis(delay)).await;
                    }
                    next.run(request).await
                }
            },
        ));
        let (stop, stopped) = oneshot::channel::<()>();
        self.stop = Some(stop);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
    }

    /// Stops the server: its port refuses connections until [`LiveSubgraph::restart`].
    pub(crate) async fn kill(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_err()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("subgraph `{}` did not stop", self.name);
    }

    pub(crate) async fn restart(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("the subgraph's port is free again");
        self.serve(listener);
    }
}

/// A gateway in front of `accounts` and `products` (the other bench subgraphs unreachable).
pub(crate) fn gateway(
    accounts: &LiveSubgraph,
    products: &LiveSubgraph,
    mut settings: GatewaySettings,
) -> Arc<Gateway> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/supergraph.graphql");
    let sdl = std::fs::read_to_string(&path).expect("the bench supergraph is readable");
    let supergraph = Supergraph::parse(&sdl).expect("the bench supergraph loads");
    settings.url_overrides = HashMap::from([
        ("accounts".to_string(), accounts.url()),
        ("products".to_string(), products.url()),
        (
            "inventory".to_string(),
            "http://127.0.0.1:9/graphql".to_string(),
        ),
        (
            "reviews".to_string(),
            "http://127.0.0.1:9/graphql".to_string(),
        ),
    ]);
    Arc::new(Gateway::new(supergraph, settings))
}
