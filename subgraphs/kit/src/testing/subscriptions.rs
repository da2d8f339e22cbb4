//! Subscriptions under test: open one, read its events one at a time, and see that
//! nothing more came.

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

/// [`subscribe`] with the variables `{"region": REGION}`: the organisations' subscriptions
/// take an optional `$region` to filter on.
pub fn subscribe_in_region<E: Executor>(
    schema: &E,
    query: &str,
    caller: Caller,
    region: Option<&str>,
) -> impl Stream<Item = async_graphql::Response> + Unpin {
    subscribe(
        schema,
        query,
        serde_json::json!({ "region": region }),
        caller,
    )
}

/// Asserts no event is waiting once the writes so far have run: nothing for a refused
/// write. The stream is polled between yields to the runtime, so an event published by
/// another task, and resolved over several polls, shows up (no timeout: not timed).
pub async fn assert_no_event(events: &mut (impl Stream<Item = async_graphql::Response> + Unpin)) {
    for _ in 0..16 {
        tokio::task::yield_now().await;
        if let Some(event) = events.next().now_or_never() {
            let event = serde_json::to_value(event).unwrap_or_default();
            panic!("an event came where none should: {event}");
        }
    }
}

/// The first answer of subscription `query` opened with `variables` as `caller`, as
/// JSON: for a subscription refused when it is opened (one answer, an error).
pub async fn first_answer<E: Executor>(
    schema: &E,
    query: &str,
    variables: Value,
    caller: Caller,
) -> Value {
    let request = Request::new(query)
        .variables(Variables::from_json(variables))
        .data(caller);
    let mut answers = Box::pin(schema.execute_stream(request, None));
    next_event(&mut answers).await
}

/// Runs the write `query` as `caller`, which must be refused with `code` (the first
/// error's `extensions.code`): beside [`assert_no_event`], a write refused inside its
/// transaction publishes nothing.
pub async fn assert_write_refused<E: Executor>(
    schema: &E,
    caller: Caller,
    query: &str,
    variables: Value,
    code: &str,
) {
    let response = super::execute(schema, caller, query, variables).await;
    assert_eq!(
        response.pointer("/errors/0/extensions/code"),
        Some(&Value::from(code)),
        "{response}"
    );
}

/// Runs the write `query` as `caller`, which must answer without errors; its `data`.
pub async fn committed<E: Executor>(
    schema: &E,
    caller: Caller,
    query: &str,
    variables: Value,
) -> Value {
    let response = super::execute(schema, caller, query, variables).await;
    assert!(response.get("errors").is_none(), "{response}");
    response["data"].clone()
}

/// Asserts that the subscription `query` (with a `$region` variable) opened for region
/// `code` as `caller` is refused on its root field: `BAD_USER_INPUT`, the code is not a
/// region of the tree.
pub async fn assert_unknown_region_refused<E: Executor>(
    schema: &E,
    query: &str,
    caller: Caller,
    code: &str,
) {
    let answer = first_answer(schema, query, serde_json::json!({ "region": code }), caller).await;
    let message = format!("`regionCode` `{code}` is not a region code of the tree");
    assert_eq!(
        answer,
        super::refusal_response(query, "BAD_USER_INPUT", &message)
    );
}
