//! The pages and bundles the gateway serves from its binary: GraphiQL and the dashboard link
//! hashed assets that may be cached for good, every asset has its content type and an ETag
//! that answers 304, and the dashboard is only where it is mounted.

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, dashboard_routes, router};
use quntuan_gateway::supergraph::Supergraph;
use std::path::Path;
use std::sync::Arc;

async fn serve(with_dashboard: bool) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/supergraph.graphql");
    let sdl = std::fs::read_to_string(path).expect("the bench supergraph");
    let gateway = Gateway::new(
        Supergraph::parse(&sdl).expect("loads"),
        GatewaySettings::default(),
    );
    let mut app = router(Arc::new(gateway), &HttpSettings::default());
    if with_dashboard {
        app = app.merge(dashboard_routes());
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{address}")
}

/// GETs `url` with `headers`: status, response headers as "name: value" lines, body.
async fn get(url: &str, headers: &[(&str, &str)]) -> (u16, http::HeaderMap, String) {
    let client: Client<HttpConnector, Empty<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let mut request = http::Request::get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = client
        .request(request.body(Empty::new()).expect("request"))
        .await
        .expect("answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

fn header<'a>(headers: &'a http::HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// The `/assets/…` links of a page, in order.
fn asset_links(html: &str) -> Vec<String> {
    html.split('"')
        .filter(|part| part.starts_with("/assets/"))
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn graphiql_links_its_bundle_from_the_gateway_and_nothing_outside() {
    let base = serve(false).await;
    let (status, headers, html) = get(&format!("{base}/graphql"), &[("accept", "text/html")]).await;
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").starts_with("text/html"));
    assert!(!html.contains("http"), "no outside URL in the page: {html}");
    let links = asset_links(&html);
    assert_eq!(links.len(), 2, "{html}");
    assert!(links[0].starts_with("/assets/graphiql.css?v="));
    assert!(links[1].starts_with("/assets/graphiql.js?v="));

    let (status, headers, body) = get(&format!("{base}{}", links[1]), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(
        header(&headers, "content-type"),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(
        header(&headers, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(body.len() > 100_000, "the GraphiQL bundle");
    let etag = header(&headers, "etag").to_string();
    assert_eq!(Some(etag.trim_matches('"')), links[1].split("?v=").nth(1));

    let (status, headers, _) = get(&format!("{base}/assets/graphiql.js"), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(
        header(&headers, "cache-control"),
        "no-cache",
        "an unversioned link revalidates"
    );
    let (status, _, body) = get(
        &format!("{base}/assets/graphiql.js"),
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!((status, body.as_str()), (304, ""));
    let (status, headers, _) = get(&format!("{base}/assets/graphiql.css"), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), "text/css; charset=utf-8");
    assert_eq!(get(&format!("{base}/assets/nothing.js"), &[]).await.0, 404);
}

#[tokio::test]
async fn the_dashboard_is_served_only_where_it_is_mounted_and_only_talks_to_the_gateway() {
    let without = serve(false).await;
    assert_eq!(get(&format!("{without}/dashboard"), &[]).await.0, 404);

    let base = serve(true).await;
    let (status, headers, html) = get(&format!("{base}/dashboard"), &[]).await;
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").starts_with("text/html"));
    assert_eq!(header(&headers, "cache-control"), "no-cache");
    assert!(
        header(&headers, "content-security-policy").starts_with("default-src 'self';"),
        "{headers:?}"
    );
    let links = asset_links(&html);
    assert_eq!(links.len(), 2, "{html}");
    for link in links {
        let (status, headers, _) = get(&format!("{base}{link}"), &[]).await;
        assert_eq!(status, 200, "{link}");
        let expected = if link.contains(".css") {
            "text/css"
        } else {
            "text/javascript"
        };
        assert!(
            header(&headers, "content-type").starts_with(expected),
            "{link}"
        );
    }
}
