//! What the HTTP streaming protocols (SSE, multipart subscriptions) send, in order: each
//! response or the error that ends a subscription, with heartbeats while a subscription is
//! quiet. Each protocol only formats these frames.

use crate::error::GraphqlError;
use crate::gateway::GraphqlResponse;
use crate::subscription::{Answer, Event, EventStream};
use futures::Stream;
use std::time::Duration;

pub(super) enum Frame {
    Next(GraphqlResponse),
    /// The subscription failed and ends.
    Error(GraphqlError),
    Heartbeat,
}

enum State {
    Single(GraphqlResponse),
    Stream(EventStream),
    Done,
}

/// The frames of `answer`: one for a single response; a subscription's events with a
/// heartbeat after every `heartbeat` without one.
pub(super) fn frames(answer: Answer, heartbeat: Duration) -> impl Stream<Item = Frame> + Send {
    let state = match answer {
        Answer::Single(response) => State::Single(response),
        Answer::Stream(events) => State::Stream(events),
    };
    futures::stream::unfold(state, move |state| async move {
        match state {
            State::Single(response) => Some((Frame::Next(response), State::Done)),
            State::Stream(mut events) => {
                let event = tokio::select! {
                    event = events.next() => event,
                    () = tokio::time::sleep(heartbeat) => {
                        return Some((Frame::Heartbeat, State::Stream(events)));
                    }
                };
                match event {
                    Some(Event::Next(response)) => {
                        Some((Frame::Next(response), State::Stream(events)))
                    }
                    Some(Event::Error(error)) => Some((Frame::Error(error), State::Done)),
                    None => None,
                }
            }
            State::Done => None,
        }
    })
}
