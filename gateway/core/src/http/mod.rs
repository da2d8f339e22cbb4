//! The HTTP stage: GraphQL over HTTP on axum.
//!
//! `POST /graphql` (JSON body), `GET /graphql` (queries only, or GraphiQL for a browser),
//! `GET /health` (alive), `GET /ready` (a schema is loaded: [`ready`]). CSRF prevention ([`csrf`]) is a layer in front of the GraphQL routes. The response media type follows `Accept`: with
//! `application/graphql-response+json` request errors answer 4xx; with `application/json`
//! (the legacy default) they answer 200, as the GraphQL-over-HTTP spec says. A POST whose
//! `Accept` includes `multipart/mixed` gets `@defer` answers in parts ([`multipart`]).
//! Subscriptions (and any operation) stream over a WebSocket upgrade of `GET /graphql`
//! ([`socket`]), `accept: text/event-stream` ([`sse`]) or
//! `accept: multipart/mixed;subscriptionSpec="1.0"` ([`multipart_subscription`]).

mod assets;
mod body;
mod compression;
mod cors;
mod csrf;
mod dashboard;
mod graphiql;
mod multipart;
mod multipart_subscription;
mod precompressed;
mod ready;
mod response_body;
mod socket;
mod sse;
mod streamed;

pub use body::decode_post_body;
pub use compression::{Algorithm as CompressionAlgorithm, CompressionSettings};
pub use cors::CorsSettings;
pub use csrf::CsrfSettings;
pub use dashboard::routes as dashboard_routes;
pub use ready::ReadinessSettings;

use crate::error::{ErrorCode, GraphqlError};
use crate::gateway::{Gateway, GraphqlRequest, GraphqlResponse, RequestOptions};
use crate::reload::GatewayHandle;
use crate::subscription::Registry;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Extension, FromRequestParts, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use std::sync::Arc;

const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";
/// Asking for the plan in `extensions.queryPlan`.
const PLAN_HEADERS: &[&str] = &["x-quntuan-query-plan", "apollo-query-plan-experimental"];
/// Progressive-override labels for this request: `label` switches one on, `-label` off.
const OVERRIDE_LABELS_HEADER: &str = "x-quntuan-override-labels";

/// HTTP settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HttpSettings {
    /// Largest accepted request body, in bytes (default 2 MiB).
    pub max_body_bytes: usize,
    /// CSRF prevention (on by default).
    pub csrf: CsrfSettings,
    /// What `/ready` checks besides a loaded schema.
    pub readiness: ReadinessSettings,
    /// Response compression and compressed request bodies ([`compression`]).
    pub compression: CompressionSettings,
    /// Cross-origin requests from browsers (closed by default, [`cors`]).
    pub cors: CorsSettings,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            max_body_bytes: 2 * 1024 * 1024,
            csrf: CsrfSettings::default(),
            readiness: ReadinessSettings::default(),
            compression: CompressionSettings::default(),
            cors: CorsSettings::default(),
        }
    }
}

impl HttpSettings {
    /// Refuses settings that cannot be served, with a message naming the setting to fix.
    pub fn validate(&self) -> Result<(), String> {
        self.cors.validate()
    }
}

/// The gateway's routes, serving one schema for good.
///
/// Panics when `settings.validate()` fails: check the settings first.
pub fn router(gateway: Arc<Gateway>, settings: &HttpSettings) -> Router {
    router_for(GatewayHandle::new(gateway), settings)
}

/// The gateway's routes, serving whatever schema `handle` holds when a request starts.
pub fn router_for(handle: GatewayHandle, settings: &HttpSettings) -> Router {
    router_with_subscriptions(handle, settings, Registry::new())
}

/// [`router_for`], its subscriptions counted (and ended on shutdown) by `subscriptions`, which
/// follows `handle`'s schema swaps.
pub fn router_with_subscriptions(
    handle: GatewayHandle,
    settings: &HttpSettings,
    subscriptions: Arc<Registry>,
) -> Router {
    subscriptions.follow(&handle);
    let csrf = axum::middleware::from_fn_with_state(Arc::new(settings.csrf.clone()), csrf::layer);
    let mut routes = Router::new()
        .route("/graphql", get(get_graphql_or_socket).post(post_graphql))
        .route("/", get(get_graphql_or_socket).post(post_graphql))
        .route_layer(csrf)
        .route("/health", get(health))
        .route("/ready", get(ready::ready))
        .layer(Extension(ready::Probe::new(&settings.readiness)));
    if crate::telemetry::metrics::served_on_gateway_address() {
        routes = routes.route("/metrics", get(crate::telemetry::http::scrape));
    }
    let router = routes
        .merge(assets::routes(&settings.compression))
        .layer(DefaultBodyLimit::max(settings.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            handle.shared().rate_limiter(),
            crate::rate_limit::limit,
        ))
        .layer(Extension(BodyLimit(settings.max_body_bytes)))
        .layer(Extension(subscriptions))
        .layer(axum::middleware::from_fn(crate::telemetry::http::track));
    // Only with a tracer installed (before the routes are built): untraced, no layer at all.
    let router = if quntuan_trace::enabled() {
        router.layer(axum::middleware::from_fn(
            crate::telemetry::traces::trace_request,
        ))
    } else {
        router
    };
    let router = compression::apply(router, &settings.compression);
    cors::apply(router, &settings.cors).with_state(handle)
}

