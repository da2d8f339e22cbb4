//! The HTTP client that fetches a JSON Web Key Set.

use crate::tls::Connector;
use bytes::Bytes;
use http_body_util::Empty;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::sync::OnceLock;

/// `http://` or `https://`, trusting what [`crate::tls::configure`] set before the first fetch.
pub(super) fn client() -> &'static Client<Connector, Empty<Bytes>> {
    static CLIENT: OnceLock<Client<Connector, Empty<Bytes>>> = OnceLock::new();
    CLIENT.get_or_init(|| {
        Client::builder(TokioExecutor::new()).build(crate::tls::connector(HttpConnector::new()))
    })
}
