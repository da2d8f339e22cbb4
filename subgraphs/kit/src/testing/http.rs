//! A subgraph's router under test: requests sent to it in process, bearer tokens, and the
//! checks every subgraph's HTTP test makes.

use sea_orm::DatabaseConnection;
use serde_json::Value;

use crate::service::SubgraphService;

/// Sends `request` to a subgraph's router (as [`crate::router`] or
/// [`SubgraphService::router`] builds it) and returns the status and the body as text.
pub async fn send(
    router: axum::Router,
    request: axum::http::Request<axum::body::Body>,
) -> (axum::http::StatusCode, String) {
    use tower::ServiceExt;
    let response = router.oneshot(request).await.expect("the router answers");
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("the body is read");
    (
        status,
        String::from_utf8(body.to_vec()).expect("the body is UTF-8"),
    )
}

/// A `POST /graphql` request with `query` as JSON, with `Authorization: Bearer TOKEN` when a
/// token is given.
pub fn post_graphql(query: &str, token: Option<&str>) -> axum::http::Request<axum::body::Body> {
    use axum::http::header;
    let mut builder =
        axum::http::Request::post("/graphql").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    builder
        .body(axum::body::Body::from(
            serde_json::json!({ "query": query }).to_string(),
        ))
        .expect("the request is well formed")
}

/// A signed bearer token of an officer with `scopes`, valid for five minutes, signed with
/// the secret the subgraphs verify (`JWT_SECRET`, or the development default).
pub fn bearer_token(scopes: &[&str]) -> String {
    use crate::auth::{DEFAULT_JWT_SECRET, JWT_SECRET_ENV, issue_token};
    let secret = std::env::var(JWT_SECRET_ENV).unwrap_or_else(|_| DEFAULT_JWT_SECRET.to_string());
    issue_token(&secret, "officer-9", scopes, 300).expect("a token is issued")
}

/// A query reading a protected field, for [`assert_serves_over_http`]: the scope that
/// reveals the field, the whole response with it, and the `data` served without it.
pub struct ScopedQuery<'a> {
    pub query: &'a str,
    pub scope: &'a str,
    pub granted: Value,
    pub refused_data: Value,
}

/// The subgraph as the CLI serves it (`service.router(db)`): `/health` answers `ok`,
/// `_service { sdl }` is [`SubgraphService::sdl`], a token with the scope reveals the
/// field, a token without it gets the field nulled and a `FORBIDDEN` error, and a token
/// that is not one is refused with 401.
pub async fn assert_serves_over_http(
    service: &dyn SubgraphService,
    db: DatabaseConnection,
    case: ScopedQuery<'_>,
) {
    use axum::http::StatusCode;
    let router = service.router(db);
    let health = axum::http::Request::get("/health")
        .body(axum::body::Body::empty())
        .expect("request");
    let (status, body) = send(router.clone(), health).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));

    let (status, body) = send(router.clone(), post_graphql("{ _service { sdl } }", None)).await;
    assert_eq!(status, StatusCode::OK);
    let sdl: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(sdl["data"]["_service"]["sdl"], Value::from(service.sdl()));

    let granted = bearer_token(&[case.scope]);
    let (_, body) = send(router.clone(), post_graphql(case.query, Some(&granted))).await;
    let served: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(served, case.granted);

    let (_, body) = send(
        router.clone(),
        post_graphql(case.query, Some(&bearer_token(&[]))),
    )
    .await;
    let refused: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(refused["data"], case.refused_data);
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN");

    let (status, _) = send(router, post_graphql(case.query, Some("not-a-token"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// The fields `sdl` marks `@requiresScopes(scopes: [["SCOPE"]])`, in SDL order: what the
/// gateway will refuse to a caller without `scope`.
pub fn fields_requiring<'a>(sdl: &'a str, scope: &str) -> Vec<&'a str> {
    let mark = format!("@requiresScopes(scopes: [[\"{scope}\"]])");
    sdl.lines()
        .filter(|line| line.contains(&mark))
        .map(|line| line.trim().split(':').next().unwrap_or_default())
        .collect()
}

/// Asserts that the SDL of `service` marks exactly `fields` (by name, in SDL order) with
/// `@requiresScopes` of `scope` alone ([`fields_requiring`]): the gateway checks each.
pub fn assert_fields_requiring(
    service: &dyn crate::service::SubgraphService,
    scope: &str,
    fields: &[&str],
) {
    let sdl = service.sdl();
    assert_eq!(
        fields_requiring(&sdl, scope),
        fields,
        "the fields requiring `{scope}`"
    );
}
