//! A scripted subgraph transport over the benchmark supergraph: `accounts` answers `me`,
//! `products` answers `topProducts`, and each can be told to fail, hang or answer 503.

use bytes::Bytes;
use futures::future::BoxFuture;
use quntuan_gateway::execute::{SubgraphRequest, SubgraphTransport, TransportError};
use quntuan_gateway::gateway::{Gateway, GatewaySettings, GraphqlRequest, RequestOptions};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// What a subgraph does with its next requests.
#[derive(Debug, Clone)]
pub(crate) enum Fault {
    /// Answers normally.
    None,
    /// Refuses the connection this many times, then answers.
    RefuseTimes(usize),
    /// Answers HTTP 503 (no GraphQL body) this many times, then answers.
    Status503Times(usize),
    /// Answers only after this long.
    Slow(Duration),
}

#[derive(Default)]
pub(crate) struct Scripted {
    faults: Mutex<HashMap<String, Fault>>,
    calls: Mutex<HashMap<String, usize>>,
    pub(crate) in_flight: AtomicUsize,
}

impl Scripted {
    pub(crate) fn set(&self, subgraph: &str, fault: Fault) {
        self.faults
            .lock()
            .expect("faults lock")
            .insert(subgraph.into(), fault);
    }

    /// Requests that reached `subgraph` so far.
    pub(crate) fn calls(&self, subgraph: &str) -> usize {
        self.calls
            .lock()
            .expect("calls lock")
            .get(subgraph)
            .copied()
            .unwrap_or(0)
    }

    /// Takes the fault for one request, counting down the `...Times` faults.
    fn take(&self, subgraph: &str) -> Fault {
        *self
            .calls
            .lock()
            .expect("calls lock")
            .entry(subgraph.into())
            .or_default() += 1;
        let mut faults = self.faults.lock().expect("faults lock");
        let fault = faults.entry(subgraph.into()).or_insert(Fault::None);
        let now = fault.clone();
        match fault {
            Fault::RefuseTimes(n) | Fault::Status503Times(n) if *n <= 1 => *fault = Fault::None,
            Fault::RefuseTimes(n) | Fault::Status503Times(n) => *n -= 1,
            _ => {}
        }
        now
    }
}

fn answer(subgraph: &str) -> &'static str {
    match subgraph {
        "accounts" => r#"{"data":{"me":{"id":"1","name":"Ada"}}}"#,
        "products" => r#"{"data":{"topProducts":[{"upc":"1","name":"Table"}]}}"#,
        _ => r#"{"data":null,"errors":[{"message":"not scripted"}]}"#,
    }
}

impl SubgraphTransport for Scripted {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        Box::pin(async move {
            let fault = self.take(&request.service_name);
            self.in_flight.fetch_add(1, Ordering::SeqCst);
            let result = match fault {
                Fault::None => Ok(Bytes::from_static(answer(&request.service_name).as_bytes())),
                Fault::RefuseTimes(_) => Err(TransportError::Unreachable {
                    url: request.url.clone(),
                    reason: "connection refused".into(),
                }),
                Fault::Status503Times(_) => Err(TransportError::Status { status: 503 }),
                Fault::Slow(delay) => {
                    tokio::time::sleep(delay).await;
                    Ok(Bytes::from_static(answer(&request.service_name).as_bytes()))
                }
            };
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            result
        })
    }
}

pub(crate) fn bench_supergraph() -> Supergraph {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/supergraph.graphql");
    let sdl = std::fs::read_to_string(&path).expect("the bench supergraph is readable");
    Supergraph::parse(&sdl).expect("the bench supergraph loads")
}

/// `me` from accounts and `topProducts` from products, in parallel.
pub(crate) const BOTH: &str = "{ me { id name } topProducts(first: 1) { upc name } }";

pub(crate) fn gateway(transport: std::sync::Arc<Scripted>, settings: GatewaySettings) -> Gateway {
    Gateway::with_transport(bench_supergraph(), settings, transport)
}

/// Runs `query` and answers the whole response as JSON.
pub(crate) async fn run(gateway: &Gateway, query: &str) -> Value {
    let request = GraphqlRequest {
        query: Some(query.into()),
        ..GraphqlRequest::default()
    };
    let response = gateway.execute(request, &RequestOptions::default()).await;
    serde_json::to_value(&response).expect("a response serializes")
}
