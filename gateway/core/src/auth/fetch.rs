//! The HTTP client that fetches a JSON Web Key Set.

use bytes::Bytes;
use http_body_util::Empty;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::sync::OnceLock;

/// Plain HTTP: the gateway has no TLS client yet, so an `https://` key set is refused at start
/// with a message that says to use `jwks_file` or a local HTTP mirror.
pub(super) fn client() -> &'static Client<HttpConnector, Empty<Bytes>> {
    static CLIENT: OnceLock<Client<HttpConnector, Empty<Bytes>>> = OnceLock::new();
    CLIENT.get_or_init(|| Client::builder(TokioExecutor::new()).build_http())
}
