//! Trusted documents over real HTTP: each mode (`off`, `safelist`, `require_id`,
//! `log_unknown`) with Apollo's persisted query manifest and Relay's `{id: document}` map, by
//! `documentId` and by `extensions.persistedQuery`, by POST and by GET; a changed manifest
//! is loaded (by a reload and by the watcher), a broken one keeps the manifest in force.

mod support;

#[path = "support/server.rs"]
#[allow(dead_code)]
mod server;

use bytes::Bytes;
use http_body_util::Full;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::persisted::sha256_hex;
use quntuan_gateway::supergraph::Supergraph;
use quntuan_gateway::trusted::{TrustedDocumentsMode, TrustedDocumentsSettings};
use serde_json::{Value, json};
use server::{Answer, call, spawn};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::mock::MockSubgraphs;

const SUPERGRAPH: &str = r#"
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{ query: Query }
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
scalar join__FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
enum join__Graph { HUB @join__graph(name: "hub", url: "http://hub") }
type Query @join__type(graph: HUB) { cityName: String! population: Int! }
"#;

/// The trusted operation, and the same one as another client might format it.
const CITY: &str = "query City { cityName }";
const CITY_REFORMATTED: &str = "# the city\nquery City{\n  cityName,\n}";
/// An operation no manifest here has (until the reload test adds it).
const POPULATION: &str = "query Population { population }";

const CITY_DATA: &str = r#"{"data":{"cityName":"成都市"}}"#;
const POPULATION_DATA: &str = r#"{"data":{"population":20940000}}"#;

fn apollo_manifest(operations: &[(&str, &str)]) -> String {
    let operations: Vec<Value> = operations
        .iter()
        .map(|(id, body)| json!({"id": id, "body": body, "name": "Op", "type": "query"}))
        .collect();
    json!({"format": "apollo-persisted-query-manifest", "version": 1, "operations": operations})
        .to_string()
}

fn relay_manifest(operations: &[(&str, &str)]) -> String {
    let map: serde_json::Map<String, Value> = operations
        .iter()
        .map(|(id, body)| (id.to_string(), Value::String(body.to_string())))
        .collect();
    Value::Object(map).to_string()
}

/// Apollo's manifest with CITY under its SHA-256 (as Apollo's tooling writes it), Relay's
/// under an ID of its own.
fn manifests() -> Vec<(&'static str, String, String)> {
    let hash = sha256_hex(CITY);
    vec![
        ("apollo", apollo_manifest(&[(&hash, CITY)]), hash),
        (
            "relay",
            relay_manifest(&[("relay-city-1", CITY)]),
            "relay-city-1".to_string(),
        ),
    ]
}

/// A manifest file of its own for each gateway (tests run in parallel).
fn manifest_file(text: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("quntuan-trusted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!(
        "manifest-{}.json",
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, text).expect("write the manifest");
    path
}

/// Writes `text` over `path` as deployments should: a new file renamed over the old one.
fn replace(path: &Path, text: &str) {
    let fresh = path.with_extension("new");
    std::fs::write(&fresh, text).expect("write the new manifest");
    std::fs::rename(&fresh, path).expect("rename it over the old one");
}

fn settings(mode: TrustedDocumentsMode, manifest: Option<&Path>) -> TrustedDocumentsSettings {
    TrustedDocumentsSettings {
        mode,
        manifest: manifest.map(|path| path.display().to_string()),
        ..TrustedDocumentsSettings::default()
    }
}

async fn start(trusted: TrustedDocumentsSettings) -> (String, Arc<Gateway>) {
    let data = json!({"hub": {"Query": {"cityName": "成都市", "population": 20940000}}});
    let mock = Arc::new(MockSubgraphs::new(
        data.as_object().cloned().unwrap_or_default(),
    ));
    let settings = GatewaySettings {
        trusted_documents: trusted,
        ..GatewaySettings::default()
    };
    let gateway = Arc::new(Gateway::with_transport(
        Supergraph::parse(SUPERGRAPH).expect("test supergraph loads"),
        settings,
        mock,
    ));
    let url = spawn(router(gateway.clone(), &HttpSettings::default())).await;
    (url, gateway)
}

const ACCEPT: &str = "application/graphql-response+json";

