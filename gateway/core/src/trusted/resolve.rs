//! The trusted-documents stage of a request: which document it runs, or why it is refused.
//! It comes before automatic persisted queries (APQ), which it consults only where the
//! manifest is not enforced (`off`, `log_unknown`).

use super::normalise::{is_introspection_only, normalise_document};
use super::{TrustedDocuments, TrustedDocumentsMode};
use crate::error::{ErrorCode, GraphqlError};
use crate::gateway::GraphqlRequest;
use crate::limits::{self, LimitSettings};
use crate::persisted::{PersistedQueryStore, sha256_hex};
use crate::telemetry::metrics::record_trusted_document;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// What a free-form document is parsed with, to compare it with the manifest.
#[derive(Debug, Clone, Copy)]
pub struct DocumentCheck<'a> {
    pub limits: &'a LimitSettings,
    /// Introspection is answered: introspection-only documents need no manifest entry.
    pub introspection: bool,
}

/// How the request names a document, if it does.
#[derive(Debug, Clone, Copy)]
enum RequestedId<'a> {
    DocumentId(&'a str),
    PersistedQuery(&'a str),
}

impl<'a> RequestedId<'a> {
    fn id(self) -> &'a str {
        match self {
            Self::DocumentId(id) | Self::PersistedQuery(id) => id,
        }
    }
}

/// Longest part of an unknown document written to the log.
const LOGGED_DOCUMENT_CHARS: usize = 2_048;

impl TrustedDocuments {
    /// The document a request runs in place of its `query` (`Ok(None)`: its own `query`, if
    /// any), or why it is refused:
    ///
    /// 1. read the document ID (`documentId`, or `extensions.persistedQuery.sha256Hash`);
    /// 2. `off`: APQ as always;
    /// 3. an ID: the manifest's document (in `log_unknown`, APQ's for a hash it lacks);
    /// 4. a free-form document: `require_id` refuses it, `safelist` runs it only when the
    ///    manifest has it (normalised), `log_unknown` runs it and logs it when not.
    pub async fn resolve(
        &self,
        request: &GraphqlRequest,
        apq: &PersistedQueryStore,
        check: DocumentCheck<'_>,
    ) -> Result<Option<String>, GraphqlError> {
        let query = request.query.as_deref().filter(|q| !q.trim().is_empty());
        let mode = self.settings.mode;
        if mode == TrustedDocumentsMode::Off {
            if request.document_id.is_some() && query.is_none() {
                return Err(GraphqlError::new(
                    "the request names a `documentId`, but this gateway has no trusted documents \
                     (`trusted_documents.mode` is `off`): send the document in `query`",
                    ErrorCode::BadRequest,
                ));
            }
            return apq
                .resolve(request.query.as_deref(), request.extensions.as_ref())
                .await;
        }
        let requested = requested_id(request)?;
        match (mode, requested) {
            (TrustedDocumentsMode::LogUnknown, Some(RequestedId::PersistedQuery(hash))) => {
                if query.is_none()
                    && let Some(document) = self.by_id(hash)
                {
                    return Ok(Some(document));
                }
                // Not ours: an automatic persisted query, checked like a free-form document.
                let resolved = apq
                    .resolve(request.query.as_deref(), request.extensions.as_ref())
                    .await?;
                if let Some(document) = resolved.as_deref().or(query) {
                    self.note_free_form(request, document, check);
                }
                Ok(resolved)
            }
            (_, Some(requested)) => {
                if query.is_some() {
                    return Err(GraphqlError::new(
                        "send either a document ID or a `query`, not both: a trusted document \
                         sent by ID is read from the manifest",
                        ErrorCode::CannotSendPqIdAndBody,
                    ));
                }
                match self.by_id(requested.id()) {
                    Some(document) => Ok(Some(document)),
                    None => {
                        record_trusted_document("not_in_list");
                        Err(GraphqlError::new(
                            format!(
                                "the document `{}` is not in the trusted documents manifest",
                                requested.id()
                            ),
                            ErrorCode::PersistedQueryNotInList,
                        ))
                    }
                }
            }
            (_, None) => {
                let Some(query) = query else {
                    // No document at all: the pipeline says what is missing.
                    return Ok(None);
                };
                match mode {
                    TrustedDocumentsMode::RequireId => {
                        record_trusted_document("id_required");
                        Err(GraphqlError::new(
                            "this gateway runs only trusted documents sent by ID: send \
                             `documentId` (or `extensions.persistedQuery.sha256Hash`) instead \
                             of `query`",
                            ErrorCode::PersistedQueryIdRequired,
                        ))
                    }
                    TrustedDocumentsMode::Safelist if !self.allows(query, check) => {
                        record_trusted_document("not_in_safelist");
                        tracing::debug!(
                            target: "quntuan::trusted_documents",
                            operation_name = request.operation_name.as_deref().unwrap_or(""),
                            document_sha256 = %sha256_hex(query),
                            "refused an operation that is not in the trusted documents manifest"
                        );
                        Err(GraphqlError::new(
                            "the operation's document is not in the trusted documents manifest: \
                             only trusted documents run on this gateway (send its ID, or add it \
                             to the manifest)",
                            ErrorCode::QueryNotInSafelist,
                        ))
                    }
                    _ => {
                        self.note_free_form(request, query, check);
                        Ok(None)
                    }
                }
            }
        }
    }

