//! The audit trail of personal-data reads, over real HTTP: a scoped read through the gateway
//! leaves who, when, which coordinates and how many values (never the values) in the
//! `quntuan::audit` log target and in the audit table (SQLite here; PostgreSQL too when
//! `DATABASE_URL` names one, in a table of this test's own).

mod support;

#[path = "support/server.rs"]
#[allow(dead_code)]
mod server;

use bytes::Bytes;
use http_body_util::Full;
use quntuan_gateway::audit::AuditSettings;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::supergraph::Supergraph;
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{Value, json};
use server::{call, spawn};
use std::sync::{Arc, Mutex};
use support::mock::MockSubgraphs;

const SECRET: &str = "audit-test-secret-of-at-least-32-bytes!";

const SUPERGRAPH: &str = r#"
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)
  @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)
{ query: Query }
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on OBJECT | INTERFACE | FIELD_DEFINITION | SCALAR | ENUM
directive @policy(policies: [[policy__Policy!]!]!) on OBJECT | INTERFACE | FIELD_DEFINITION | SCALAR | ENUM
scalar join__FieldSet
scalar link__Import
scalar requiresScopes__Scope
scalar policy__Policy
enum link__Purpose { SECURITY EXECUTION }
enum join__Graph { YOUTH @join__graph(name: "youth", url: "http://youth") }
type Query @join__type(graph: YOUTH) { volunteers: [Volunteer!]! }
type Volunteer @join__type(graph: YOUTH) {
  id: ID!
  hours: Int!
  name: String @requiresScopes(scopes: [["youth:personal"]])
  phone: String @policy(policies: [["caseworker"]])
}
"#;

async fn start(audit: AuditSettings) -> (String, Arc<Gateway>) {
    let data = json!({"youth": {"Query": {"volunteers": [
        {"id": "v1", "hours": 12, "name": "张三", "phone": "138-0001"},
        {"id": "v2", "hours": 3, "name": null, "phone": "138-0002"},
        {"id": "v3", "hours": 7, "name": "李四", "phone": null}
    ]}}});
    let mock = Arc::new(MockSubgraphs::new(
        data.as_object().cloned().unwrap_or_default(),
    ));
    let mut settings = GatewaySettings {
        jwt_secret: Some(SECRET.into()),
        audit,
        ..GatewaySettings::default()
    };
    settings
        .auth
        .set("policies.caseworker={\"role\":\"caseworker\"}")
        .unwrap();
    let gateway = Arc::new(Gateway::with_transport(
        Supergraph::parse(SUPERGRAPH).unwrap(),
        settings,
        mock,
    ));
    let url = spawn(router(gateway.clone(), &HttpSettings::default())).await;
    (url, gateway)
}

fn token(claims: Value) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap()
}

async fn ask(url: &str, query: &str, token: Option<&str>) -> Value {
    let mut request = http::Request::post(format!("{url}/graphql"))
        .header("content-type", "application/json")
        .header("apollographql-client-name", "dashboard");
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let body = json!({"query": query}).to_string();
    call(request.body(Full::new(Bytes::from(body))).unwrap())
        .await
        .body
}

/// (subject, client, operation, coordinate, count) rows in insertion order.
async fn rows(url: &str, table: &str) -> Vec<(String, String, String, String, i64)> {
    let db = Database::connect(url).await.unwrap();
    let backend = db.get_database_backend();
    let sql = format!(
        "SELECT subject, client_name, operation_name, coordinate, value_count FROM {table} ORDER BY id"
    );
    db.query_all_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .iter()
        .map(|row| {
            (
                row.try_get("", "subject").unwrap_or_default(),
                row.try_get("", "client_name").unwrap_or_default(),
                row.try_get("", "operation_name").unwrap_or_default(),
                row.try_get("", "coordinate").unwrap(),
                row.try_get("", "value_count").unwrap(),
            )
        })
        .collect()
}

async fn scoped_reads_are_recorded(database_url: &str, table: &str) {
    let (url, gateway) = start(AuditSettings {
        database_url: Some(database_url.into()),
        table: table.into(),
        ..AuditSettings::default()
    })
    .await;
    let officer =
        token(json!({"sub": "officer-7", "scope": "youth:personal", "role": "caseworker"}));
    let answer = ask(
        &url,
        "query Roster { volunteers { id name phone } }",
        Some(&officer),
    )
    .await;
    assert_eq!(answer["data"]["volunteers"][0]["name"], "张三");
    // Nothing guarded is selected: nothing to record.
    ask(
        &url,
        "query Hours { volunteers { id hours } }",
        Some(&officer),
    )
    .await;
    // Refused fields carry no value: nothing to record either.
    let anonymous = ask(&url, "query Peek { volunteers { name } }", None).await;
    assert_eq!(anonymous["data"]["volunteers"][0]["name"], Value::Null);
    let clerk = token(json!({"sub": "clerk-2", "scope": "youth:personal"}));
    ask(&url, "{ volunteers { name phone } }", Some(&clerk)).await;
    gateway.audit().flush().await;

    let row = |subject: &str, operation: &str, coordinate: &str, count| {
        (
            subject.to_string(),
            "dashboard".to_string(),
            operation.to_string(),
            coordinate.to_string(),
            count,
        )
    };
    assert_eq!(
        rows(database_url, table).await,
        vec![
            row("officer-7", "Roster", "Volunteer.name", 2),
            row("officer-7", "Roster", "Volunteer.phone", 2),
            row("clerk-2", "", "Volunteer.name", 2),
        ]
    );
}

