//! What the subgraphs' answers add to the client's response: their `cache-control`, merged
//! ([`super::cache_control`]), and the headers configured under `response`.

use super::cache_control::CacheControl;
use crate::execute::transport::AnswerHeaders;
use http::header::CACHE_CONTROL;
use http::{HeaderMap, HeaderName, HeaderValue};
use std::collections::HashMap;
use std::sync::Mutex;

/// Headers the gateway sets on its own response, or that belong to one connection: never
/// copied from a subgraph's answer. `cache-control` is merged, never copied.
const RESERVED: &[&str] = &[
    "content-type",
    "content-length",
    "content-encoding",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "te",
    "trailer",
    "upgrade",
    "cache-control",
];

/// The response side of the rules, by subgraph.
#[derive(Debug, Default)]
pub(crate) struct ResponseRules {
    pub(crate) all: Vec<HeaderName>,
    pub(crate) own: HashMap<String, Vec<HeaderName>>,
    pub(crate) if_missing_all: Option<CacheControl>,
    pub(crate) if_missing_own: HashMap<String, CacheControl>,
}

impl ResponseRules {
    fn names<'s>(&'s self, service: &str) -> impl Iterator<Item = &'s HeaderName> {
        self.all
            .iter()
            .chain(self.own.get(service).into_iter().flatten())
    }

    fn if_missing(&self, service: &str) -> Option<&CacheControl> {
        self.if_missing_own
            .get(service)
            .or(self.if_missing_all.as_ref())
    }
}

/// A header name a subgraph's answer may pass to the client.
pub(crate) fn passed_name(text: &str) -> Result<HeaderName, String> {
    let name = HeaderName::from_bytes(text.trim().to_ascii_lowercase().as_bytes())
        .map_err(|_| format!("`{text}` is not a header name"))?;
    if RESERVED.contains(&name.as_str()) {
        return Err(format!(
            "`{name}` is the gateway's own (`cache-control` is merged from every answer): it \
             cannot be copied from a subgraph"
        ));
    }
    Ok(name)
}

/// Collects, for one client request, the headers of every subgraph answer.
#[derive(Debug)]
pub struct SubgraphAnswers {
    rules: std::sync::Arc<super::HeaderRules>,
    collected: Mutex<Collected>,
}

#[derive(Debug, Default)]
struct Collected {
    cache_control: Option<CacheControl>,
    /// Some answer had no `cache-control` (and none is assumed for it).
    uncached: bool,
    passed: Vec<(HeaderName, HeaderValue)>,
}

impl SubgraphAnswers {
    pub(crate) fn new(rules: std::sync::Arc<super::HeaderRules>) -> Self {
        Self {
            rules,
            collected: Mutex::new(Collected::default()),
        }
    }

    /// The headers for the client: the merged `cache-control` when `cacheable` (a query
    /// whose fetches all answered) and every answer had one, and the passed headers.
    pub fn finish(&self, cacheable: bool) -> HeaderMap {
        let collected = self.collected.lock().unwrap_or_else(|e| e.into_inner());
        let mut headers = HeaderMap::new();
        let merged = collected
            .cache_control
            .as_ref()
            .filter(|_| cacheable && !collected.uncached)
            .and_then(CacheControl::render)
            .and_then(|text| HeaderValue::from_str(&text).ok());
        if let Some(value) = merged {
            headers.insert(CACHE_CONTROL, value);
        }
        for (name, value) in &collected.passed {
            headers.append(name.clone(), value.clone());
        }
        headers
    }
}

impl AnswerHeaders for SubgraphAnswers {
    fn record(&self, service: &str, headers: &HeaderMap) {
        let rules = &self.rules.response;
        let given: Vec<&str> = headers
            .get_all(CACHE_CONTROL)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let cache_control = if given.is_empty() {
            rules.if_missing(service).cloned()
        } else {
            Some(CacheControl::parse(&given.join(",")))
        };
        let mut collected = self.collected.lock().unwrap_or_else(|e| e.into_inner());
        match cache_control {
            Some(this) => {
                collected.cache_control = Some(match &collected.cache_control {
                    Some(before) => before.merge(&this),
                    None => this,
                });
            }
            None => collected.uncached = true,
        }
        for name in rules.names(service) {
            for value in headers.get_all(name) {
                let pair = (name.clone(), value.clone());
                if !collected.passed.contains(&pair) {
                    collected.passed.push(pair);
                }
            }
        }
    }
}