    fn by_id(&self, id: &str) -> Option<String> {
        let document = self
            .current
            .load()
            .manifest
            .document(id)
            .map(|d| d.to_string());
        if document.is_some() {
            record_trusted_document("by_id");
        }
        document
    }

    /// Counts a free-form document that runs; in `log_unknown`, logs it when the manifest
    /// lacks it.
    fn note_free_form(&self, request: &GraphqlRequest, document: &str, check: DocumentCheck<'_>) {
        if self.allows(document, check) {
            record_trusted_document("by_body");
            return;
        }
        record_trusted_document("unknown_served");
        let shown: String = document.chars().take(LOGGED_DOCUMENT_CHARS).collect();
        tracing::warn!(
            target: "quntuan::trusted_documents",
            operation_name = request.operation_name.as_deref().unwrap_or(""),
            document_sha256 = %sha256_hex(document),
            document = %shown,
            "served an operation that is not in the trusted documents manifest"
        );
    }

    /// Whether a free-form document is trusted: in the manifest as it is, or normalised, or
    /// introspection only while introspection is on. A document that does not parse within
    /// the limits is not trusted.
    fn allows(&self, document: &str, check: DocumentCheck<'_>) -> bool {
        let current = self.current.load();
        if current.manifest.has_exact(document) {
            return true;
        }
        let key: [u8; 32] = Sha256::digest(document.as_bytes()).into();
        current.decisions.get_with(key, || {
            limits::parse(check.limits, document).is_ok_and(|ast| {
                (check.introspection && is_introspection_only(&ast))
                    || current.manifest.has_normalised(&normalise_document(&ast))
            })
        })
    }
}

/// The document ID the request sends: `documentId`, or Apollo's persisted query extension
/// (version 1). Both may be sent only when they agree.
#[expect(
    clippy::result_large_err,
    reason = "the error is the GraphQL error the client receives"
)]
fn requested_id(request: &GraphqlRequest) -> Result<Option<RequestedId<'_>>, GraphqlError> {
    let persisted = request
        .extensions
        .as_ref()
        .and_then(|extensions| extensions.get("persistedQuery"));
    let hash = match persisted {
        None => None,
        Some(persisted) => {
            let Some(hash) = persisted.get("sha256Hash").and_then(Value::as_str) else {
                return Err(GraphqlError::new(
                    "extensions.persistedQuery needs a `sha256Hash` string",
                    ErrorCode::BadRequest,
                ));
            };
            if persisted.get("version").and_then(Value::as_i64) != Some(1) {
                return Err(GraphqlError::new(
                    "only persisted query version 1 is supported",
                    ErrorCode::BadRequest,
                ));
            }
            Some(hash)
        }
    };
    match (request.document_id.as_deref(), hash) {
        (Some(id), Some(hash)) if id.strip_prefix("sha256:").unwrap_or(id) != hash => {
            Err(GraphqlError::new(
                "`documentId` and `extensions.persistedQuery.sha256Hash` name different \
                 documents: send one of them",
                ErrorCode::BadRequest,
            ))
        }
        (Some(id), _) => Ok(Some(RequestedId::DocumentId(id))),
        (None, Some(hash)) => Ok(Some(RequestedId::PersistedQuery(hash))),
        (None, None) => Ok(None),
    }
}
