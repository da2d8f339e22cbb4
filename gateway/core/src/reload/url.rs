//! A supergraph served over HTTP or HTTPS (a schema registry, an object store), polled with
//! `If-None-Match`: an unchanged supergraph costs a `304 Not Modified` and no parsing.

use super::SupergraphSource;
use crate::tls::Connector;
use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::time::Duration;

/// How long one poll may take.
const POLL_TIMEOUT: Duration = Duration::from_secs(10);

pub struct UrlSource {
    url: String,
    client: Client<Connector, Empty<Bytes>>,
    etag: Option<http::HeaderValue>,
    /// The previous poll's failure, reported once.
    last_error: Option<String>,
}

impl UrlSource {
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            client: Client::builder(TokioExecutor::new())
                .build(crate::tls::connector(HttpConnector::new())),
            etag: None,
            last_error: None,
        }
    }

    async fn fetch(&mut self) -> Result<Option<String>, String> {
        let mut request = http::Request::get(self.url.as_str());
        if let Some(etag) = &self.etag {
            request = request.header(http::header::IF_NONE_MATCH, etag.clone());
        }
        let request = request
            .body(Empty::new())
            .map_err(|e| format!("invalid URL: {e}"))?;
        let response = tokio::time::timeout(POLL_TIMEOUT, self.client.request(request))
            .await
            .map_err(|_| format!("no answer within {POLL_TIMEOUT:?}"))?
            .map_err(|e| format!("cannot reach it: {e}"))?;
        let status = response.status();
        if status == http::StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        if !status.is_success() {
            return Err(format!("it answered HTTP {status}"));
        }
        let etag = response.headers().get(http::header::ETAG).cloned();
        let body = tokio::time::timeout(POLL_TIMEOUT, response.into_body().collect())
            .await
            .map_err(|_| format!("its body did not arrive within {POLL_TIMEOUT:?}"))?
            .map_err(|e| format!("its body was cut short: {e}"))?
            .to_bytes();
        let sdl = String::from_utf8(body.to_vec()).map_err(|_| "its body is not UTF-8")?;
        self.etag = etag;
        Ok(Some(sdl))
    }
}

impl SupergraphSource for UrlSource {
    fn describe(&self) -> String {
        self.url.clone()
    }

    async fn poll(&mut self) -> Result<Option<String>, String> {
        match self.fetch().await {
            Ok(sdl) => {
                self.last_error = None;
                Ok(sdl)
            }
            Err(error) if self.last_error.as_ref() == Some(&error) => Ok(None),
            Err(error) => {
                self.last_error = Some(error.clone());
                Err(error)
            }
        }
    }
}