#[tokio::test]
async fn a_scoped_read_leaves_who_what_and_how_many_in_the_table() {
    let dir = std::env::temp_dir().join(format!("quntuan-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("audit.db");
    let _ = std::fs::remove_file(&file);
    let url = format!("sqlite://{}?mode=rwc", file.display());
    scoped_reads_are_recorded(&url, "quntuan_audit").await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn every_deferred_part_is_audited_with_the_primary_part() {
    let dir = std::env::temp_dir().join(format!("quntuan-audit-defer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let file = dir.join("audit.db");
    let _ = std::fs::remove_file(&file);
    let database = format!("sqlite://{}?mode=rwc", file.display());
    let (url, gateway) = start(AuditSettings {
        database_url: Some(database.clone()),
        ..AuditSettings::default()
    })
    .await;
    let officer =
        token(json!({"sub": "officer-9", "scope": "youth:personal", "role": "caseworker"}));
    let request = http::Request::post(format!("{url}/graphql"))
        .header("content-type", "application/json")
        .header(
            "accept",
            "multipart/mixed;deferSpec=20220824, application/json",
        )
        .header("apollographql-client-name", "dashboard")
        .header("authorization", format!("Bearer {officer}"));
    let query =
        "query Deferred { volunteers { id name ... @defer(label: \"contact\") { phone } } }";
    let body = json!({"query": query}).to_string();
    let answer = call(
        request
            .body(Full::new(Bytes::from(body)))
            .expect("request builds"),
    )
    .await;
    assert!(
        answer.content_type.starts_with("multipart/mixed"),
        "answered in parts: {}",
        answer.content_type
    );
    // The phones went out in the deferred part only.
    assert!(answer.text.contains("138-0002"), "{}", answer.text);
    assert!(
        answer.text.contains("\"label\":\"contact\""),
        "{}",
        answer.text
    );
    gateway.audit().flush().await;
    let row = |coordinate: &str, count| {
        (
            "officer-9".to_string(),
            "dashboard".to_string(),
            "Deferred".to_string(),
            coordinate.to_string(),
            count,
        )
    };
    assert_eq!(
        rows(&database, "quntuan_audit").await,
        vec![row("Volunteer.name", 2), row("Volunteer.phone", 2)]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_postgresql_table_is_created_and_filled_when_database_url_is_set() {
    let Ok(url) = std::env::var("DATABASE_URL") else {
        eprintln!("DATABASE_URL is not set: the PostgreSQL audit table is not tested");
        return;
    };
    if !url.starts_with("postgres") {
        return;
    }
    let table = format!("quntuan_audit_test_{}", std::process::id());
    scoped_reads_are_recorded(&url, &table).await;
    let db = Database::connect(&url).await.unwrap();
    db.execute_unprepared(&format!("DROP TABLE {table}"))
        .await
        .unwrap();
}

/// Collects what the `quntuan::audit` target writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_log_target_names_coordinates_and_counts_but_never_values() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("quntuan::audit=info")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // Global, not per thread: a callsite first reached by a thread without a subscriber (another
    // test's) would otherwise stay switched off. Lines are picked by this test's own subject.
    tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
    let (url, _) = start(AuditSettings::default()).await;
    let officer =
        token(json!({"sub": "log-officer", "scope": "youth:personal", "role": "caseworker"}));
    ask(
        &url,
        "query Roster { volunteers { name phone } }",
        Some(&officer),
    )
    .await;
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = log.lines().filter(|l| l.contains("log-officer")).collect();
    assert_eq!(lines.len(), 1, "{log}");
    assert!(
        lines[0].contains(
            "quntuan::audit: personal data read subject=\"log-officer\" client_name=\"dashboard\" operation=\"Roster\" reads=Volunteer.name=2,Volunteer.phone=2"
        ),
        "{log}"
    );
    for value in ["张三", "李四", "138-0001"] {
        assert!(!lines[0].contains(value), "a value reached the log: {log}");
    }
}
