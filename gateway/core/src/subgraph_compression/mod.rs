//! Compression between the gateway and its subgraphs, per subgraph: request bodies compressed
//! (`request`), and compressed answers asked for (`accept`). An answer is decoded by its
//! `content-encoding` whatever was asked (the HTTP transport does it), so a subgraph that
//! compresses on its own still works.
//!
//! [`layer`] wraps the transport below deduplication (identical requests are compared
//! uncompressed, and compressed once) and above the resilience layers (a retry resends the
//! same compressed bytes).

pub(crate) use crate::codec::decode;

use crate::execute::{SubgraphRequest, SubgraphTransport, TransportError};
use crate::http::CompressionAlgorithm as Algorithm;
use bytes::Bytes;
use futures::future::BoxFuture;
use http::{HeaderName, HeaderValue, header};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The largest answer body accepted once decoded: a bound on what a broken or hostile
/// subgraph's small compressed body can make the gateway hold.
pub(crate) const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;

/// Compression of subgraph requests and answers: `all`, then `subgraphs.NAME` over it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SubgraphCompressionSettings {
    pub all: SubgraphCompression,
    pub subgraphs: BTreeMap<String, SubgraphCompression>,
}

/// One subgraph's compression (every key optional: a subgraph's replaces `all`'s).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SubgraphCompression {
    /// The algorithm request bodies are compressed with (none by default).
    pub request: Option<Algorithm>,
    /// Algorithms offered in `accept-encoding` for answers, in order of preference (none by
    /// default: on a data-centre link compression usually costs more CPU than it saves).
    pub accept: Option<Vec<Algorithm>>,
}

impl SubgraphCompressionSettings {
    fn is_off(&self) -> bool {
        let off = |c: &SubgraphCompression| {
            c.request.is_none() && c.accept.as_ref().is_none_or(Vec::is_empty)
        };
        off(&self.all) && self.subgraphs.values().all(off)
    }

    fn for_subgraph(&self, name: &str) -> Outgoing {
        let own = self.subgraphs.get(name);
        let request = own.and_then(|c| c.request).or(self.all.request);
        let accept = own
            .and_then(|c| c.accept.as_ref())
            .or(self.all.accept.as_ref())
            .filter(|list| !list.is_empty())
            .map(|list| {
                let names: Vec<String> = list.iter().map(ToString::to_string).collect();
                HeaderValue::from_str(&names.join(", ")).expect("algorithm names are header text")
            });
        Outgoing { request, accept }
    }
}

#[derive(Debug, Clone, Default)]
struct Outgoing {
    request: Option<Algorithm>,
    accept: Option<HeaderValue>,
}

/// `transport` with the compression `settings` ask for; `transport` itself when they ask for
/// none.
pub fn layer(
    transport: Arc<dyn SubgraphTransport>,
    settings: &SubgraphCompressionSettings,
) -> Arc<dyn SubgraphTransport> {
    if settings.is_off() {
        return transport;
    }
    Arc::new(CompressionLayer {
        inner: transport,
        settings: settings.clone(),
    })
}

struct CompressionLayer {
    inner: Arc<dyn SubgraphTransport>,
    settings: SubgraphCompressionSettings,
}

impl SubgraphTransport for CompressionLayer {
    fn send(&self, mut request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        let outgoing = self.settings.for_subgraph(&request.service_name);
        if let Some(accept) = outgoing.accept {
            request.headers.push((header::ACCEPT_ENCODING, accept));
        }
        if let Some(algorithm) = outgoing.request {
            match crate::codec::compress(algorithm, &request.body) {
                Ok(compressed) => {
                    request.body = compressed.into();
                    request.headers.push((
                        HeaderName::from_static("content-encoding"),
                        HeaderValue::from_static(match algorithm {
                            Algorithm::Gzip => "gzip",
                            Algorithm::Br => "br",
                            Algorithm::Zstd => "zstd",
                        }),
                    ));
                }
                // Compression into memory does not fail; if it ever did, send it plain.
                Err(error) => tracing::warn!(
                    subgraph = %request.service_name,
                    "request body not compressed: {error}"
                ),
            }
        }
        self.inner.send(request)
    }
}
