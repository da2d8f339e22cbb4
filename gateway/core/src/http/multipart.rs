//! Incremental answers over HTTP: `multipart/mixed; boundary="-"; deferSpec=20220824`, one
//! JSON payload a part, sent as each is ready (the format Apollo clients read for `@defer`).

use super::{ResponseMedia, respond_graphql};
use crate::gateway::{Gateway, GraphqlRequest, RequestOptions};
use axum::body::{Body, Bytes};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use std::convert::Infallible;
use std::sync::Arc;

const CONTENT_TYPE: &str = "multipart/mixed; boundary=\"-\"; deferSpec=20220824";
const PART_HEADER: &str = "\r\n---\r\ncontent-type: application/json; charset=utf-8\r\n\r\n";
const CLOSE: &[u8] = b"\r\n-----\r\n";

/// Whether the client accepts incremental answers.
pub(super) fn accepted(headers: &axum::http::HeaderMap) -> bool {
    super::accepts(headers, "multipart/mixed")
}

/// Runs the request; answers in parts when its plan defers something, else as usual.
pub(super) async fn answer(
    gateway: Arc<Gateway>,
    request: GraphqlRequest,
    mut options: RequestOptions,
    media: ResponseMedia,
) -> Response {
    let (sink, mut payloads) = tokio::sync::mpsc::unbounded_channel::<String>();
    options.incremental = Some(sink);
    let (done, finished) = tokio::sync::oneshot::channel();
    // The work runs on its own so that parts go out while later ones are fetched; the sink
    // closes when it ends. Its spans stay in the request's trace.
    tokio::spawn(quntuan_trace::with_current(async move {
        let response = gateway.execute(request, &options).await;
        let _ = done.send(response);
    }));
    let Some(first) = payloads.recv().await else {
        return match finished.await {
            Ok(response) => respond_graphql(media, response),
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
    };
    let rest = futures::stream::unfold(payloads, |mut payloads| async move {
        payloads.recv().await.map(|payload| (payload, payloads))
    });
    let parts = futures::stream::once(async move { first })
        .chain(rest)
        .map(|payload| Ok::<_, Infallible>(Bytes::from(format!("{PART_HEADER}{payload}"))))
        .chain(futures::stream::once(async {
            Ok(Bytes::from_static(CLOSE))
        }));
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        Body::from_stream(parts),
    )
        .into_response()
}
