//! Subscriptions under test: open one, then read its events one at a time.

use async_graphql::{Executor, Request, Variables};
use futures::{FutureExt, Stream, StreamExt};
use serde_json::Value;

use crate::auth::Caller;

/// Opens `query` as a subscription on `schema` for `caller` and polls it once, so the
/// subscription is on the bus before the test's mutations run (and nothing came before them).
pub fn subscribe<E: Executor>(
    schema: &E,
    query: &str,
    variables: Value,
    caller: Caller,
) -> impl Stream<Item = async_graphql::Response> + Unpin {
    let request = Request::new(query)
        .variables(Variables::from_json(variables))
        .data(caller);
    let mut events = Box::pin(schema.execute_stream(request, None));
    assert!(
        events.next().now_or_never().is_none(),
        "no event before any write"
    );
    events
}

/// The subscription's next event as JSON; fails the test after 5 s without one.
pub async fn next_event(
    events: &mut (impl Stream<Item = async_graphql::Response> + Unpin),
) -> Value {
    let event = tokio::time::timeout(std::time::Duration::from_secs(5), events.next())
        .await
        .expect("an event within 5 s")
        .expect("the subscription is open");
    serde_json::to_value(event).expect("a response serialises")
}
