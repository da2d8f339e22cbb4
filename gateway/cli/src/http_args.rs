//! `quntuan serve`'s flags for compression and CORS; a flag left out keeps the configuration
//! file's value (or the default of `CompressionSettings` / `CorsSettings`).

use clap::Args;
use quntuan_gateway::http::{CompressionAlgorithm, HttpSettings};

#[derive(Debug, Args)]
pub(crate) struct HttpArgs {
    /// Compress responses (by `accept-encoding`) and accept compressed request bodies
    /// [default: true].
    #[arg(long, action = clap::ArgAction::Set)]
    compression: Option<bool>,
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
    /// The flags given, over the file's `http.compression` and `http.cors` keys.
    pub(crate) fn apply(&self, http: &mut HttpSettings) {
        let compression = &mut http.compression;
        if let Some(enabled) = self.compression {
            compression.enabled = enabled;
        }
        if let Some(min_bytes) = self.compression_min_bytes {
            compression.min_bytes = min_bytes;
        }
        if let Some(algorithms) = &self.compression_algorithms {
            compression.algorithms = algorithms.clone();
        }
        let cors = &mut http.cors;
        if !self.cors_allowed_origins.is_empty() {
            cors.allowed_origins = self.cors_allowed_origins.clone();
        }
        if self.cors_allow_credentials {
            cors.allow_credentials = true;
        }
        if let Some(headers) = &self.cors_allowed_headers {
            cors.allowed_headers = headers.clone();
        }
        if !self.cors_exposed_headers.is_empty() {
            cors.exposed_headers = self.cors_exposed_headers.clone();
        }
        if let Some(max_age) = self.cors_max_age_seconds {
            cors.max_age_seconds = max_age;
        }
    }
}