/// The gateway a request runs on, taken once, or the answer that no schema is loaded yet.
fn current_gateway(handle: &GatewayHandle, media: ResponseMedia) -> Result<Arc<Gateway>, Response> {
    handle.current().ok_or_else(|| {
        let error = GraphqlError::new(
            "no supergraph is loaded yet: the gateway is starting or its supergraph source has \
             not given a valid schema (see `/ready` and the gateway's log)",
            ErrorCode::SchemaNotLoaded,
        );
        respond(
            media,
            &GraphqlResponse::request_errors(vec![error]),
            StatusCode::SERVICE_UNAVAILABLE,
        )
    })
}

async fn health() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        r#"{"status":"UP"}"#,
    )
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct GetParams {
    query: Option<String>,
    operation_name: Option<String>,
    variables: Option<String>,
    extensions: Option<String>,
    document_id: Option<String>,
}

/// A WebSocket upgrade ([`socket`]), or GraphQL over GET.
async fn get_graphql_or_socket(
    State(handle): State<GatewayHandle>,
    Extension(subscriptions): Extension<Arc<Registry>>,
    request: Request,
) -> Response {
    if socket::is_upgrade(request.headers()) {
        return socket::upgrade(handle, subscriptions, request).await;
    }
    let (mut parts, _) = request.into_parts();
    let params = match Query::<GetParams>::from_request_parts(&mut parts, &()).await {
        Ok(params) => params,
        Err(rejection) => return rejection.into_response(),
    };
    get_graphql(handle, subscriptions, parts.headers, params.0).await
}

async fn get_graphql(
    handle: GatewayHandle,
    subscriptions: Arc<Registry>,
    headers: HeaderMap,
    params: GetParams,
) -> Response {
    if graphiql::wanted(&headers) {
        return Html(graphiql::page()).into_response();
    }
    let media = ResponseMedia::from_headers(&headers);
    let gateway = match current_gateway(&handle, media) {
        Ok(gateway) => gateway,
        Err(response) => return response,
    };
    let parse_json = |text: Option<String>,
                      what: &str|
     -> Result<Option<serde_json::Map<String, serde_json::Value>>, Response> {
        match text {
            None => Ok(None),
            Some(text) => serde_json::from_str(&text).map_err(|e| {
                bad_request(
                    media,
                    format!("the `{what}` query parameter is not a JSON object: {e}"),
                )
            }),
        }
    };
    let variables = match parse_json(params.variables, "variables") {
        Ok(v) => v,
        Err(response) => return response,
    };
    let extensions = match parse_json(params.extensions, "extensions") {
        Ok(v) => v,
        Err(response) => return response,
    };
    let request = GraphqlRequest {
        query: params.query,
        operation_name: params.operation_name,
        variables,
        extensions,
        document_id: params.document_id,
    };
    let options = match request_options(&gateway, &headers, false).await {
        Ok(options) => options,
        Err(response) => return response,
    };
    if sse::accepted(&headers) {
        return sse::answer(gateway, request, options, &subscriptions).await;
    }
    let response = gateway.execute(request, &options).await;
    let mutation_refused = response.is_request_error()
        && response
            .errors
            .first()
            .is_some_and(|e| e.message.starts_with("mutations cannot be sent with GET"));
    if mutation_refused {
        let mut http = respond(media, &response, StatusCode::METHOD_NOT_ALLOWED);
        http.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return http;
    }
    respond_graphql(media, response)
}

/// `max_body_bytes`, for the message of a refused body.
#[derive(Debug, Clone, Copy)]
struct BodyLimit(usize);

async fn post_graphql(
    State(handle): State<GatewayHandle>,
    Extension(limit): Extension<BodyLimit>,
    Extension(subscriptions): Extension<Arc<Registry>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let media = ResponseMedia::from_headers(&headers);
    let gateway = match current_gateway(&handle, media) {
        Ok(gateway) => gateway,
        Err(response) => return response,
    };
    let body = match body {
        Ok(body) => body,
        Err(rejection) => return body_refused(media, &rejection, limit),
    };
    let request = match decode_post_body(&body) {
        Ok(request) => request,
        Err(error) => {
            let response = GraphqlResponse::request_errors(vec![error]);
            return respond(media, &response, StatusCode::BAD_REQUEST);
        }
    };
    let options = match request_options(&gateway, &headers, true).await {
        Ok(options) => options,
        Err(response) => return response,
    };
    if sse::accepted(&headers) {
        return sse::answer(gateway, request, options, &subscriptions).await;
    }
    if multipart_subscription::accepted(&headers) {
        return multipart_subscription::answer(gateway, request, options, &subscriptions).await;
    }
    if multipart::accepted(&headers) {
        return multipart::answer(gateway, request, options, media).await;
    }
    let response = gateway.execute(request, &options).await;
    respond_graphql(media, response)
}

