//! Deduplication of identical in-flight subgraph requests: when many client requests need the
//! same subgraph query with the same variables at the same moment, one HTTP request serves them
//! all. Only queries are shared; mutations always go out on their own. The headers of the
//! shared answer reach every requester's collector ([`AnswerHeaders`]).

use super::transport::{AnswerHeaders, SubgraphRequest, SubgraphTransport, TransportError};
use bytes::Bytes;
use futures::future::{BoxFuture, FutureExt, Shared};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// The answer, and the headers it came with when some requester collects them.
type Answer = (Result<Bytes, TransportError>, Option<Arc<http::HeaderMap>>);
type SharedAnswer = Shared<BoxFuture<'static, Answer>>;

/// Keeps the headers of the one answer a shared request gets.
#[derive(Debug, Default)]
struct Captured(Mutex<Option<Arc<http::HeaderMap>>>);

impl AnswerHeaders for Captured {
    fn record(&self, _service: &str, headers: &http::HeaderMap) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(headers.clone()));
    }
}

/// Wraps a transport so that identical concurrent query requests share one answer.
pub struct DedupTransport {
    inner: Arc<dyn SubgraphTransport>,
    in_flight: Arc<Mutex<HashMap<u64, SharedAnswer>>>,
}

impl DedupTransport {
    pub fn new(inner: Arc<dyn SubgraphTransport>) -> Self {
        Self {
            inner,
            in_flight: Arc::new(Mutex::new(HashMap::new())),
        }
    }
}

fn key_of(request: &SubgraphRequest) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    request.url.hash(&mut hasher);
    request.body.hash(&mut hasher);
    for (name, value) in &request.headers {
        name.as_str().hash(&mut hasher);
        value.as_bytes().hash(&mut hasher);
    }
    hasher.finish()
}

impl SubgraphTransport for DedupTransport {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        if !request.deduplicate {
            return self.inner.send(request);
        }
        let key = key_of(&request);
        let service = request.service_name.clone();
        let sink = request.response_headers.clone();
        let answer = {
            let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
            match in_flight.get(&key) {
                Some(answer) => {
                    crate::telemetry::metrics::record_deduplicated_fetch(&request.service_name);
                    answer.clone()
                }
                None => {
                    let inner = self.inner.clone();
                    let entries = self.in_flight.clone();
                    let mut request = request;
                    // Captured whether or not this requester collects: a later one may.
                    let captured = Arc::new(Captured::default());
                    request.response_headers = Some(captured.clone());
                    let answer = async move {
                        let result = inner.send(request).await;
                        let headers = captured.0.lock().unwrap_or_else(|e| e.into_inner()).take();
                        // The answer clears its own entry, whoever drives it to the end: when
                        // the first requester went away (its client disconnected), a follower
                        // finishes it, and a finished answer left behind would be handed to
                        // every later identical request, however old (a timeout error it
                        // met after waiting unpolled, in the run that found this).
                        entries
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .remove(&key);
                        (result, headers)
                    }
                    .boxed()
                    .shared();
                    in_flight.insert(key, answer.clone());
                    answer
                }
            }
        };
        Box::pin(async move {
            let (result, headers) = answer.await;
            if let (Some(sink), Some(headers)) = (&sink, &headers) {
                sink.record(&service, headers);
            }
            result
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    struct Slow(AtomicUsize);

    impl SubgraphTransport for Slow {
        fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Box::pin(async move {
                tokio::time::sleep(Duration::from_millis(20)).await;
                Ok(request.body)
            })
        }
    }

    fn request(body: &'static str, deduplicate: bool) -> SubgraphRequest {
        SubgraphRequest {
            service_name: "s".into(),
            url: "http://s".into(),
            body: Bytes::from_static(body.as_bytes()),
            headers: Vec::new(),
            deduplicate,
            traceparent: None,
            response_headers: None,
        }
    }

    #[tokio::test]
    async fn identical_concurrent_queries_share_one_request() {
        let inner = Arc::new(Slow(AtomicUsize::new(0)));
        let dedup = DedupTransport::new(inner.clone());
        let answers =
            futures::future::join_all((0..5).map(|_| dedup.send(request("{a}", true)))).await;
        assert!(
            answers
                .iter()
                .all(|a| a.as_ref().ok() == Some(&Bytes::from_static(b"{a}")))
        );
        assert_eq!(inner.0.load(Ordering::SeqCst), 1);
        dedup.send(request("{a}", true)).await.expect("answer");
        assert_eq!(
            inner.0.load(Ordering::SeqCst),
            2,
            "a finished request is not reused"
        );
    }

    #[tokio::test]
    async fn an_answer_whose_first_requester_went_away_is_not_reused() {
        let inner = Arc::new(Slow(AtomicUsize::new(0)));
        let dedup = DedupTransport::new(inner.clone());
        let first = dedup.send(request("{a}", true));
        let second = dedup.send(request("{a}", true));
        drop(first);
        second
            .await
            .expect("the follower finishes the shared request");
        assert_eq!(inner.0.load(Ordering::SeqCst), 1);
        dedup.send(request("{a}", true)).await.expect("answer");
        assert_eq!(
            inner.0.load(Ordering::SeqCst),
            2,
            "a later request fetches afresh instead of reusing the finished answer"
        );
    }

    #[tokio::test]
    async fn mutations_and_different_bodies_are_never_shared() {
        let inner = Arc::new(Slow(AtomicUsize::new(0)));
        let dedup = DedupTransport::new(inner.clone());
        futures::future::join_all([
            dedup.send(request("{a}", false)),
            dedup.send(request("{a}", false)),
            dedup.send(request("{b}", true)),
        ])
        .await;
        assert_eq!(inner.0.load(Ordering::SeqCst), 3);
    }
}