async fn post(url: &str, body: Value) -> Answer {
    call(
        http::Request::post(format!("{url}/graphql"))
            .header("content-type", "application/json")
            .header("accept", ACCEPT)
            .body(Full::new(Bytes::from(body.to_string())))
            .expect("request builds"),
    )
    .await
}

/// A GET with these query parameters (percent-encoded here), past CSRF prevention.
async fn get(url: &str, params: &[(&str, &str)]) -> Answer {
    let query: Vec<String> = params
        .iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    call(
        http::Request::get(format!("{url}/graphql?{}", query.join("&")))
            .header("accept", ACCEPT)
            .header("x-quntuan-csrf", "1")
            .body(Full::new(Bytes::new()))
            .expect("request builds"),
    )
    .await
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn by_document_id(id: &str) -> Value {
    json!({"documentId": id})
}

fn by_extension(id: &str) -> Value {
    json!({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": id}}})
}

fn free_form(query: &str) -> Value {
    json!({"query": query})
}

/// The whole answer of a refusal: status 400, one error with this code, no `data`.
fn assert_refused(answer: &Answer, code: &str, what: &str) {
    assert_eq!(answer.status, 400, "{what}: {}", answer.text);
    assert_eq!(
        answer.body["errors"].as_array().map(Vec::len),
        Some(1),
        "{what}: {}",
        answer.text
    );
    assert_eq!(
        answer.body["errors"][0]["extensions"]["code"], code,
        "{what}: {}",
        answer.text
    );
    assert!(answer.body.get("data").is_none(), "{what}: {}", answer.text);
}

fn assert_served(answer: &Answer, expected: &str, what: &str) {
    assert_eq!(answer.status, 200, "{what}: {}", answer.text);
    assert_eq!(answer.text, expected, "{what}");
}

#[tokio::test]
async fn safelist_runs_documents_by_id_and_trusted_free_form_documents_only() {
    for (format, manifest, id) in manifests() {
        let path = manifest_file(&manifest);
        let (url, _) = start(settings(TrustedDocumentsMode::Safelist, Some(&path))).await;
        let case = |what: &str| format!("{format}: {what}");
        assert_served(
            &post(&url, by_document_id(&id)).await,
            CITY_DATA,
            &case("POST documentId"),
        );
        assert_served(
            &post(&url, by_document_id(&format!("sha256:{id}"))).await,
            CITY_DATA,
            &case("POST documentId with the sha256: prefix"),
        );
        assert_served(
            &post(&url, by_extension(&id)).await,
            CITY_DATA,
            &case("POST persistedQuery"),
        );
        assert_served(
            &get(&url, &[("documentId", &id)]).await,
            CITY_DATA,
            &case("GET documentId"),
        );
        let extensions =
            json!({"persistedQuery": {"version": 1, "sha256Hash": id.as_str()}}).to_string();
        assert_served(
            &get(&url, &[("extensions", &extensions)]).await,
            CITY_DATA,
            &case("GET persistedQuery"),
        );
        assert_served(
            &post(&url, free_form(CITY)).await,
            CITY_DATA,
            &case("POST the manifest's document"),
        );
        assert_served(
            &post(&url, free_form(CITY_REFORMATTED)).await,
            CITY_DATA,
            &case("POST the manifest's document formatted otherwise"),
        );
        assert_served(
            &get(&url, &[("query", CITY_REFORMATTED)]).await,
            CITY_DATA,
            &case("GET the manifest's document"),
        );
        // Introspection is on: tools can read the schema without a manifest entry.
        assert_served(
            &post(&url, free_form("{ __schema { queryType { name } } }")).await,
            r#"{"data":{"__schema":{"queryType":{"name":"Query"}}}}"#,
            &case("introspection"),
        );

        assert_refused(
            &post(&url, free_form(POPULATION)).await,
            "QUERY_NOT_IN_SAFELIST",
            &case("POST an unknown document"),
        );
        assert_refused(
            &get(&url, &[("query", POPULATION)]).await,
            "QUERY_NOT_IN_SAFELIST",
            &case("GET an unknown document"),
        );
        assert_refused(
            &post(&url, free_form("query City { cityName population }")).await,
            "QUERY_NOT_IN_SAFELIST",
            &case("the manifest's operation with a field more"),
        );
        assert_refused(
            &post(&url, free_form("query City { cityName")).await,
            "QUERY_NOT_IN_SAFELIST",
            &case("a document that does not parse"),
        );
        assert_refused(
            &post(&url, by_document_id("no-such-id")).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("POST an unknown documentId"),
        );
        assert_refused(
            &get(&url, &[("documentId", "no-such-id")]).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("GET an unknown documentId"),
        );
        assert_refused(
            &post(&url, by_extension(&sha256_hex(POPULATION))).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("an unknown persistedQuery hash (no APQ under a safelist)"),
        );
        assert_refused(
            &post(&url, json!({"documentId": id, "query": POPULATION})).await,
            "CANNOT_SEND_PQ_ID_AND_BODY",
            &case("an ID with a query"),
        );
        let apq_registration = json!({
            "query": POPULATION,
            "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256_hex(POPULATION)}}
        });
        assert_refused(
            &post(&url, apq_registration).await,
            "CANNOT_SEND_PQ_ID_AND_BODY",
            &case("an APQ registration"),
        );
    }
}

#[tokio::test]
async fn require_id_runs_documents_by_id_only() {
    for (format, manifest, id) in manifests() {
        let path = manifest_file(&manifest);
        let (url, _) = start(settings(TrustedDocumentsMode::RequireId, Some(&path))).await;
        let case = |what: &str| format!("{format}: {what}");
        assert_served(
            &post(&url, by_document_id(&id)).await,
            CITY_DATA,
            &case("POST documentId"),
        );
        assert_served(
            &post(&url, by_extension(&id)).await,
            CITY_DATA,
            &case("POST persistedQuery"),
        );
        assert_served(
            &get(&url, &[("documentId", &id)]).await,
            CITY_DATA,
            &case("GET documentId"),
        );
        for (what, answer) in [
            (
                "POST the manifest's own document",
                post(&url, free_form(CITY)).await,
            ),
            (
                "GET the manifest's own document",
                get(&url, &[("query", CITY)]).await,
            ),
            (
                "POST an unknown document",
                post(&url, free_form(POPULATION)).await,
            ),
            (
                "introspection",
                post(&url, free_form("{ __schema { queryType { name } } }")).await,
            ),
        ] {
            assert_refused(&answer, "PERSISTED_QUERY_ID_REQUIRED", &case(what));
        }
        assert_refused(
            &post(&url, by_document_id("no-such-id")).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("an unknown documentId"),
        );
    }
}

/// Collects what the `quntuan::trusted_documents` target writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .expect("the log buffer")
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn log_unknown_serves_everything_and_logs_what_the_manifest_lacks() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("quntuan::trusted_documents=info")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // Global: a callsite first reached by another test's thread would otherwise stay off.
    tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
    for (format, manifest, id) in manifests() {
        let path = manifest_file(&manifest);
        let (url, _) = start(settings(TrustedDocumentsMode::LogUnknown, Some(&path))).await;
        let case = |what: &str| format!("{format}: {what}");
        // Each format logs an unknown document of its own, to tell the lines apart.
        let unknown = format!("query Unknown{format} {{ population }}");
        let before = String::from_utf8(captured.0.lock().expect("the log buffer").clone())
            .expect("UTF-8 logs");
        assert_served(
            &post(&url, by_document_id(&id)).await,
            CITY_DATA,
            &case("by ID"),
        );
        assert_served(
            &post(&url, free_form(CITY_REFORMATTED)).await,
            CITY_DATA,
            &case("the manifest's document"),
        );
        assert_served(
            &post(&url, free_form(&unknown)).await,
            POPULATION_DATA,
            &case("POST an unknown document"),
        );
        assert_served(
            &get(&url, &[("query", &unknown)]).await,
            POPULATION_DATA,
            &case("GET an unknown document"),
        );
        assert_refused(
            &post(&url, by_document_id("no-such-id")).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("an unknown documentId"),
        );
        // APQ stays: an unknown hash asks for the document, which is then registered.
        let hash = sha256_hex(&unknown);
        assert_refused(
            &post(&url, by_extension(&hash)).await,
            "PERSISTED_QUERY_NOT_FOUND",
            &case("an unregistered APQ hash"),
        );
        let registration = json!({
            "query": unknown,
            "extensions": {"persistedQuery": {"version": 1, "sha256Hash": hash}}
        });
        assert_served(
            &post(&url, registration).await,
            POPULATION_DATA,
            &case("an APQ registration"),
        );
        assert_served(
            &post(&url, by_extension(&hash)).await,
            POPULATION_DATA,
            &case("a registered APQ hash"),
        );

        let log = String::from_utf8(captured.0.lock().expect("the log buffer").clone())
            .expect("UTF-8 logs");
        let new = &log[before.len()..];
        let lines: Vec<&str> = new
            .lines()
            .filter(|line| line.contains("not in the trusted documents manifest"))
            .collect();
        // The POST, the GET, the registration and the APQ run: never the trusted ones.
        assert_eq!(lines.len(), 4, "{format}: {new}");
        for line in lines {
            assert!(line.contains(&format!("document_sha256={hash}")), "{line}");
            assert!(line.contains("WARN"), "{line}");
        }
    }
}

#[tokio::test]
async fn off_keeps_automatic_persisted_queries_and_refuses_document_ids() {
    let (url, _) = start(TrustedDocumentsSettings::default()).await;
    assert_served(
        &post(&url, free_form(POPULATION)).await,
        POPULATION_DATA,
        "a free-form document",
    );
    let hash = sha256_hex(CITY);
    assert_refused(
        &post(&url, by_extension(&hash)).await,
        "PERSISTED_QUERY_NOT_FOUND",
        "an unregistered APQ hash",
    );
    let registration = json!({
        "query": CITY,
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": hash}}
    });
    assert_served(&post(&url, registration).await, CITY_DATA, "registration");
    assert_served(
        &get(
            &url,
            &[(
                "extensions",
                &json!({"persistedQuery": {"version": 1, "sha256Hash": hash}}).to_string(),
            )],
        )
        .await,
        CITY_DATA,
        "a registered hash by GET",
    );
    let answer = post(&url, by_document_id(&hash)).await;
    assert_refused(&answer, "BAD_REQUEST", "a documentId");
    let message = answer.body["errors"][0]["message"]
        .as_str()
        .expect("a message");
    assert!(
        message.contains("`trusted_documents.mode` is `off`"),
        "{message}"
    );
}

#[tokio::test]
async fn a_changed_manifest_is_loaded_and_a_broken_one_keeps_the_one_in_force() {
    let hash = sha256_hex(CITY);
    let path = manifest_file(&apollo_manifest(&[(&hash, CITY)]));
    let (url, gateway) = start(settings(TrustedDocumentsMode::Safelist, Some(&path))).await;
    let trusted = gateway.trusted_documents();
    assert_eq!(trusted.stats().loaded.load(Ordering::Relaxed), 1);
    assert_eq!(
        trusted.reload().await,
        Ok(false),
        "the file read at start is no change"
    );
    assert_refused(
        &post(&url, by_document_id("population-1")).await,
        "PERSISTED_QUERY_NOT_IN_LIST",
        "before the reload",
    );

    // The same gateway now reads Relay's format: the manifest is replaced, not merged.
    replace(&path, &relay_manifest(&[("population-1", POPULATION)]));
    assert_eq!(trusted.reload().await, Ok(true));
    assert_served(
        &post(&url, by_document_id("population-1")).await,
        POPULATION_DATA,
        "the new manifest's document by ID",
    );
    assert_served(
        &post(&url, free_form(POPULATION)).await,
        POPULATION_DATA,
        "the new manifest's document free-form",
    );
    assert_refused(
        &post(&url, by_document_id(&hash)).await,
        "PERSISTED_QUERY_NOT_IN_LIST",
        "the old manifest's document",
    );

    for broken in [
        "{\"format\": \"apollo-persisted-query-manifest\", \"ver",
        r#"{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id": "x"}]}"#,
    ] {
        replace(&path, broken);
        let error = trusted
            .reload()
            .await
            .expect_err("a broken manifest is refused");
        assert!(
            error.contains(&path.display().to_string()),
            "the error names the file: {error}"
        );
        assert_served(
            &post(&url, by_document_id("population-1")).await,
            POPULATION_DATA,
            "the manifest in force after a broken one",
        );
        // The same broken file is reported once, not on every poll.
        assert_eq!(trusted.reload().await, Ok(false));
    }
    assert_eq!(trusted.stats().failed.load(Ordering::Relaxed), 2);
    assert_eq!(trusted.stats().loaded.load(Ordering::Relaxed), 2);

    std::fs::remove_file(&path).expect("remove the manifest");
    let error = trusted.reload().await.expect_err("a missing manifest");
    assert!(error.contains("cannot read"), "{error}");
    assert_served(
        &post(&url, by_document_id("population-1")).await,
        POPULATION_DATA,
        "the manifest in force after the file went away",
    );
}

#[tokio::test]
async fn the_watcher_loads_a_changed_manifest() {
    let path = manifest_file(&relay_manifest(&[("city", CITY)]));
    let mut trusted = settings(TrustedDocumentsMode::RequireId, Some(&path));
    trusted.poll_interval_ms = 10;
    let (url, gateway) = start(trusted).await;
    let watcher = gateway
        .trusted_documents()
        .watch()
        .expect("a manifest to watch");
    replace(
        &path,
        &relay_manifest(&[("city", CITY), ("population", POPULATION)]),
    );
    let started = Instant::now();
    loop {
        let answer = post(&url, by_document_id("population")).await;
        if answer.status == 200 {
            assert_served(&answer, POPULATION_DATA, "after the watcher's reload");
            break;
        }
        assert_refused(&answer, "PERSISTED_QUERY_NOT_IN_LIST", "before the reload");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited 30 s for the watcher"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    watcher.abort();
}

#[tokio::test]
async fn a_manifest_served_at_an_url_is_read_before_serving_and_reloaded() {
    let served = Arc::new(Mutex::new(relay_manifest(&[("city", CITY)])));
    let body = served.clone();
    let app = axum::Router::new().route(
        "/manifest.json",
        axum::routing::get(move || {
            let body = body.clone();
            async move { body.lock().expect("the served manifest").clone() }
        }),
    );
    let origin = spawn(app).await;
    let trusted = TrustedDocumentsSettings {
        mode: TrustedDocumentsMode::RequireId,
        manifest: Some(format!("{origin}/manifest.json")),
        ..TrustedDocumentsSettings::default()
    };
    let (url, gateway) = start(trusted).await;
    let documents = gateway.trusted_documents();
    assert!(
        documents.is_empty(),
        "an URL is read by preload, not at construction"
    );
    documents.preload().await.expect("the manifest is fetched");
    assert_served(
        &post(&url, by_document_id("city")).await,
        CITY_DATA,
        "by ID from the URL's manifest",
    );
    *served.lock().expect("the served manifest") =
        relay_manifest(&[("city", CITY), ("population", POPULATION)]);
    assert_eq!(documents.reload().await, Ok(true));
    assert_served(
        &post(&url, by_document_id("population")).await,
        POPULATION_DATA,
        "by ID after the reload",
    );
    *served.lock().expect("the served manifest") = "not a manifest".into();
    let error = documents.reload().await.expect_err("a broken manifest");
    assert!(error.contains("not JSON"), "{error}");
    assert_served(
        &post(&url, by_document_id("population")).await,
        POPULATION_DATA,
        "the manifest in force after a broken one",
    );
}

#[tokio::test]
async fn settings_that_cannot_work_are_refused_at_start() {
    let supergraph = || Supergraph::parse(SUPERGRAPH).expect("loads");
    let start = |trusted: TrustedDocumentsSettings| {
        let settings = GatewaySettings {
            trusted_documents: trusted,
            ..GatewaySettings::default()
        };
        Gateway::try_new(supergraph(), settings).err()
    };
    let error = start(settings(TrustedDocumentsMode::Safelist, None)).expect("no manifest");
    assert!(
        error.contains("needs `trusted_documents.manifest`"),
        "{error}"
    );

    let path = manifest_file("{\"a\": 1}");
    let error = start(settings(TrustedDocumentsMode::LogUnknown, Some(&path))).expect("broken");
    assert!(
        error.contains(&path.display().to_string()) && error.contains("the entry `a`"),
        "{error}"
    );

    let missing = path.with_extension("missing");
    let error = start(settings(TrustedDocumentsMode::RequireId, Some(&missing))).expect("absent");
    assert!(error.contains("cannot read"), "{error}");

    // Off needs no manifest, and ignores one that is not there.
    assert!(start(settings(TrustedDocumentsMode::Off, Some(&missing))).is_none());
}
