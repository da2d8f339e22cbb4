//! Decoding a POST body into a GraphQL request: one JSON object. A JSON array (a batch) is
//! refused with its own code, since a batch multiplies the work of one request past every
//! per-operation limit.

use crate::error::{ErrorCode, GraphqlError};
use crate::gateway::GraphqlRequest;

/// Reads one GraphQL request from a JSON body.
#[expect(
    clippy::result_large_err,
    reason = "the error is the GraphQL error the client receives, built once per refused body"
)]
pub fn decode_post_body(body: &[u8]) -> Result<GraphqlRequest, GraphqlError> {
    let first = body.iter().find(|byte| !byte.is_ascii_whitespace());
    if first == Some(&b'[') {
        return Err(GraphqlError::new(
            "batched requests (a JSON array of operations) are not accepted: send one operation per request",
            ErrorCode::BatchingNotEnabled,
        ));
    }
    serde_json::from_slice(body).map_err(|error| {
        GraphqlError::new(
            format!("the request body is not a GraphQL request in JSON: {error}"),
            ErrorCode::BadRequest,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_and_garbage_are_refused_with_their_codes() {
        let code = |body: &[u8]| {
            decode_post_body(body)
                .err()
                .and_then(|e| e.code().map(str::to_string))
        };
        assert_eq!(
            code(b" [{\"query\": \"{ a }\"}]").as_deref(),
            Some("BATCHING_NOT_ENABLED")
        );
        assert_eq!(code(b"not json").as_deref(), Some("BAD_REQUEST"));
        assert_eq!(code(b"").as_deref(), Some("BAD_REQUEST"));
        assert_eq!(code(b"{\"query\": 1}").as_deref(), Some("BAD_REQUEST"));
        let request = decode_post_body(b"{\"query\": \"{ a }\"}").expect("one request decodes");
        assert_eq!(request.query.as_deref(), Some("{ a }"));
    }
}
