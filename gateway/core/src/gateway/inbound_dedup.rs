//! Inbound deduplication: identical client queries in flight at the same moment run once and
//! share the response. Identical means the same document, operation, variables and
//! extensions, the same headers reaching subgraphs and the same caller (authentication and
//! scopes), so no answer crosses from one caller's scope to another's. Opt-in.

use super::GraphqlResponse;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use tokio::sync::oneshot;

/// Requests being answered, by key, with the callers waiting for the same answer.
#[derive(Default)]
pub(super) struct InFlight {
    waiting: Mutex<HashMap<u64, Vec<oneshot::Sender<GraphqlResponse>>>>,
}

impl InFlight {
    /// Runs `execute` unless an identical request is already running, in which case its
    /// response is awaited instead. Should that request be cancelled, this one runs itself.
    pub(super) async fn run<F>(&self, key: u64, execute: F) -> GraphqlResponse
    where
        F: Future<Output = GraphqlResponse>,
    {
        let receiver = {
            let mut waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
            match waiting.get_mut(&key) {
                Some(followers) => {
                    let (sender, receiver) = oneshot::channel();
                    followers.push(sender);
                    Some(receiver)
                }
                None => {
                    waiting.insert(key, Vec::new());
                    None
                }
            }
        };
        if let Some(receiver) = receiver {
            return match receiver.await {
                Ok(response) => response,
                Err(_) => execute.await,
            };
        }
        let leader = Leader {
            in_flight: self,
            key,
        };
        let response = execute.await;
        for follower in leader.finish() {
            let _ = follower.send(response.clone());
        }
        response
    }
}

/// Clears the entry of the running request, also when it is cancelled (its followers then
/// see their channel closed and run on their own).
struct Leader<'a> {
    in_flight: &'a InFlight,
    key: u64,
}

impl Leader<'_> {
    fn finish(self) -> Vec<oneshot::Sender<GraphqlResponse>> {
        let mut waiting = self
            .in_flight
            .waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        waiting.remove(&self.key).unwrap_or_default()
    }
}

impl Drop for Leader<'_> {
    fn drop(&mut self) {
        let mut waiting = self
            .in_flight
            .waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        waiting.remove(&self.key);
    }
}
