//! Compression over real HTTP: answers compressed by `accept-encoding` (each algorithm decodes
//! to the uncompressed answer), small answers and `@defer` streams left alone, the embedded
//! assets compressed, compressed request bodies accepted and a zip bomb refused at the body
//! limit. The four benchmark subgraphs run in this process on ephemeral ports.

#[path = "support/server.rs"]
mod server;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use quntuan_gateway::gateway::GatewaySettings;
use quntuan_gateway::http::{CompressionSettings, HttpSettings};
use serde_json::{Value, json};
use server::repo_file;
use std::io::{Read, Write};

const MAX_BODY_BYTES: usize = 64 * 1024;

async fn start(compression: CompressionSettings) -> String {
    let http = HttpSettings {
        max_body_bytes: MAX_BODY_BYTES,
        compression,
        ..HttpSettings::default()
    };
    server::start(&[], GatewaySettings::default(), &http).await
}

struct Raw {
    status: u16,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

async fn send(request: http::Request<Full<Bytes>>) -> Raw {
    let client: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let response = client.request(request).await.expect("the gateway answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Raw {
        status,
        headers,
        body,
    }
}

fn post(url: &str, headers: &[(&str, &str)], body: impl Into<Bytes>) -> http::Request<Full<Bytes>> {
    let mut request = http::Request::post(format!("{url}/graphql"))
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .body(Full::new(body.into()))
        .expect("request builds");
    for (name, value) in headers {
        let value = http::HeaderValue::from_str(value).expect("header value");
        let name = http::HeaderName::from_bytes(name.as_bytes()).expect("header name");
        request.headers_mut().insert(name, value);
    }
    request
}

fn deep_query_body() -> String {
    json!({"query": repo_file("bench/queries/deep.graphql")}).to_string()
}

fn decode(encoding: &str, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match encoding {
        "gzip" => {
            flate2::read::GzDecoder::new(body)
                .read_to_end(&mut out)
                .expect("gzip decodes");
        }
        "br" => {
            brotli::Decompressor::new(body, 4096)
                .read_to_end(&mut out)
                .expect("brotli decodes");
        }
        "zstd" => out = zstd::stream::decode_all(body).expect("zstd decodes"),
        other => panic!("no decoder for {other}"),
    }
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip encodes");
    encoder.finish().expect("gzip finishes")
}

#[tokio::test]
async fn each_encoding_decodes_to_the_uncompressed_answer() {
    let url = start(CompressionSettings::default()).await;
    let plain = send(post(&url, &[], deep_query_body())).await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("content-encoding"), None);
    let expected: Value =
        serde_json::from_str(&repo_file("bench/expected/deep.json")).expect("expected JSON");
    assert_eq!(
        serde_json::from_slice::<Value>(&plain.body).expect("JSON"),
        expected
    );
    for encoding in ["gzip", "br", "zstd"] {
        let answer = send(post(
            &url,
            &[("accept-encoding", encoding)],
            deep_query_body(),
        ))
        .await;
        assert_eq!(answer.status, 200, "{encoding}");
        assert_eq!(answer.header("content-encoding"), Some(encoding));
        assert_eq!(answer.header("content-type"), Some("application/json"));
        assert_eq!(answer.header("vary"), Some("accept-encoding"));
        assert!(answer.body.len() < plain.body.len() / 4, "{encoding}");
        assert_eq!(decode(encoding, &answer.body), plain.body, "{encoding}");
    }
    // Preference by quality value: the one the client ranks first among those allowed.
    let ranked = send(post(
        &url,
        &[("accept-encoding", "gzip;q=0.5, zstd;q=0.9, br;q=0")],
        deep_query_body(),
    ))
    .await;
    assert_eq!(ranked.header("content-encoding"), Some("zstd"));
}

