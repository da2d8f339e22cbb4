//! `quntuan serve`'s flags for compression and CORS; a flag left out keeps the default of
//! `CompressionSettings` / `CorsSettings`.

use clap::Args;
use quntuan_gateway::http::{CompressionAlgorithm, CompressionSettings, CorsSettings};

#[derive(Debug, Args)]
pub(crate) struct HttpArgs {
    /// Compress responses (by `accept-encoding`) and accept compressed request bodies.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    compression: bool,
    /// Smallest response body compressed, in bytes [default: 1024].
    #[arg(long)]
    compression_min_bytes: Option<u64>,
    /// Compression algorithms offered and accepted, comma-separated [default: gzip,br,zstd].
    #[arg(long, value_delimiter = ',')]
    compression_algorithms: Option<Vec<CompressionAlgorithm>>,
    /// Origins allowed cross-origin, comma-separated (`https://app.example.org`), or `*`
    /// (without credentials). Default: none, CORS closed.
    #[arg(long, value_delimiter = ',')]
    cors_allowed_origins: Vec<String>,
    /// Let allowed origins send cookies and HTTP authentication.
    #[arg(long)]
    cors_allow_credentials: bool,
    /// Request headers cross-origin pages may send, comma-separated
    /// [default: content-type,authorization,apollo-require-preflight,x-quntuan-csrf,
    /// apollographql-client-name,apollographql-client-version].
    #[arg(long, value_delimiter = ',')]
    cors_allowed_headers: Option<Vec<String>>,
    /// Response headers cross-origin pages may read, comma-separated [default: none].
    #[arg(long, value_delimiter = ',')]
    cors_exposed_headers: Vec<String>,
    /// Seconds a browser may cache a preflight's answer [default: 600].
    #[arg(long)]
    cors_max_age_seconds: Option<u64>,
}

impl HttpArgs {
    pub(crate) fn compression(&self) -> CompressionSettings {
        let defaults = CompressionSettings::default();
        CompressionSettings {
            enabled: self.compression,
            min_bytes: self.compression_min_bytes.unwrap_or(defaults.min_bytes),
            algorithms: self
                .compression_algorithms
                .clone()
                .unwrap_or(defaults.algorithms),
        }
    }

    pub(crate) fn cors(&self) -> CorsSettings {
        let defaults = CorsSettings::default();
        CorsSettings {
            allowed_origins: self.cors_allowed_origins.clone(),
            allow_credentials: self.cors_allow_credentials,
            allowed_headers: self
                .cors_allowed_headers
                .clone()
                .unwrap_or(defaults.allowed_headers),
            exposed_headers: self.cors_exposed_headers.clone(),
            max_age_seconds: self
                .cors_max_age_seconds
                .unwrap_or(defaults.max_age_seconds),
        }
    }
}
