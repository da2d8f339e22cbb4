//! Deduplication of identical in-flight subgraph requests: when many client requests need the
//! same subgraph query with the same variables at the same moment, one HTTP request serves them
//! all. Only queries are shared; mutations always go out on their own. The headers of the
//! shared answer reach every requester's collector ([`AnswerHeaders`]).

use super::shared_parse::SharedParse;
use super::transport::{AnswerHeaders, SubgraphRequest, SubgraphTransport, TransportError};
use bytes::Bytes;
use futures::future::{BoxFuture, FutureExt, Shared};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
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
    in_flight: Arc<Mutex<InFlightMap>>,
}

type InFlightMap = HashMap<Arc<RequestKey>, InFlight>;

/// What makes two requests the same: compared whole, not by a hash of it, so that two
/// different requests (another client's headers, another body) can never share an answer.
#[derive(Debug, PartialEq, Eq, Hash)]
struct RequestKey {
    url: String,
    body: Bytes,
    headers: Vec<(http::HeaderName, http::HeaderValue)>,
}

/// A shared request and how many requesters wait for it: the entry lives exactly while someone
/// does. A requester whose client went away stops waiting too, so an answer nobody drives any
/// more is never joined later (it would come back with its timeout long past), and a finished
/// one is never handed to later identical requests.
struct InFlight {
    answer: SharedAnswer,
    waiting: usize,
    /// The one parse of the answer its requesters share.
    parse: Arc<SharedParse>,
}

impl DedupTransport {
    pub fn new(inner: Arc<dyn SubgraphTransport>) -> Self {
        Self {
            inner,
            in_flight: Arc::new(Mutex::new(HashMap::new())),
        }
    }
}

/// One requester's place in an [`InFlight`] entry, given up when it is dropped (answered or
/// cancelled); the last one to go removes the entry.
struct Waiting {
    in_flight: Arc<Mutex<InFlightMap>>,
    key: Arc<RequestKey>,
    answer: SharedAnswer,
}

impl Drop for Waiting {
    fn drop(&mut self) {
        let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = in_flight.get_mut(&self.key)
            && entry.answer.ptr_eq(&self.answer)
        {
            entry.waiting -= 1;
            if entry.waiting == 0 {
                in_flight.remove(&self.key);
            }
        }
    }
}

fn key_of(request: &SubgraphRequest) -> Arc<RequestKey> {
    Arc::new(RequestKey {
        url: request.url.clone(),
        body: request.body.clone(),
        headers: request.headers.clone(),
    })
}

impl SubgraphTransport for DedupTransport {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        if !request.deduplicate {
            return self.inner.send(request);
        }
        let key = key_of(&request);
        let service = request.service_name.clone();
        let slot = request.shared_parse.clone();
        let sink = request.response_headers.clone();
        let waiting = {
            let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
            let entry = match in_flight.entry(key.clone()) {
                Entry::Occupied(entry) => {
                    crate::telemetry::metrics::record_deduplicated_fetch(&request.service_name);
                    entry.into_mut()
                }
                Entry::Vacant(entry) => {
                    let inner = self.inner.clone();
                    let mut request = request;
                    // Captured whether or not this requester collects: a later one may.
                    let captured = Arc::new(Captured::default());
                    request.response_headers = Some(captured.clone());
                    let answer = async move {
                        let result = inner.send(request).await;
                        let headers = captured.0.lock().unwrap_or_else(|e| e.into_inner()).take();
                        (result, headers)
                    }
                    .boxed()
                    .shared();
                    entry.insert(InFlight {
                        answer,
                        waiting: 0,
                        parse: Arc::default(),
                    })
                }
            };
            entry.waiting += 1;
            if let Some(slot) = &slot {
                entry.parse.join();
                slot.set(entry.parse.clone());
            }
            Waiting {
                in_flight: self.in_flight.clone(),
                key,
                answer: entry.answer.clone(),
            }
        };
        Box::pin(async move {
            let (result, headers) = waiting.answer.clone().await;
            drop(waiting);
            if let (Some(sink), Some(headers)) = (&sink, &headers) {
                sink.record(&service, headers);
            }
            result
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared_parse::ParseSlot;
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
            shared_parse: None,
        }
    }

    /// Sends `{a}` once more, after every earlier requester ended: how many requests the
    /// subgraph has had in all.
    async fn requests_after_one_more(dedup: &DedupTransport, inner: &Slow) -> usize {
        dedup.send(request("{a}", true)).await.expect("answer");
        inner.0.load(Ordering::SeqCst)
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
        assert_eq!(
            requests_after_one_more(&dedup, &inner).await,
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
        assert_eq!(
            requests_after_one_more(&dedup, &inner).await,
            2,
            "a later request fetches afresh instead of reusing the finished answer"
        );
    }

    #[tokio::test]
    async fn a_request_every_requester_left_is_not_joined_later() {
        let inner = Arc::new(Slow(AtomicUsize::new(0)));
        let dedup = DedupTransport::new(inner.clone());
        let mut abandoned = dedup.send(request("{a}", true));
        // Started, then given up before its answer (the client went away).
        assert!(futures::poll!(&mut abandoned).is_pending());
        drop(abandoned);
        assert_eq!(
            requests_after_one_more(&dedup, &inner).await,
            2,
            "a later request fetches afresh instead of joining the abandoned one"
        );
    }

    #[tokio::test]
    async fn requesters_of_one_shared_request_share_one_parse() {
        let inner = Arc::new(Slow(AtomicUsize::new(0)));
        let dedup = DedupTransport::new(inner.clone());
        let slots: Vec<Arc<ParseSlot>> = (0..3).map(|_| Arc::default()).collect();
        let with_slot = |slot: &Arc<ParseSlot>, body| {
            let mut request = request(body, true);
            request.shared_parse = Some(slot.clone());
            request
        };
        futures::future::join_all([
            dedup.send(with_slot(&slots[0], "{a}")),
            dedup.send(with_slot(&slots[1], "{a}")),
            dedup.send(with_slot(&slots[2], "{b}")),
        ])
        .await;
        let shared: Vec<&Arc<SharedParse>> = slots
            .iter()
            .map(|slot| {
                slot.get()
                    .expect("a deduplicated request gets a shared parse")
            })
            .collect();
        assert!(Arc::ptr_eq(shared[0], shared[1]));
        assert!(
            !Arc::ptr_eq(shared[0], shared[2]),
            "another body, another parse"
        );
    }

    #[tokio::test]
    async fn requests_that_differ_only_in_a_header_are_not_shared() {
        let inner = Arc::new(Slow(AtomicUsize::new(0)));
        let dedup = DedupTransport::new(inner.clone());
        let with_token = |token: &'static str| {
            let mut request = request("{a}", true);
            request.headers.push((
                http::header::AUTHORIZATION,
                http::HeaderValue::from_static(token),
            ));
            request
        };
        futures::future::join_all([
            dedup.send(with_token("Bearer one")),
            dedup.send(with_token("Bearer two")),
            dedup.send(with_token("Bearer one")),
        ])
        .await;
        assert_eq!(inner.0.load(Ordering::SeqCst), 2);
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
