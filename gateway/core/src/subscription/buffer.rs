//! The events of one subscription waiting for its client: bounded, dropping the oldest when a
//! client reads slower than events arrive (a dashboard wants the latest state, not a backlog),
//! each drop counted. The error that ends a subscription is kept apart and never dropped.

use crate::error::GraphqlError;
use crate::gateway::GraphqlResponse;
use std::collections::VecDeque;
use std::sync::Mutex;
use tokio::sync::Notify;

/// What a subscription delivers to its client.
#[derive(Debug)]
pub enum Event {
    /// One event's response, shaped and authorized as a query's.
    Next(GraphqlResponse),
    /// The subscription failed (its subgraph closed it, for one) and ends here.
    Error(GraphqlError),
}

pub(crate) struct Buffer {
    state: Mutex<State>,
    changed: Notify,
    capacity: usize,
}

struct State {
    queue: VecDeque<GraphqlResponse>,
    /// No more events: the stream ends once the queue is drained (after `ending`, if any).
    closed: bool,
    ending: Option<GraphqlError>,
}

impl Buffer {
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                closed: false,
                ending: None,
            }),
            changed: Notify::new(),
            capacity: capacity.max(1),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues an event; returns whether the oldest one was dropped to make room.
    pub(crate) fn push(&self, response: GraphqlResponse) -> bool {
        let dropped = {
            let mut state = self.state();
            let dropped = state.queue.len() >= self.capacity && state.queue.pop_front().is_some();
            state.queue.push_back(response);
            dropped
        };
        self.changed.notify_one();
        dropped
    }

    /// No more events; `ending` is delivered after those queued.
    pub(crate) fn close(&self, ending: Option<GraphqlError>) {
        {
            let mut state = self.state();
            state.closed = true;
            state.ending = state.ending.take().or(ending);
        }
        self.changed.notify_one();
    }

    /// The next event, or `None` once the subscription has ended and everything was read.
    pub(crate) async fn next(&self) -> Option<Event> {
        loop {
            let notified = self.changed.notified();
            {
                let mut state = self.state();
                if let Some(response) = state.queue.pop_front() {
                    return Some(Event::Next(response));
                }
                if state.closed {
                    return state.ending.take().map(Event::Error);
                }
            }
            notified.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn response(n: u32) -> GraphqlResponse {
        GraphqlResponse {
            extensions: [("n".to_string(), n.into())].into_iter().collect(),
            ..GraphqlResponse::default()
        }
    }

    fn n(event: Option<Event>) -> Option<String> {
        match event? {
            Event::Next(r) => Some(r.extensions["n"].to_string()),
            Event::Error(e) => Some(e.message),
        }
    }

    #[tokio::test]
    async fn a_full_buffer_drops_the_oldest_and_keeps_the_ending() {
        let buffer = Buffer::new(2);
        assert!(!buffer.push(response(1)));
        assert!(!buffer.push(response(2)));
        assert!(buffer.push(response(3)));
        buffer.close(Some(GraphqlError::new(
            "gone",
            ErrorCode::SubgraphSubscriptionFailed,
        )));
        assert_eq!(n(buffer.next().await).as_deref(), Some("2"));
        assert_eq!(n(buffer.next().await).as_deref(), Some("3"));
        assert_eq!(n(buffer.next().await).as_deref(), Some("gone"));
        assert_eq!(n(buffer.next().await), None);
    }
}
