//! The gateway over real HTTP in front of the four standard benchmark subgraphs (async-graphql,
//! in this process, on ephemeral ports), and a client for it. Shared by the HTTP test targets,
//! each of which uses a part.
#![allow(dead_code)]

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use quntuan_bench::server::graphql_router;
use quntuan_bench::subgraphs::{accounts, inventory, products, reviews};
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;
use tokio::net::TcpListener;

pub(crate) fn repo_file(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

pub(crate) async fn spawn(app: axum::Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind an ephemeral port");
    let address = listener.local_addr().expect("local address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{address}")
}

/// Starts the subgraphs (all but those in `down`) and a gateway with these settings in front;
/// returns its URL.
pub(crate) async fn start(
    down: &[&str],
    mut settings: GatewaySettings,
    http: &HttpSettings,
) -> String {
    let routers = [
        ("accounts", graphql_router(accounts::schema())),
        ("inventory", graphql_router(inventory::schema())),
        ("products", graphql_router(products::schema())),
        ("reviews", graphql_router(reviews::schema())),
    ];
    for (name, app) in routers {
        let url = if down.contains(&name) {
            // A port nothing listens on: bound, then released.
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            let address = listener.local_addr().expect("address");
            drop(listener);
            format!("http://{address}/graphql")
        } else {
            format!("{}/graphql", spawn(app).await)
        };
        settings.url_overrides.insert(name.to_string(), url);
    }
    let supergraph =
        Supergraph::parse(&repo_file("bench/supergraph.graphql")).expect("bench supergraph loads");
    let gateway = Arc::new(Gateway::new(supergraph, settings));
    spawn(router(gateway, http)).await
}

pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) content_type: String,
    pub(crate) body: Value,
    pub(crate) text: String,
}

pub(crate) async fn call(request: http::Request<Full<Bytes>>) -> Answer {
    let client: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let response = client.request(request).await.expect("the gateway answers");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let text = String::from_utf8_lossy(&bytes).to_string();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer {
        status,
        content_type,
        body,
        text,
    }
}

pub(crate) fn post(url: &str, accept: &str, body: impl Into<Bytes>) -> http::Request<Full<Bytes>> {
    http::Request::post(format!("{url}/graphql"))
        .header("content-type", "application/json")
        .header("accept", accept)
        .body(Full::new(body.into()))
        .expect("request builds")
}

pub(crate) fn get(url: &str, accept: &str, query_string: &str) -> http::Request<Full<Bytes>> {
    http::Request::get(format!("{url}/graphql?{query_string}"))
        .header("accept", accept)
        .body(Full::new(Bytes::new()))
        .expect("request builds")
}
