//! The browser assets the gateway serves from its own binary: the dashboard's and GraphiQL's
//! bundles, built by `web/build.sh` from pinned npm packages and embedded at compile time, so
//! that every page works with no outside network.
//!
//! Pages link them as `/assets/NAME?v=HASH` ([`url`]): a request carrying the current hash may
//! be cached for good; any other is revalidated by its `ETag`. Each is served in the coding the
//! client prefers, compressed once ([`super::precompressed`]), with an `ETag` per coding.

use super::compression::CompressionSettings;
use super::precompressed::{self, Encoded};
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "dashboard.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../assets/dashboard.js"),
    },
    Asset {
        name: "dashboard.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../../assets/dashboard.css"),
    },
    Asset {
        name: "graphiql.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../assets/graphiql.js"),
    },
    Asset {
        name: "graphiql.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../../assets/graphiql.css"),
    },
];

/// The first 16 hex digits of each asset's SHA-256, in `ASSETS` order, computed once.
fn versions() -> &'static [String] {
    static VERSIONS: OnceLock<Vec<String>> = OnceLock::new();
    VERSIONS.get_or_init(|| {
        ASSETS
            .iter()
            .map(|asset| {
                Sha256::digest(asset.body)
                    .iter()
                    .take(8)
                    .map(|b| format!("{b:02x}"))
                    .collect()
            })
            .collect()
    })
}

fn find(name: &str) -> Option<(&'static Asset, &'static str)> {
    find_indexed(name).map(|(_, asset, version)| (asset, version))
}

fn find_indexed(name: &str) -> Option<(usize, &'static Asset, &'static str)> {
    let index = ASSETS.iter().position(|asset| asset.name == name)?;
    Some((index, &ASSETS[index], versions()[index].as_str()))
}

/// The URL a page links an asset by; `name` is one of the embedded files.
pub(super) fn url(name: &str) -> String {
    match find(name) {
        Some((_, version)) => format!("/assets/{name}?v={version}"),
        None => format!("/assets/{name}"),
    }
}

/// Compressed copies of [`ASSETS`], by index.
static ENCODED: Encoded<{ ASSETS.len() }> = Encoded::new();

/// `GET /assets/{name}`, compressed as `compression` allows (an optimised build starts
/// compressing every asset in the background here).
pub(super) fn routes<S: Clone + Send + Sync + 'static>(
    compression: &CompressionSettings,
) -> Router<S> {
    // A debug build's fast levels cost little on first use: no thread for them.
    if !cfg!(debug_assertions) {
        ENCODED.warm(ASSETS.iter().map(|asset| asset.body).collect(), compression);
    }
    let compression = std::sync::Arc::new(compression.clone());
    Router::new().route(
        "/assets/{name}",
        get(
            move |name: Path<String>, query: Query<Version>, headers: HeaderMap| {
                serve(name, query, headers, compression)
            },
        ),
    )
}

#[derive(Deserialize)]
struct Version {
    v: Option<String>,
}

async fn serve(
    Path(name): Path<String>,
    Query(query): Query<Version>,
    headers: HeaderMap,
    compression: std::sync::Arc<CompressionSettings>,
) -> Response {
    let Some((index, asset, version)) = find_indexed(&name) else {
        return (StatusCode::NOT_FOUND, "no such asset").into_response();
    };
    let accepted = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let encoded = match precompressed::choose(accepted, &compression) {
        Some(algorithm) => ENCODED
            .get(index, asset.body, algorithm)
            .await
            .map(|bytes| (algorithm, bytes)),
        None => None,
    };
    let (etag, body) = match encoded {
        Some((algorithm, bytes)) => (format!("\"{version}-{algorithm}\""), bytes),
        None => (format!("\"{version}\""), asset.body),
    };
    // A link with the current hash names these exact bytes: cache them for good.
    let cache = if query.v.as_deref() == Some(version) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, asset.content_type)], body).into_response()
    };
    let headers = response.headers_mut();
    if let Some((algorithm, _)) = encoded
        && let Ok(value) = HeaderValue::from_str(&algorithm.to_string())
    {
        headers.insert(header::CONTENT_ENCODING, value);
    }
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::CompressionAlgorithm as Algorithm;

    /// Sizes and one-time costs of each asset at the codecs' fast and best levels. Printed,
    /// never asserted (a time depends on the machine):
    /// `cargo test -p quntuan-gateway --lib asset_compression_levels -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, printed"]
    fn asset_compression_levels() {
        for asset in ASSETS {
            for (algorithm, levels) in [
                (Algorithm::Gzip, [1, 6, 9]),
                (Algorithm::Br, [4, 9, 11]),
                (Algorithm::Zstd, [3, 12, 19]),
            ] {
                for level in levels {
                    let started = std::time::Instant::now();
                    let packed = crate::codec::compress_at(algorithm, asset.body, level)
                        .expect("compresses");
                    println!(
                        "{} ({} B): {algorithm} {level}: {} B in {:?}",
                        asset.name,
                        asset.body.len(),
                        packed.len(),
                        started.elapsed()
                    );
                }
            }
        }
    }
}
