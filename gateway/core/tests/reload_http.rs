//! Supergraph hot reload over real HTTP: a file source replaced under a steady stream of
//! requests, and `/ready` before and after a schema is loaded.

#[path = "support/server.rs"]
mod server;

use axum::Json;
use axum::extract::Path;
use axum::routing::post as post_route;
use quntuan_gateway::execute::HttpTransport;
use quntuan_gateway::gateway::{GatewaySettings, SharedState};
use quntuan_gateway::http::{HttpSettings, router_for};
use quntuan_gateway::reload::file::FileSource;
use quntuan_gateway::reload::{GatewayHandle, poll_once, watch};
use serde_json::{Value, json};
use server::{call, post, spawn};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Supergraph `version`: one subgraph, at a URL that names the version, so every answer says
/// which schema planned it. Each version also has a field of its own, `onlyInN`.
fn supergraph(version: u32, subgraph: &str) -> String {
    format!(
        r#"schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{{
  query: Query
}}

directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar join__FieldSet
scalar link__Import

enum join__Graph {{
  MAIN @join__graph(name: "main", url: "{subgraph}/v/{version}/graphql")
}}

enum link__Purpose {{
  SECURITY
  EXECUTION
}}

type Query @join__type(graph: MAIN) {{
  version: Int!
  onlyIn{version}: Int
}}
"#
    )
}

/// Writes `text` to `path` the way deployments should: a new file renamed over the old one.
fn replace(path: &std::path::Path, text: &str) {
    let fresh = path.with_extension("new");
    std::fs::write(&fresh, text).expect("write the new supergraph");
    std::fs::rename(&fresh, path).expect("rename it over the old one");
}

/// Waits (bounded) until `done` holds.
async fn wait_for(what: &str, done: impl Fn() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited 30 s for {what}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// A subgraph that answers `{ version onlyInN }` with the version its URL names.
async fn versioned_subgraph() -> String {
    let app = axum::Router::new().route(
        "/v/{version}/graphql",
        post_route(|Path(version): Path<u32>| async move {
            let only_in = format!("onlyIn{version}");
            Json(json!({ "data": { "version": version, only_in: version } }))
        }),
    );
    spawn(app).await
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quntuan-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn empty_handle() -> GatewayHandle {
    let settings = GatewaySettings::default();
    let shared = SharedState::new(&settings, Arc::new(HttpTransport::new()));
    GatewayHandle::empty(settings, shared)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_supergraph_replaced_ten_times_under_load_answers_every_request_on_its_schema() {
    let subgraph = versioned_subgraph().await;
    let path = temp_dir("reload").join("supergraph.graphql");
    replace(&path, &supergraph(0, &subgraph));
    let handle = empty_handle();
    let mut source = FileSource::new(&path);
    poll_once(&handle, &mut source)
        .await
        .expect("version 0 loads");
    let watcher = watch(handle.clone(), source, Duration::from_millis(5));
    let gateway = spawn(router_for(handle.clone(), &HttpSettings::default())).await;

    // Clients send `{ version }` one after the other, as fast as they are answered.
    let answers: Arc<Mutex<Vec<Vec<(u16, Value)>>>> = Arc::new(Mutex::new(vec![Vec::new(); 4]));
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for client in 0..4 {
        let (answers, stop, gateway) = (answers.clone(), stop.clone(), gateway.clone());
        clients.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let answer = call(post(
                    &gateway,
                    "application/graphql-response+json",
                    r#"{"query":"{ version }"}"#,
                ))
                .await;
                answers.lock().expect("answers")[client].push((answer.status, answer.body));
            }
        }));
    }
    let seen = |version: u32| {
        answers
            .lock()
            .expect("answers")
            .iter()
            .flatten()
            .any(|(_, body)| body["data"]["version"] == version)
    };
    wait_for("an answer on version 0", || seen(0)).await;

    let broken = [3, 6, 9];
    let mut valid = vec![0];
    for step in 1..=10u32 {
        if broken.contains(&step) {
            let failed = handle.stats().failed.load(Ordering::Relaxed);
            let serving = handle.current().expect("a schema").supergraph().hash;
            replace(&path, &format!("type Query {{ version{step}: Int"));
            wait_for("the broken supergraph to be refused", || {
                handle.stats().failed.load(Ordering::Relaxed) == failed + 1
            })
            .await;
            let before = answers
                .lock()
                .expect("answers")
                .iter()
                .map(Vec::len)
                .sum::<usize>();
            wait_for("more answers on the old schema", || {
                answers
                    .lock()
                    .expect("answers")
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>()
                    >= before + 8
            })
            .await;
            let still = handle.current().expect("a schema").supergraph().hash;
            assert_eq!(still, serving, "the broken supergraph replaced the old one");
        } else {
            replace(&path, &supergraph(step, &subgraph));
            wait_for("an answer on the new schema", || seen(step)).await;
            valid.push(step);
        }
    }
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.await.expect("no client failed");
    }
    watcher.abort();

    let answers = answers.lock().expect("answers");
    let total: usize = answers.iter().map(Vec::len).sum();
    assert!(total >= 40, "only {total} answers");
    for (client, answers) in answers.iter().enumerate() {
        let mut previous = 0;
        for (status, body) in answers {
            let version = body["data"]["version"].as_u64().unwrap_or(u64::MAX) as u32;
            assert!(valid.contains(&version), "client {client}: {status} {body}");
            assert_eq!(
                (*status, body),
                (200, &json!({ "data": { "version": version } })),
                "client {client}"
            );
            // One client's requests follow one another: none goes back to an older schema.
            assert!(
                version >= previous,
                "client {client}: {version} after {previous}"
            );
            previous = version;
        }
    }
    for version in &valid {
        assert!(
            answers
                .iter()
                .flatten()
                .any(|(_, b)| b["data"]["version"] == *version)
        );
    }
    assert_eq!(
        handle.stats().loaded.load(Ordering::Relaxed),
        valid.len() as u64
    );
    assert_eq!(
        handle.stats().failed.load(Ordering::Relaxed),
        broken.len() as u64
    );
}

