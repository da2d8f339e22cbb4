//! The standard benchmark's deep query without the network: the four benchmark subgraphs
//! (`quntuan-bench`) answer in process once, their answers are recorded by request body, and a
//! gateway then runs against the recording, so a measurement covers exactly the gateway's own
//! work (plan-cache hit, representations, parsing, merging, shaping) and nothing else.
//! Shared by the benches, each of which uses a part.
#![allow(dead_code)]

use async_graphql::{ObjectType, Schema, SubscriptionType};
use bytes::Bytes;
use futures::future::BoxFuture;
use quntuan_bench::subgraphs::{accounts, inventory, products, reviews};
use quntuan_gateway::execute::{SubgraphRequest, SubgraphTransport, TransportError};
use quntuan_gateway::gateway::{
    Gateway, GatewaySettings, GraphqlRequest, GraphqlResponse, RequestOptions,
};
use quntuan_gateway::supergraph::Supergraph;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

pub(crate) fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

async fn answer<Q, M, S>(schema: &Schema<Q, M, S>, body: &[u8]) -> Bytes
where
    Q: ObjectType + 'static,
    M: ObjectType + 'static,
    S: SubscriptionType + 'static,
{
    let request: async_graphql::Request =
        serde_json::from_slice(body).expect("the gateway sends a GraphQL request");
    let response = schema.execute(request).await;
    Bytes::from(serde_json::to_vec(&response).expect("a response serialises"))
}

/// The four subgraphs, answering in process; every answer is kept by request body.
struct Recording {
    accounts: accounts::AccountsSchema,
    inventory: inventory::InventorySchema,
    products: products::ProductsSchema,
    reviews: reviews::ReviewsSchema,
    answers: Mutex<HashMap<Bytes, Bytes>>,
}

impl SubgraphTransport for Recording {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        Box::pin(async move {
            let body = &request.body;
            let bytes = match request.service_name.as_str() {
                "accounts" => answer(&self.accounts, body).await,
                "inventory" => answer(&self.inventory, body).await,
                "products" => answer(&self.products, body).await,
                _ => answer(&self.reviews, body).await,
            };
            self.answers
                .lock()
                .expect("not poisoned")
                .insert(request.body.clone(), bytes.clone());
            Ok(bytes)
        })
    }
}

/// Answers from a recording; a request it does not know fails (the bench would notice).
pub(crate) struct Replay(pub(crate) HashMap<Bytes, Bytes>);

impl SubgraphTransport for Replay {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        let answer = self.0.get(&request.body).cloned();
        Box::pin(async move {
            answer.ok_or_else(|| TransportError::Unreachable {
                url: request.url,
                reason: "not recorded".into(),
            })
        })
    }
}

pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

pub(crate) fn request(query: &str) -> GraphqlRequest {
    GraphqlRequest {
        query: Some(query.to_string()),
        ..GraphqlRequest::default()
    }
}

/// The body a client would receive.
pub(crate) fn body(response: &GraphqlResponse) -> String {
    serde_json::to_string(response).expect("a response serialises")
}

/// The recorded subgraph answers of `queries`, and a gateway that replays them.
pub(crate) fn replaying_gateway(
    runtime: &tokio::runtime::Runtime,
    queries: &[&str],
) -> (Gateway, Vec<Bytes>) {
    let supergraph =
        || Supergraph::parse(&read("bench/supergraph.graphql")).expect("bench supergraph");
    let recording = Arc::new(Recording {
        accounts: accounts::schema(),
        inventory: inventory::schema(),
        products: products::schema(),
        reviews: reviews::schema(),
        answers: Mutex::new(HashMap::new()),
    });
    let recorder =
        Gateway::with_transport(supergraph(), GatewaySettings::default(), recording.clone());
    for query in queries {
        runtime.block_on(recorder.execute(request(query), &RequestOptions::default()));
    }
    let answers = recording.answers.lock().expect("not poisoned").clone();
    let mut bodies: Vec<Bytes> = answers.values().cloned().collect();
    bodies.sort();
    let gateway = Gateway::with_transport(
        supergraph(),
        GatewaySettings::default(),
        Arc::new(Replay(answers)),
    );
    (gateway, bodies)
}