#[tokio::test]
async fn small_answers_defer_streams_and_disallowed_algorithms_stay_uncompressed() {
    let url = start(CompressionSettings {
        algorithms: vec![quntuan_gateway::http::CompressionAlgorithm::Gzip],
        ..CompressionSettings::default()
    })
    .await;
    let small = send(post(
        &url,
        &[("accept-encoding", "gzip, br, zstd")],
        r#"{"query": "{ __typename }"}"#,
    ))
    .await;
    assert_eq!(
        (small.status, small.header("content-encoding")),
        (200, None)
    );
    assert_eq!(small.body, br#"{"data":{"__typename":"Query"}}"#);

    let brotli_only = send(post(&url, &[("accept-encoding", "br")], deep_query_body())).await;
    assert_eq!(brotli_only.header("content-encoding"), None);

    // A multipart stream of unknown length: compressing it would hold parts back.
    let defer = r#"{ topProducts(first: 2) { name ... @defer(label: "stock") { inStock shippingEstimate } } }"#;
    let streamed = send(post(
        &url,
        &[
            (
                "accept",
                "multipart/mixed;deferSpec=20220824, application/json",
            ),
            ("accept-encoding", "gzip"),
        ],
        json!({"query": defer}).to_string(),
    ))
    .await;
    assert_eq!(streamed.status, 200);
    assert!(
        streamed
            .header("content-type")
            .is_some_and(|t| t.starts_with("multipart/mixed")),
        "{:?} {}",
        streamed.headers,
        String::from_utf8_lossy(&streamed.body)
    );
    assert_eq!(streamed.header("content-encoding"), None);
    assert!(String::from_utf8_lossy(&streamed.body).ends_with("\r\n-----\r\n"));
}

#[tokio::test]
async fn switched_off_nothing_is_compressed() {
    let url = start(CompressionSettings {
        enabled: false,
        ..CompressionSettings::default()
    })
    .await;
    let answer = send(post(
        &url,
        &[("accept-encoding", "gzip")],
        deep_query_body(),
    ))
    .await;
    assert_eq!(
        (answer.status, answer.header("content-encoding")),
        (200, None)
    );
}

#[tokio::test]
async fn the_dashboard_bundle_is_served_compressed() {
    let url = start(CompressionSettings::default()).await;
    let get = |encoding: Option<&'static str>| {
        let mut request = http::Request::get(format!("{url}/assets/dashboard.js"));
        if let Some(encoding) = encoding {
            request = request.header("accept-encoding", encoding);
        }
        request.body(Full::new(Bytes::new())).expect("request")
    };
    let plain = send(get(None)).await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("content-encoding"), None);
    let compressed = send(get(Some("br"))).await;
    assert_eq!(compressed.status, 200);
    assert_eq!(compressed.header("content-encoding"), Some("br"));
    assert_eq!(
        compressed.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    // Another representation, another strong validator; both revalidate.
    let plain_etag = plain.header("etag").expect("an etag").to_string();
    assert_eq!(
        compressed.header("etag"),
        Some(format!("{}-br\"", plain_etag.trim_end_matches('"')).as_str())
    );
    assert_eq!(compressed.header("vary"), Some("accept-encoding"));
    let revalidated = send(
        http::Request::get(format!("{url}/assets/dashboard.js"))
            .header("accept-encoding", "br")
            .header(
                "if-none-match",
                compressed.header("etag").unwrap_or_default(),
            )
            .body(Full::new(Bytes::new()))
            .expect("request"),
    )
    .await;
    assert_eq!(revalidated.status, 304);
    let stale = send(
        http::Request::get(format!("{url}/assets/dashboard.js"))
            .header("accept-encoding", "br")
            .header("if-none-match", plain_etag.as_str())
            .body(Full::new(Bytes::new()))
            .expect("request"),
    )
    .await;
    assert_eq!(
        stale.status, 200,
        "the plain bytes' tag does not name the brotli bytes"
    );
    assert_eq!(decode("br", &compressed.body), plain.body);
    println!(
        "dashboard.js: {} bytes plain, {} bytes brotli",
        plain.body.len(),
        compressed.body.len()
    );
}

/// Every embedded asset in every coding decodes to the file it was built from, several
/// requests at once finding it not yet compressed (each waits for the one copy). Prints the
/// sizes (the best levels in an optimised build, the fast ones in a debug build).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_asset_decodes_to_its_file_in_every_coding() {
    let url = start(CompressionSettings::default()).await;
    for name in [
        "dashboard.js",
        "dashboard.css",
        "graphiql.js",
        "graphiql.css",
    ] {
        let file = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("assets")
                .join(name),
        )
        .expect("the asset's file");
        let mut sizes = vec![format!("{} plain", file.len())];
        for encoding in ["gzip", "br", "zstd"] {
            let get = || {
                send(
                    http::Request::get(format!("{url}/assets/{name}"))
                        .header("accept-encoding", encoding)
                        .body(Full::new(Bytes::new()))
                        .expect("request"),
                )
            };
            let answers = futures::future::join_all([get(), get(), get()]).await;
            for answer in &answers {
                assert_eq!(
                    (answer.status, answer.header("content-encoding")),
                    (200, Some(encoding)),
                    "{name}"
                );
                assert!(
                    answer.body.len() < file.len(),
                    "{name} in {encoding} is smaller"
                );
                assert!(
                    decode(encoding, &answer.body) == file,
                    "{name} in {encoding}"
                );
            }
            assert!(
                answers.iter().all(|answer| answer.body == answers[0].body),
                "{name} in {encoding}: one copy"
            );
            sizes.push(format!("{} {encoding}", answers[0].body.len()));
        }
        println!("{name}: {}", sizes.join(", "));
    }
}

#[tokio::test]
async fn a_gzip_request_body_is_accepted_and_a_bomb_refused_at_the_limit() {
    let url = start(CompressionSettings::default()).await;
    let body = gzip(deep_query_body().as_bytes());
    let answer = send(post(&url, &[("content-encoding", "gzip")], body)).await;
    assert_eq!(answer.status, 200);
    let expected: Value =
        serde_json::from_str(&repo_file("bench/expected/deep.json")).expect("expected JSON");
    assert_eq!(
        serde_json::from_slice::<Value>(&answer.body).expect("JSON"),
        expected
    );

    // 64 MiB of spaces, about 64 KiB gzipped... far less: inflating it must stop at the limit.
    let bomb = gzip(&vec![b' '; 64 * 1024 * 1024]);
    assert!(bomb.len() < MAX_BODY_BYTES, "{}", bomb.len());
    let refused = send(post(&url, &[("content-encoding", "gzip")], bomb)).await;
    assert_eq!(refused.status, 413);
    assert_eq!(
        serde_json::from_slice::<Value>(&refused.body).expect("JSON"),
        json!({"errors": [{
            "message": format!(
                "the request body is larger than {MAX_BODY_BYTES} bytes (once decompressed), \
                 the limit `max_body_bytes`"
            ),
            "extensions": {"code": "REQUEST_TOO_LARGE"}
        }]})
    );

    let unknown = send(post(
        &url,
        &[("content-encoding", "lzma")],
        deep_query_body(),
    ))
    .await;
    assert_eq!(unknown.status, 415);
}
