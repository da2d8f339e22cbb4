//! GraphQL over Server-Sent Events, distinct connections mode: a POST (or, for queries, a GET)
//! with `accept: text/event-stream` is answered with `event: next` per result and one
//! `event: complete`; a comment line is the heartbeat of a quiet subscription.

use super::streamed::{Frame, frames};
use crate::gateway::{Gateway, GraphqlRequest, RequestOptions};
use crate::subscription::{Registry, open};
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use std::convert::Infallible;
use std::sync::Arc;

/// Whether the client asks for an event stream.
pub(super) fn accepted(headers: &HeaderMap) -> bool {
    super::accepts(headers, "text/event-stream")
}

pub(super) async fn answer(
    gateway: Arc<Gateway>,
    request: GraphqlRequest,
    options: RequestOptions,
    registry: &Arc<Registry>,
) -> Response {
    let heartbeat = gateway.settings().subscriptions.heartbeat();
    let answer = open(gateway, request, options, registry).await;
    let events = frames(answer, heartbeat).map(|frame| {
        let text = match frame {
            Frame::Next(response) => event("next", &serde_json::to_string(&response)),
            Frame::Error(error) => {
                let errors = serde_json::json!({ "errors": [error] });
                event("next", &serde_json::to_string(&errors))
            }
            Frame::Heartbeat => ":\n\n".to_string(),
        };
        Ok::<_, Infallible>(Bytes::from(text))
    });
    let complete =
        futures::stream::once(async { Ok(Bytes::from_static(b"event: complete\ndata:\n\n")) });
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        Body::from_stream(events.chain(complete)),
    )
        .into_response()
}

fn event(name: &str, data: &Result<String, serde_json::Error>) -> String {
    match data {
        Ok(json) => format!("event: {name}\ndata: {json}\n\n"),
        Err(_) => format!(
            "event: {name}\ndata: {{\"errors\":[{{\"message\":\"the response could not be serialised\"}}]}}\n\n"
        ),
    }
}
