//! The body of a GraphQL response, sent in parts as they are: the envelope's opening, the data
//! (written once by shaping), and the envelope's rest. Serialising the whole response copied
//! the data into a second buffer (87 KB per deep benchmark query, about 4 % of the gateway's
//! CPU under load); hyper writes the parts with one vectored write instead.

use crate::gateway::GraphqlResponse;
use axum::body::{Body, Bytes};
use hyper::body::{Frame, SizeHint};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The response as JSON text in parts, `None` when the response has no data (then there is
/// nothing to spare: the caller serialises it whole).
pub(super) fn graphql_parts(response: &mut GraphqlResponse) -> Option<Result<Body, ()>> {
    let data = response.data.take()?;
    // The rest of the envelope (`errors`, `extensions`), as serde writes it without `data`:
    // `{}` or `{"errors":[...],...}`; its fields go after the data, in the order the whole
    // response would have them.
    let mut rest = Vec::with_capacity(2 + 256 * response.errors.len());
    if serde_json::to_writer(&mut rest, &*response).is_err() {
        return Some(Err(()));
    }
    let rest = if rest == b"{}" {
        Bytes::from_static(b"}")
    } else {
        // `{"errors":...}` becomes `,"errors":...}`.
        rest[0] = b',';
        Bytes::from(rest)
    };
    let data: Box<str> = data.into();
    Some(Ok(Body::new(Parts::new([
        Bytes::from_static(b"{\"data\":"),
        Bytes::from(data.into_boxed_bytes()),
        rest,
    ]))))
}

/// A body of byte parts sent one after another, its length known up front (so the response
/// carries `content-length`, as a body of one buffer does).
struct Parts {
    parts: VecDeque<Bytes>,
    remaining: u64,
}

impl Parts {
    fn new(parts: impl IntoIterator<Item = Bytes>) -> Self {
        let parts: VecDeque<Bytes> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        let remaining = parts.iter().map(|p| p.len() as u64).sum();
        Self { parts, remaining }
    }
}

impl hyper::body::Body for Parts {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        Poll::Ready(this.parts.pop_front().map(|part| {
            this.remaining -= part.len() as u64;
            Ok(Frame::data(part))
        }))
    }

    fn is_end_stream(&self) -> bool {
        self.parts.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.remaining)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorCode, GraphqlError};
    use http_body_util::BodyExt;
    use serde_json::value::RawValue;

    async fn text(body: Body) -> (String, Option<u64>) {
        let exact = hyper::body::Body::size_hint(&body).exact();
        let bytes = body.collect().await.expect("infallible").to_bytes();
        (String::from_utf8(bytes.to_vec()).expect("UTF-8"), exact)
    }

    fn with_data(data: &str) -> GraphqlResponse {
        GraphqlResponse {
            data: Some(RawValue::from_string(data.to_string()).expect("JSON")),
            ..GraphqlResponse::default()
        }
    }

    #[tokio::test]
    async fn parts_read_as_the_whole_response_would_serialise() {
        let mut plain = with_data(r#"{"me":{"id":"1"}}"#);
        let mut with_errors = with_data(r#"{"me":null}"#);
        with_errors.errors = vec![GraphqlError::new("boom", ErrorCode::SubgraphRequestFailed)];
        with_errors
            .extensions
            .insert("cost".into(), serde_json::json!(3));
        for response in [&mut plain, &mut with_errors] {
            let whole = serde_json::to_string(&*response).expect("serialises");
            let body = graphql_parts(response)
                .expect("has data")
                .expect("serialises");
            let (text, exact) = text(body).await;
            assert_eq!(text, whole);
            assert_eq!(
                exact,
                Some(whole.len() as u64),
                "the length is known up front"
            );
        }
    }

    #[test]
    fn a_response_without_data_is_left_to_the_caller() {
        let mut response =
            GraphqlResponse::request_errors(vec![GraphqlError::new("bad", ErrorCode::BadRequest)]);
        assert!(graphql_parts(&mut response).is_none());
        assert_eq!(response.errors.len(), 1, "left as it was");
    }
}
