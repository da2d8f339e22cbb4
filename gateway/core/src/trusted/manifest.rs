//! The manifest of trusted operations, read from Apollo's persisted query manifest
//! (`{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id",
//! "body", "name", "type"}]}`) or Relay's `{"<id>": "<document>"}` map.

use super::normalise::normalise;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

const APOLLO_FORMAT: &str = "apollo-persisted-query-manifest";

/// Trusted operations by ID, and the documents a free-form request may match.
#[derive(Debug)]
pub struct Manifest {
    by_id: HashMap<String, Arc<str>>,
    /// Documents exactly as the manifest has them: a request sending one is trusted without
    /// parsing it.
    bodies: HashSet<Arc<str>>,
    /// Documents normalised ([`normalise`]), for requests formatted differently.
    normalised: HashSet<String>,
    /// SHA-256 of the text the manifest was read from: a reload of the same text is no change.
    digest: [u8; 32],
}

impl Manifest {
    /// An empty manifest (the state before any was loaded, and of mode `off`).
    pub fn empty() -> Self {
        Self {
            by_id: HashMap::new(),
            bodies: HashSet::new(),
            normalised: HashSet::new(),
            digest: [0; 32],
        }
    }

    /// Reads a manifest in either format; the error says what to fix.
    pub fn parse(text: &str) -> Result<Self, String> {
        let json: Value =
            serde_json::from_str(text).map_err(|e| format!("the manifest is not JSON: {e}"))?;
        let Value::Object(object) = json else {
            return Err(
                "the manifest is not a JSON object: expected Apollo's persisted query \
                        manifest or Relay's {\"id\": \"document\"} map"
                    .into(),
            );
        };
        let operations = if object.contains_key("format") {
            apollo_operations(&object)?
        } else {
            relay_operations(&object)?
        };
        let mut manifest = Self {
            digest: digest(text),
            ..Self::empty()
        };
        for (id, body) in operations {
            let body: Arc<str> = Arc::from(body);
            if let Some(previous) = manifest.by_id.get(&id)
                && previous != &body
            {
                return Err(format!(
                    "the manifest gives the id `{id}` to two different documents"
                ));
            }
            manifest.normalised.insert(normalise(&body));
            manifest.bodies.insert(body.clone());
            manifest.by_id.insert(id, body);
        }
        Ok(manifest)
    }

    /// The document with this ID. A `sha256:` prefix (the GraphQL-over-HTTP persisted
    /// documents form) is also accepted for IDs stored without it.
    pub fn document(&self, id: &str) -> Option<&Arc<str>> {
        self.by_id.get(id).or_else(|| {
            id.strip_prefix("sha256:")
                .and_then(|bare| self.by_id.get(bare))
        })
    }

    /// Whether `query` is, character for character, a document of the manifest.
    pub fn has_exact(&self, query: &str) -> bool {
        self.bodies.contains(query)
    }

    /// Whether a normalised document is one of the manifest's.
    pub fn has_normalised(&self, normalised: &str) -> bool {
        self.normalised.contains(normalised)
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    pub(super) fn is_text(&self, text: &str) -> bool {
        self.digest == digest(text)
    }
}

fn digest(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

fn apollo_operations(object: &Map<String, Value>) -> Result<Vec<(String, String)>, String> {
    let format = object.get("format").and_then(Value::as_str).unwrap_or("");
    if format != APOLLO_FORMAT {
        return Err(format!(
            "the manifest's `format` is `{format}`: expected `{APOLLO_FORMAT}` (or, for Relay, \
             no `format` key at all)"
        ));
    }
    match object.get("version").and_then(Value::as_i64) {
        Some(1) => {}
        _ => {
            return Err(format!(
                "the manifest's `version` is {}: only version 1 is supported",
                object.get("version").unwrap_or(&Value::Null)
            ));
        }
    }
    let Some(operations) = object.get("operations").and_then(Value::as_array) else {
        return Err("the manifest has no `operations` list".into());
    };
    operations
        .iter()
        .enumerate()
        .map(|(index, operation)| {
            let field = |name: &str| {
                operation
                    .get(name)
                    .and_then(Value::as_str)
                    .filter(|value| !value.is_empty())
                    .map(str::to_string)
                    .ok_or_else(|| {
                        format!("operations[{index}] has no `{name}` string (its {name} is needed)")
                    })
            };
            Ok((field("id")?, field("body")?))
        })
        .collect()
}

fn relay_operations(object: &Map<String, Value>) -> Result<Vec<(String, String)>, String> {
    object
        .iter()
        .map(|(id, body)| match body.as_str() {
            Some(body) if !id.is_empty() => Ok((id.clone(), body.to_string())),
            _ => Err(format!(
                "the entry `{id}` is not an id with a document string: a Relay manifest maps \
                 each id to its document text, and Apollo's has a `format` key"
            )),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_formats_read_to_the_same_operations() {
        let apollo = Manifest::parse(
            r#"{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [
                {"id": "a1", "body": "query A { a }", "name": "A", "type": "query"}]}"#,
        )
        .expect("Apollo manifest reads");
        let relay = Manifest::parse(r#"{"a1": "query A { a }"}"#).expect("Relay map reads");
        for manifest in [apollo, relay] {
            assert_eq!(manifest.document("a1").map(|d| &**d), Some("query A { a }"));
            assert_eq!(
                manifest.document("sha256:a1").map(|d| &**d),
                Some("query A { a }")
            );
            assert!(manifest.document("a2").is_none());
            assert!(manifest.has_exact("query A { a }"));
            assert!(manifest.has_normalised(&normalise("query A {\n  a\n}")));
        }
    }

    #[test]
    fn a_broken_manifest_is_refused_with_what_to_fix() {
        let error = |text: &str| Manifest::parse(text).expect_err("refused");
        assert!(error("{").starts_with("the manifest is not JSON"));
        assert!(error("[]").contains("not a JSON object"));
        assert!(error(r#"{"format": "x", "version": 1, "operations": []}"#).contains("`format`"));
        assert!(
            error(
                r#"{"format": "apollo-persisted-query-manifest", "version": 2, "operations": []}"#
            )
            .contains("version 1")
        );
        assert!(
            error(
                r#"{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id": "a"}]}"#
            )
            .contains("operations[0] has no `body`")
        );
        assert!(error(r#"{"a": 1}"#).contains("the entry `a`"));
        assert!(
            error(
                r#"{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [
                {"id": "a", "body": "{ a }"}, {"id": "a", "body": "{ b }"}]}"#
            )
            .contains("two different documents")
        );
    }
}
