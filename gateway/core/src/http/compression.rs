//! HTTP compression, both ways.
//!
//! Responses are compressed with gzip, brotli or zstd as the client's `accept-encoding` asks,
//! but only when it pays: a body of at least `min_bytes` and a text type that shrinks (JSON,
//! JS, CSS, HTML). `multipart/mixed` (`@defer`) is never compressed: an encoder holds bytes back
//! until it has enough to emit, which would stall the parts a client is waiting for.
//!
//! Request bodies sent with `content-encoding: gzip|br|zstd` are decompressed as they are read.
//! The body limit (`max_body_bytes`) applies to the decompressed bytes, so a small body that
//! inflates past it (a "zip bomb") is cut off at the limit and refused with 413.

use axum::Router;
use axum::body::HttpBody;
use axum::http::{Response, header};
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;
use tower_http::compression::{CompressionLayer, Predicate};
use tower_http::decompression::RequestDecompressionLayer;

/// Media types worth compressing (compared with the `content-type` before any `;`).
const COMPRESSIBLE_TYPES: &[&str] = &[
    "application/json",
    "application/graphql-response+json",
    "text/javascript",
    "application/javascript",
    "text/css",
    "text/html",
    "text/plain",
];

/// A compression algorithm, as named in `accept-encoding` / `content-encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    Gzip,
    #[serde(alias = "brotli")]
    Br,
    Zstd,
}

impl FromStr for Algorithm {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "gzip" => Ok(Self::Gzip),
            "br" | "brotli" => Ok(Self::Br),
            "zstd" => Ok(Self::Zstd),
            other => Err(format!(
                "`{other}` is not a compression algorithm: use gzip, br or zstd"
            )),
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Gzip => "gzip",
            Self::Br => "br",
            Self::Zstd => "zstd",
        })
    }
}

/// Compression settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompressionSettings {
    /// Compress responses and accept compressed request bodies (default: on).
    pub enabled: bool,
    /// Smallest response body compressed, in bytes (default 1024): below it the saving is a
    /// few bytes and costs a round of encoder set-up.
    pub min_bytes: u64,
    /// Algorithms offered and accepted (default: gzip, br, zstd).
    pub algorithms: Vec<Algorithm>,
}

impl Default for CompressionSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            min_bytes: 1024,
            algorithms: vec![Algorithm::Gzip, Algorithm::Br, Algorithm::Zstd],
        }
    }
}

impl CompressionSettings {
    fn allows(&self, algorithm: Algorithm) -> bool {
        self.enabled && self.algorithms.contains(&algorithm)
    }
}

/// Wraps every route of `router` in response compression and request decompression.
pub(super) fn apply<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    settings: &CompressionSettings,
) -> Router<S> {
    if !settings.enabled || settings.algorithms.is_empty() {
        return router;
    }
    let compression = CompressionLayer::new()
        .gzip(settings.allows(Algorithm::Gzip))
        .br(settings.allows(Algorithm::Br))
        .zstd(settings.allows(Algorithm::Zstd))
        .compress_when(WorthCompressing {
            min_bytes: settings.min_bytes,
        });
    // An encoding not allowed here is answered 415 Unsupported Media Type.
    let decompression = RequestDecompressionLayer::new()
        .gzip(settings.allows(Algorithm::Gzip))
        .br(settings.allows(Algorithm::Br))
        .zstd(settings.allows(Algorithm::Zstd));
    router.layer(decompression).layer(compression)
}

/// A response of a compressible type whose body is at least `min_bytes` (or of unknown size).
#[derive(Debug, Clone, Copy)]
struct WorthCompressing {
    min_bytes: u64,
}

impl Predicate for WorthCompressing {
    fn should_compress<B: HttpBody>(&self, response: &Response<B>) -> bool {
        let compressible = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|text| text.split(';').next().unwrap_or("").trim())
            .is_some_and(|essence| {
                COMPRESSIBLE_TYPES
                    .iter()
                    .any(|kind| essence.eq_ignore_ascii_case(kind))
            });
        let large_enough = response
            .body()
            .size_hint()
            .exact()
            .is_none_or(|size| size >= self.min_bytes);
        compressible && large_enough
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_parse_and_refuse_unknown_algorithms() {
        let parsed: CompressionSettings =
            serde_json::from_str(r#"{"min_bytes": 10, "algorithms": ["brotli", "zstd"]}"#)
                .expect("settings parse");
        assert_eq!(
            parsed,
            CompressionSettings {
                enabled: true,
                min_bytes: 10,
                algorithms: vec![Algorithm::Br, Algorithm::Zstd],
            }
        );
        let error = serde_json::from_str::<CompressionSettings>(r#"{"algorithms": ["lzma"]}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("unknown variant `lzma`"), "{error}");
        assert_eq!("Brotli".parse::<Algorithm>(), Ok(Algorithm::Br));
        assert_eq!(
            "lzma".parse::<Algorithm>(),
            Err("`lzma` is not a compression algorithm: use gzip, br or zstd".to_string())
        );
    }
}
