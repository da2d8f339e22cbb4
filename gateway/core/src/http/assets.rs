//! The browser assets the gateway serves from its own binary: the dashboard's and GraphiQL's
//! bundles, built by `web/build.sh` from pinned npm packages and embedded at compile time, so
//! that every page works with no outside network.
//!
//! Pages link them as `/assets/NAME?v=HASH` ([`url`]): a request carrying the current hash may
//! be cached for good; any other is revalidated by its `ETag`. Each is served in the coding the
//! client prefers ([`super::precompressed::choose`]), with an `ETag` per coding.
//!
//! The compressed copies are made when the bundles are built (`web/build.sh`), at the codecs'
//! best levels, and embedded beside them; the test `encoded_copies_are_the_assets` checks that
//! each decodes to its bundle. Compressing them in the process instead cost every start about
//! 5 s of CPU (brotli 11 of `graphiql.js`) and raised the gateway's peak memory under
//! `bench/run.sh` from 78–85 to 146 MiB for brotli's and zstd's working tables.

use super::compression::Algorithm;
use super::compression::CompressionSettings;
use super::precompressed;
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
    /// `body` in brotli, zstd and gzip, at [`encoded_slot`].
    encoded: [&'static [u8]; 3],
}

impl Asset {
    fn encoded(&self, algorithm: Algorithm) -> &'static [u8] {
        self.encoded[encoded_slot(algorithm)]
    }
}

/// Where `algorithm`'s copy sits in [`Asset::encoded`] and its file's extension.
const fn encoded_slot(algorithm: Algorithm) -> usize {
    match algorithm {
        Algorithm::Br => 0,
        Algorithm::Zstd => 1,
        Algorithm::Gzip => 2,
    }
}

/// An embedded bundle of `gateway/core/assets` and its copies in `assets/encoded`.
macro_rules! asset {
    ($name:literal, $content_type:literal) => {
        Asset {
            name: $name,
            content_type: $content_type,
            body: include_bytes!(concat!("../../assets/", $name)),
            encoded: [
                include_bytes!(concat!("../../assets/encoded/", $name, ".br")),
                include_bytes!(concat!("../../assets/encoded/", $name, ".zst")),
                include_bytes!(concat!("../../assets/encoded/", $name, ".gz")),
            ],
        }
    };
}

const ASSETS: &[Asset] = &[
    asset!("dashboard.js", "text/javascript; charset=utf-8"),
    asset!("dashboard.css", "text/css; charset=utf-8"),
    asset!("graphiql.js", "text/javascript; charset=utf-8"),
    asset!("graphiql.css", "text/css; charset=utf-8"),
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
    let index = ASSETS.iter().position(|asset| asset.name == name)?;
    Some((&ASSETS[index], versions()[index].as_str()))
}

/// The URL a page links an asset by; `name` is one of the embedded files.
pub(super) fn url(name: &str) -> String {
    match find(name) {
        Some((_, version)) => format!("/assets/{name}?v={version}"),
        None => format!("/assets/{name}"),
    }
}

/// `GET /assets/{name}`, in the coding `compression` allows and the client prefers.
pub(super) fn routes<S: Clone + Send + Sync + 'static>(
    compression: &CompressionSettings,
) -> Router<S> {
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
    let Some((asset, version)) = find(&name) else {
        return (StatusCode::NOT_FOUND, "no such asset").into_response();
    };
    let accepted = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let encoded = precompressed::choose(accepted, &compression)
        .map(|algorithm| (algorithm, asset.encoded(algorithm)));
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

/// The level each copy is made at: the codecs' best, since it is paid once per build of the
/// bundles (`dashboard.js`: 155,192 / 161,956 / 181,660 bytes, against 183,826 / 187,340 /
/// 229,579 at the fast levels subgraph bodies use).
#[cfg(test)]
const fn best_level(algorithm: Algorithm) -> u32 {
    match algorithm {
        Algorithm::Br => 11,
        Algorithm::Zstd => 19,
        Algorithm::Gzip => 9,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALGORITHMS: [Algorithm; 3] = [Algorithm::Br, Algorithm::Zstd, Algorithm::Gzip];

    fn encoded_path(asset: &Asset, algorithm: Algorithm) -> std::path::PathBuf {
        let extension = ["br", "zst", "gz"][encoded_slot(algorithm)];
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/encoded")
            .join(format!("{}.{extension}", asset.name))
    }

    /// Every embedded copy decodes to the bundle it sits beside, so a bundle rebuilt without
    /// its copies fails here rather than serving stale code compressed. With
    /// `QUNTUAN_ENCODE_ASSETS=1` it writes the copies instead (what `web/build.sh` runs; the
    /// next build embeds them).
    #[test]
    fn encoded_copies_are_the_assets() {
        if std::env::var_os("QUNTUAN_ENCODE_ASSETS").is_some() {
            for asset in ASSETS {
                for algorithm in ALGORITHMS {
                    let packed =
                        crate::codec::compress_at(algorithm, asset.body, best_level(algorithm))
                            .expect("compresses");
                    let path = encoded_path(asset, algorithm);
                    std::fs::write(&path, &packed).expect("writes the copy");
                    println!("{}: {} B", path.display(), packed.len());
                }
            }
            return;
        }
        for asset in ASSETS {
            for algorithm in ALGORITHMS {
                let decoded = crate::codec::decode(
                    &algorithm.to_string(),
                    asset.encoded(algorithm),
                    asset.body.len() as u64,
                );
                assert!(
                    decoded.as_deref() == Ok(asset.body),
                    "{} is not {} in {algorithm} ({}): rebuild the copies with web/build.sh, or \
                     QUNTUAN_ENCODE_ASSETS=1 cargo test -p quntuan-gateway --lib \
                     encoded_copies_are_the_assets",
                    encoded_path(asset, algorithm).display(),
                    asset.name,
                    decoded.err().unwrap_or_else(|| "other bytes".into()),
                );
            }
        }
    }

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