#[tokio::test]
async fn a_field_of_the_old_schema_is_refused_after_a_reload() {
    let subgraph = versioned_subgraph().await;
    let handle = empty_handle();
    handle
        .load(&supergraph(1, &subgraph))
        .expect("version 1 loads");
    let gateway = spawn(router_for(handle.clone(), &HttpSettings::default())).await;
    let ask = || {
        call(post(
            &gateway,
            "application/json",
            r#"{"query":"{ onlyIn1 }"}"#,
        ))
    };
    assert_eq!(ask().await.body, json!({ "data": { "onlyIn1": 1 } }));
    handle
        .load(&supergraph(2, &subgraph))
        .expect("version 2 loads");
    let answer = ask().await;
    assert_eq!(
        answer.body["errors"][0]["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED",
        "{}",
        answer.text
    );
}

#[tokio::test]
async fn ready_answers_503_until_a_supergraph_is_loaded_and_health_is_always_200() {
    let subgraph = versioned_subgraph().await;
    let handle = empty_handle();
    let gateway = spawn(router_for(handle.clone(), &HttpSettings::default())).await;
    let get = |path: &str| {
        call(
            http::Request::get(format!("{gateway}{path}"))
                .body(http_body_util::Full::new(bytes::Bytes::new()))
                .expect("request"),
        )
    };
    assert!(handle.load("type Query {").is_err());
    let ready = get("/ready").await;
    assert_eq!(ready.status, 503);
    assert_eq!(ready.body["status"], "NOT_READY");
    let reason = ready.body["reason"].as_str().unwrap_or_default();
    assert!(
        reason.starts_with("no supergraph is loaded yet: "),
        "{reason}"
    );
    let health = get("/health").await;
    assert_eq!(
        (health.status, health.body),
        (200, json!({ "status": "UP" }))
    );
    let refused = call(post(
        &gateway,
        "application/json",
        r#"{"query":"{ version }"}"#,
    ))
    .await;
    assert_eq!(refused.status, 503);
    assert_eq!(
        refused.body["errors"][0]["extensions"]["code"],
        "SCHEMA_NOT_LOADED"
    );

    handle
        .load(&supergraph(4, &subgraph))
        .expect("version 4 loads");
    let ready = get("/ready").await;
    assert_eq!(
        (ready.status, ready.body),
        (200, json!({ "status": "READY" }))
    );
    let answer = call(post(
        &gateway,
        "application/json",
        r#"{"query":"{ version }"}"#,
    ))
    .await;
    assert_eq!(answer.body, json!({ "data": { "version": 4 } }));
}

#[tokio::test]
async fn ready_probes_the_subgraphs_when_asked_to() {
    let subgraph = versioned_subgraph().await;
    let handle = empty_handle();
    let http = HttpSettings {
        readiness: quntuan_gateway::http::ReadinessSettings {
            probe_subgraphs: true,
            probe_timeout_ms: 2_000,
        },
        ..HttpSettings::default()
    };
    let gateway = spawn(router_for(handle.clone(), &http)).await;
    let ready = || {
        call(
            http::Request::get(format!("{gateway}/ready"))
                .body(http_body_util::Full::new(bytes::Bytes::new()))
                .expect("request"),
        )
    };
    handle.load(&supergraph(1, &subgraph)).expect("loads");
    assert_eq!(ready().await.status, 200);
    // A subgraph nothing listens on: bound, then released.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let gone = format!("http://{}", listener.local_addr().expect("address"));
    drop(listener);
    handle.load(&supergraph(2, &gone)).expect("loads");
    let answer = ready().await;
    assert_eq!(answer.status, 503);
    let reason = answer.body["reason"].as_str().unwrap_or_default();
    assert!(
        reason.starts_with(&format!(
            "subgraph `main` could not reach {gone}/v/2/graphql"
        )),
        "{reason}"
    );
}

/// A schema registry on 127.0.0.1: serves the SDL it holds with its ETag, answers `304` to a
/// request whose `If-None-Match` names it, and keeps every request's `If-None-Match`.
#[derive(Clone, Default)]
struct Registry {
    current: Arc<Mutex<(String, String)>>,
    conditions: Arc<Mutex<Vec<Option<String>>>>,
}

impl Registry {
    async fn serve(&self) -> String {
        let registry = self.clone();
        let app = axum::Router::new().route(
            "/supergraph.graphql",
            axum::routing::get(move |headers: axum::http::HeaderMap| async move {
                let condition = headers
                    .get("if-none-match")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                registry
                    .conditions
                    .lock()
                    .expect("conditions")
                    .push(condition.clone());
                let (etag, sdl) = registry.current.lock().expect("current").clone();
                if condition.as_deref() == Some(etag.as_str()) {
                    return axum::http::Response::builder()
                        .status(304)
                        .header("etag", etag)
                        .body(axum::body::Body::empty())
                        .expect("a 304");
                }
                axum::http::Response::builder()
                    .header("etag", etag)
                    .body(axum::body::Body::from(sdl))
                    .expect("a 200")
            }),
        );
        format!("{}/supergraph.graphql", spawn(app).await)
    }

    fn publish(&self, etag: &str, sdl: String) {
        *self.current.lock().expect("current") = (etag.to_string(), sdl);
    }

    fn conditions(&self) -> Vec<Option<String>> {
        self.conditions.lock().expect("conditions").clone()
    }
}

#[tokio::test]
async fn an_url_source_is_polled_with_if_none_match_and_a_304_reloads_nothing() {
    use quntuan_gateway::reload::url::UrlSource;
    let subgraph = versioned_subgraph().await;
    let registry = Registry::default();
    registry.publish("\"v1\"", supergraph(1, &subgraph));
    let url = registry.serve().await;
    let handle = empty_handle();
    let mut source = UrlSource::new(url);
    let loaded = |handle: &GatewayHandle| {
        (
            handle.stats().loaded.load(Ordering::Relaxed),
            handle.stats().failed.load(Ordering::Relaxed),
        )
    };

    poll_once(&handle, &mut source).await.expect("v1 loads");
    let first = handle.current().expect("a schema");
    assert_eq!(loaded(&handle), (1, 0));

    // Unchanged: the registry answers 304 and the same gateway keeps serving.
    poll_once(&handle, &mut source)
        .await
        .expect("a 304 is fine");
    assert_eq!(loaded(&handle), (1, 0));
    assert!(Arc::ptr_eq(
        &first,
        &handle.current().expect("still a schema")
    ));

    registry.publish("\"v2\"", supergraph(2, &subgraph));
    poll_once(&handle, &mut source).await.expect("v2 loads");
    assert_eq!(loaded(&handle), (2, 0));
    let answer = call(post(
        &spawn(router_for(handle.clone(), &HttpSettings::default())).await,
        "application/json",
        r#"{"query":"{ version onlyIn2 }"}"#,
    ))
    .await;
    assert_eq!(answer.body, json!({"data": {"version": 2, "onlyIn2": 2}}));

    // A broken supergraph is refused once; the v2 schema keeps serving; a 304 after it is
    // not counted again.
    registry.publish("\"v3\"", "type Query {".to_string());
    assert!(poll_once(&handle, &mut source).await.is_err());
    assert_eq!(loaded(&handle), (2, 1));
    poll_once(&handle, &mut source)
        .await
        .expect("a 304 is fine");
    assert_eq!(loaded(&handle), (2, 1));
    assert_eq!(
        registry.conditions(),
        vec![
            None,
            Some("\"v1\"".to_string()),
            Some("\"v1\"".to_string()),
            Some("\"v2\"".to_string()),
            Some("\"v3\"".to_string()),
        ]
    );
}
