//! Apollo's multipart HTTP subscriptions: a POST with
//! `accept: multipart/mixed;subscriptionSpec="1.0"` is answered with one part per result,
//! `{"payload": <result>}`, a `{}` part as the heartbeat of a quiet subscription, and a
//! subscription that fails ending with `{"payload": null, "errors": [...]}`.

use super::streamed::{Frame, frames};
use crate::gateway::{Gateway, GraphqlRequest, RequestOptions};
use crate::subscription::{Registry, open};
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use std::convert::Infallible;
use std::sync::Arc;

const CONTENT_TYPE: &str = "multipart/mixed;boundary=\"graphql\";subscriptionSpec=\"1.0\"";
const PART_HEADER: &str = "\r\n--graphql\r\ncontent-type: application/json\r\n\r\n";
const CLOSE: &[u8] = b"\r\n--graphql--\r\n";

/// Whether the client accepts multipart subscriptions (rather than `@defer` parts alone).
pub(super) fn accepted(headers: &HeaderMap) -> bool {
    super::accepts(headers, "multipart/mixed") && super::accepts(headers, "subscriptionSpec")
}

pub(super) async fn answer(
    gateway: Arc<Gateway>,
    request: GraphqlRequest,
    options: RequestOptions,
    registry: &Arc<Registry>,
) -> Response {
    let heartbeat = gateway.settings().subscriptions.heartbeat();
    let answer = open(gateway, request, options, registry).await;
    let parts = frames(answer, heartbeat).map(|frame| {
        let json = match frame {
            Frame::Next(response) => serde_json::to_string(&serde_json::json!({
                "payload": response,
            })),
            Frame::Error(error) => serde_json::to_string(&serde_json::json!({
                "payload": null,
                "errors": [error],
            })),
            Frame::Heartbeat => Ok("{}".to_string()),
        }
        .unwrap_or_else(|_| {
            r#"{"payload":null,"errors":[{"message":"the response could not be serialised"}]}"#
                .to_string()
        });
        Ok::<_, Infallible>(Bytes::from(format!("{PART_HEADER}{json}")))
    });
    let close = futures::stream::once(async { Ok(Bytes::from_static(CLOSE)) });
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        Body::from_stream(parts.chain(close)),
    )
        .into_response()
}
