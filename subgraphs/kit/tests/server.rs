//! The shared router: GraphQL over POST and GET, GraphiQL, health, bearer tokens, and a
//! protected field refused with FORBIDDEN and marked with @requiresScopes.

use async_graphql::{Context, EmptyMutation, EmptySubscription, Object, Schema};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use quntuan_kit::auth::issue_token;
use quntuan_kit::server::router_with_verifier;
use quntuan_kit::{JwtVerifier, reveal};
use serde_json::{Value, json};
use tower::ServiceExt;

struct Person {
    id: String,
}

#[Object]
impl Person {
    async fn id(&self) -> &str {
        &self.id
    }

    #[graphql(requires_scopes = "youth:personal")]
    async fn name(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(ctx, "youth:personal", "Person.name", &self.id, || {
            format!("name of {}", self.id)
        })
    }
}

struct Query;

#[Object]
impl Query {
    async fn person(&self) -> Person {
        Person { id: "p1".into() }
    }
}

fn app() -> axum::Router {
    let schema = Schema::build(Query, EmptyMutation, EmptySubscription)
        .enable_federation()
        .finish();
    router_with_verifier(schema, JwtVerifier::new("test-secret"))
}

async fn send(request: Request<Body>) -> Result<(StatusCode, String), Box<dyn std::error::Error>> {
    let response = app().oneshot(request).await?;
    let status = response.status();
    let body = response.into_body().collect().await?.to_bytes();
    Ok((status, String::from_utf8(body.to_vec())?))
}

fn post(query: &str, token: Option<&str>) -> Result<Request<Body>, axum::http::Error> {
    let mut builder = Request::post("/graphql").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    builder.body(Body::from(json!({ "query": query }).to_string()))
}

#[tokio::test]
async fn health_answers_ok() -> Result<(), Box<dyn std::error::Error>> {
    let (status, body) = send(Request::get("/health").body(Body::empty())?).await?;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    Ok(())
}

#[tokio::test]
async fn protected_field_is_forbidden_without_the_scope() -> Result<(), Box<dyn std::error::Error>>
{
    let (status, body) = send(post("{ person { id name } }", None)?).await?;
    assert_eq!(status, StatusCode::OK);
    let body: Value = serde_json::from_str(&body)?;
    assert_eq!(
        body,
        json!({
            "data": { "person": { "id": "p1", "name": null } },
            "errors": [{
                "message": "`Person.name` requires the scope `youth:personal`",
                "locations": [{ "line": 1, "column": 15 }],
                "path": ["person", "name"],
                "extensions": { "code": "FORBIDDEN" }
            }]
        })
    );
    Ok(())
}

#[tokio::test]
async fn protected_field_is_served_with_the_scope() -> Result<(), Box<dyn std::error::Error>> {
    let token = issue_token("test-secret", "alice", &["youth:personal"], 60)?;
    let (_, body) = send(post("{ person { name } }", Some(&token))?).await?;
    let body: Value = serde_json::from_str(&body)?;
    assert_eq!(
        body,
        json!({ "data": { "person": { "name": "name of p1" } } })
    );
    Ok(())
}

#[tokio::test]
async fn bad_tokens_are_refused_with_401() -> Result<(), Box<dyn std::error::Error>> {
    let token = issue_token("wrong-secret", "mallory", &["youth:personal"], 60)?;
    let (status, body) = send(post("{ person { name } }", Some(&token))?).await?;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let body: Value = serde_json::from_str(&body)?;
    assert_eq!(
        body,
        json!({ "errors": [{ "message": "the bearer token is invalid: InvalidSignature", "extensions": { "code": "FORBIDDEN" } }] })
    );
    Ok(())
}

#[tokio::test]
async fn get_runs_queries_and_serves_graphiql_to_browsers() -> Result<(), Box<dyn std::error::Error>>
{
    let (_, body) =
        send(Request::get("/graphql?query=%7Bperson%7Bid%7D%7D").body(Body::empty())?).await?;
    assert_eq!(
        serde_json::from_str::<Value>(&body)?,
        json!({ "data": { "person": { "id": "p1" } } })
    );
    let (status, html) = send(
        Request::get("/graphql")
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())?,
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("graphiql"), "{html}");
    Ok(())
}

#[tokio::test]
async fn sdl_marks_protected_fields_with_requires_scopes() -> Result<(), Box<dyn std::error::Error>>
{
    let (_, body) = send(post("{ _service { sdl } }", None)?).await?;
    let body: Value = serde_json::from_str(&body)?;
    let sdl = body["data"]["_service"]["sdl"].as_str().unwrap_or_default();
    assert!(
        sdl.contains(r#"name: String @requiresScopes(scopes: [["youth:personal"]])"#),
        "{sdl}"
    );
    Ok(())
}

#[tokio::test]
async fn federation_sdl_equals_what_service_serves() -> Result<(), Box<dyn std::error::Error>> {
    let (_, body) = send(post("{ _service { sdl } }", None)?).await?;
    let body: Value = serde_json::from_str(&body)?;
    let served = body["data"]["_service"]["sdl"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let schema = Schema::build(Query, EmptyMutation, EmptySubscription)
        .enable_federation()
        .finish();
    assert_eq!(quntuan_kit::sdl::federation_sdl(&schema), served);
    Ok(())
}

/// Collects what the fmt subscriber writes.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut out) = self.0.lock() {
            out.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn every_read_and_refusal_of_a_protected_field_is_audited()
-> Result<(), Box<dyn std::error::Error>> {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .without_time()
        .with_max_level(tracing::Level::INFO)
        .finish();
    // #[tokio::test] runs on one thread, so a thread-local default sees every event.
    let _guard = tracing::subscriber::set_default(subscriber);
    let token = issue_token("test-secret", "alice", &["youth:personal"], 60)?;
    send(post("{ person { name } }", Some(&token))?).await?;
    send(post("{ person { name } }", None)?).await?;
    let log = String::from_utf8(captured.0.lock().map(|l| l.clone()).unwrap_or_default())?;
    let audit: Vec<&str> = log.lines().filter(|l| l.contains(" audit:")).collect();
    assert_eq!(
        audit,
        vec![
            r#" INFO audit: protected field read field="Person.name" record_id="p1" subject="alice" scope="youth:personal""#,
            r#" WARN audit: protected field refused field="Person.name" record_id="p1" subject="anonymous" scope="youth:personal""#,
        ]
    );
    Ok(())
}
