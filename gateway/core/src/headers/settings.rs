//! The `headers` settings as the configuration file gives them: rules for every subgraph
//! (`all`) and for one subgraph by name (`subgraphs.NAME`), applied in that order.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Header rules of subgraph requests and of the answers that reach the client.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeaderSettings {
    /// Rules for every subgraph.
    pub all: SubgraphHeaderSettings,
    /// Rules for one subgraph, applied after `all`'s, by subgraph name.
    pub subgraphs: BTreeMap<String, SubgraphHeaderSettings>,
}

/// The rules of every subgraph or of one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SubgraphHeaderSettings {
    /// What the subgraph request carries, rule after rule. Not given: for `all`, the client's
    /// `authorization` is propagated (what the gateway always did); for a subgraph, nothing
    /// beyond `all`'s. A list given replaces that default.
    pub request: Option<Vec<RequestRule>>,
    /// Headers of the subgraph's answer passed on to the client (each distinct value once).
    pub response: Vec<String>,
    /// The `cache-control` assumed for an answer without one. Not given: an answer without
    /// `cache-control` leaves the client's response without one.
    pub cache_control_if_missing: Option<String>,
}

/// One rule: exactly one of `propagate`, `insert` and `remove`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RequestRule {
    /// Copy client headers to the subgraph request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub propagate: Option<Propagate>,
    /// Set a header to a fixed value (`${VAR}` in the file reads the environment).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insert: Option<Insert>,
    /// Drop headers an earlier rule added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remove: Option<HeaderMatch>,
}

/// Client headers to copy: one by name (optionally renamed, with a default) or all whose
/// name matches a regular expression.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Propagate {
    /// A header name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub named: Option<String>,
    /// A regular expression header names (lower case) are matched against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matching: Option<String>,
    /// The name the subgraph sees instead (with `named` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rename: Option<String>,
    /// The value sent when the client sent none (with `named` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
}

/// A header set to a value, replacing what earlier rules gave it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Insert {
    pub name: String,
    pub value: String,
}

/// Headers by name or by a regular expression on the name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeaderMatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub named: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matching: Option<String>,
}

impl RequestRule {
    /// Propagates the client's header `name` as it is.
    pub fn propagate(name: &str) -> Self {
        Self {
            propagate: Some(Propagate {
                named: Some(name.to_string()),
                ..Propagate::default()
            }),
            ..Self::default()
        }
    }
}
