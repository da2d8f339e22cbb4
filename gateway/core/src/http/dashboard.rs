//! `GET /dashboard`: the cross-organisation dashboard, a page over the public `/graphql` API
//! (its code in `web/src/dashboard`, embedded by [`super::assets`]). `quntuan dev` serves it;
//! `quntuan serve` when asked to.

use super::assets;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

/// The page may load only what the gateway serves and talk only to it.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/// The dashboard's routes, to merge into the gateway's [`super::router`].
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route("/dashboard", get(page))
}

async fn page() -> Response {
    let html = format!(
        r#"<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>成都市大群团数据看板 · Quntuan</title>
  <link rel="stylesheet" href="{css}">
</head>
<body data-ready="false">
  <noscript>本看板需要 JavaScript。This dashboard needs JavaScript.</noscript>
  <script src="{js}"></script>
</body>
</html>"#,
        css = assets::url("dashboard.css"),
        js = assets::url("dashboard.js"),
    );
    let mut response = Html(html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    response
}