async fn request_options(
    gateway: &Gateway,
    headers: &HeaderMap,
    allow_mutations: bool,
) -> Result<RequestOptions, Response> {
    let (caller, identity) = gateway
        .authenticator()
        .authenticate(headers)
        .await
        .map_err(|error| {
            let response = GraphqlResponse::request_errors(vec![GraphqlError::new(
                error.to_string(),
                ErrorCode::Unauthenticated,
            )]);
            respond(
                ResponseMedia::from_headers(headers),
                &response,
                StatusCode::UNAUTHORIZED,
            )
        })?;
    let include_plan = PLAN_HEADERS.iter().any(|name| {
        headers
            .get(*name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v != "false" && v != "0")
    });
    let forwarded_headers = gateway.header_rules().for_request(headers);
    Ok(RequestOptions {
        include_plan,
        allow_mutations,
        forwarded_headers,
        caller,
        identity,
        incremental: None,
        override_labels: override_labels(headers),
        subscription: None,
    })
}

/// Reads `x-quntuan-override-labels: a, -b` into {a: on, b: off}.
fn override_labels(headers: &HeaderMap) -> std::collections::HashMap<String, bool> {
    headers
        .get_all(OVERRIDE_LABELS_HEADER)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|label| !label.is_empty() && *label != "-")
        .map(|label| match label.strip_prefix('-') {
            Some(off) => (off.to_string(), false),
            None => (label.to_string(), true),
        })
        .collect()
}

/// Which media type the response uses, from the request's `Accept`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResponseMedia {
    GraphqlResponseJson,
    Json,
}

/// Whether the request's `Accept` header names `media` (a plain substring test: the media types
/// the gateway tells apart never appear inside one another's names).
fn accepts(headers: &HeaderMap, media: &str) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains(media))
}

impl ResponseMedia {
    fn from_headers(headers: &HeaderMap) -> Self {
        if accepts(headers, GRAPHQL_RESPONSE_JSON) {
            Self::GraphqlResponseJson
        } else {
            Self::Json
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Self::GraphqlResponseJson => "application/graphql-response+json",
            Self::Json => "application/json",
        }
    }
}

fn respond_graphql(media: ResponseMedia, mut response: GraphqlResponse) -> Response {
    let status = if response.is_request_error() && media == ResponseMedia::GraphqlResponseJson {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let mut http = match response_body::graphql_parts(&mut response) {
        Some(Ok(body)) => {
            (status, [(header::CONTENT_TYPE, media.content_type())], body).into_response()
        }
        Some(Err(())) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        None => respond(media, &response, status),
    };
    // What the subgraphs' answers give the client: merged `cache-control`, passed headers.
    for (name, value) in &response.headers {
        http.headers_mut().append(name, value.clone());
    }
    http
}

/// A body that could not be read: over `max_body_bytes` (413), or cut short (400).
fn body_refused(media: ResponseMedia, rejection: &BytesRejection, limit: BodyLimit) -> Response {
    let status = rejection.status();
    let error = if status == StatusCode::PAYLOAD_TOO_LARGE {
        GraphqlError::new(
            format!(
                "the request body is larger than {} bytes (once decompressed), the limit `max_body_bytes`",
                limit.0
            ),
            ErrorCode::RequestTooLarge,
        )
    } else {
        GraphqlError::new(
            format!(
                "the request body could not be read: {}",
                rejection.body_text()
            ),
            ErrorCode::BadRequest,
        )
    };
    respond(media, &GraphqlResponse::request_errors(vec![error]), status)
}

fn bad_request(media: ResponseMedia, message: String) -> Response {
    let response =
        GraphqlResponse::request_errors(vec![GraphqlError::new(message, ErrorCode::BadRequest)]);
    respond(media, &response, StatusCode::BAD_REQUEST)
}

fn respond(media: ResponseMedia, response: &GraphqlResponse, status: StatusCode) -> Response {
    // Sized for the data (written as it is) and a few errors, so the body is written without
    // growing: for the deep benchmark query, one 87 KB buffer instead of ten doublings from 128 bytes.
    let data = response.data.as_ref().map_or(0, |data| data.get().len());
    let mut body = Vec::with_capacity(data + 64 + 256 * response.errors.len());
    match serde_json::to_writer(&mut body, response) {
        Ok(()) => (status, [(header::CONTENT_TYPE, media.content_type())], body).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
