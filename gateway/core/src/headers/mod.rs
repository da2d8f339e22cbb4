//! Header rules: which headers each subgraph request carries ([`request`]), and what the
//! subgraphs' answers add to the client's response ([`response`]: `cache-control` merged to
//! the most restrictive, and the headers configured to pass).
//!
//! Rules for every subgraph (`all`) apply first, then the subgraph's own, in order, to one
//! list: a subgraph's `remove` can drop what `all` propagated. Without settings, the client's
//! `authorization` goes to every subgraph and nothing else does.

mod cache_control;
mod request;
mod response;
mod settings;

pub use request::HeaderList;
pub use response::SubgraphAnswers;
pub use settings::{
    HeaderMatch, HeaderSettings, Insert, Propagate, RequestRule, SubgraphHeaderSettings,
};

use cache_control::CacheControl;
use http::HeaderMap;
use request::CompiledRules;
use response::{ResponseRules, passed_name};
use std::sync::Arc;

/// The rules, compiled once per gateway.
#[derive(Debug, Default)]
pub struct HeaderRules {
    all: CompiledRules,
    /// Subgraphs with request rules of their own.
    own: Vec<(String, CompiledRules)>,
    response: ResponseRules,
}

impl HeaderRules {
    /// Compiles the settings; an error is the key (`headers.subgraphs.NAME.request[2]`) and
    /// what to fix.
    pub fn new(settings: &HeaderSettings) -> Result<Self, (String, String)> {
        let default_all = [RequestRule::propagate("authorization")];
        let all = CompiledRules::new(
            "headers.all.request",
            settings.all.request.as_deref().unwrap_or(&default_all),
        )?;
        let mut own = Vec::new();
        let mut response = ResponseRules {
            all: response_names("headers.all.response", &settings.all.response)?,
            if_missing_all: if_missing("headers.all", &settings.all)?,
            ..ResponseRules::default()
        };
        for (name, rules) in &settings.subgraphs {
            let key = format!("headers.subgraphs.{name}");
            let compiled = CompiledRules::new(
                &format!("{key}.request"),
                rules.request.as_deref().unwrap_or_default(),
            )?;
            if !compiled.is_empty() {
                own.push((name.clone(), compiled));
            }
            let names = response_names(&format!("{key}.response"), &rules.response)?;
            if !names.is_empty() {
                response.own.insert(name.clone(), names);
            }
            if let Some(assumed) = if_missing(&key, rules)? {
                response.if_missing_own.insert(name.clone(), assumed);
            }
        }
        Ok(Self { all, own, response })
    }

    /// The headers each subgraph request of a client with these headers carries.
    pub fn for_request(&self, client: &HeaderMap) -> SubgraphHeaders {
        let mut all = Vec::new();
        self.all.apply(client, &mut all);
        let own = self
            .own
            .iter()
            .map(|(name, rules)| {
                let mut list = all.clone();
                rules.apply(client, &mut list);
                (name.clone(), list)
            })
            .collect();
        SubgraphHeaders { all, own }
    }

    /// A collector of the answers' headers for one client request.
    pub fn answers(self: &Arc<Self>) -> Arc<SubgraphAnswers> {
        Arc::new(SubgraphAnswers::new(self.clone()))
    }
}

fn response_names(key: &str, names: &[String]) -> Result<Vec<http::HeaderName>, (String, String)> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| passed_name(name).map_err(|message| (format!("{key}[{i}]"), message)))
        .collect()
}

fn if_missing(
    key: &str,
    settings: &SubgraphHeaderSettings,
) -> Result<Option<CacheControl>, (String, String)> {
    let Some(text) = &settings.cache_control_if_missing else {
        return Ok(None);
    };
    let parsed = CacheControl::parse(text);
    match parsed.render() {
        Some(_) => Ok(Some(parsed)),
        None => Err((
            format!("{key}.cache_control_if_missing"),
            format!(
                "`{text}` has no directive the gateway merges (no-store, no-cache, private, \
                 public, max-age, s-maxage, must-revalidate)"
            ),
        )),
    }
}

/// The headers of one client request's subgraph requests: one list for every subgraph, and
/// one for each subgraph with rules of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SubgraphHeaders {
    all: HeaderList,
    own: Vec<(String, HeaderList)>,
}

impl SubgraphHeaders {
    /// The same headers for every subgraph.
    pub fn every(headers: HeaderList) -> Self {
        Self {
            all: headers,
            own: Vec::new(),
        }
    }

    /// What a request to `service` carries.
    pub fn for_subgraph(&self, service: &str) -> HeaderList {
        self.own
            .iter()
            .find(|(name, _)| name == service)
            .map_or(&self.all, |(_, list)| list)
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(yaml: &str) -> HeaderSettings {
        serde_yaml::from_str(yaml).expect("settings parse")
    }

    fn client() -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("authorization", "Bearer t".parse().expect("value"));
        headers.insert("x-tenant", "7".parse().expect("value"));
        headers
    }

    fn names(list: &HeaderList) -> Vec<String> {
        list.iter().map(|(n, v)| format!("{n}: {v:?}")).collect()
    }

    #[test]
    fn without_settings_only_authorization_goes_to_every_subgraph() {
        let rules = HeaderRules::new(&HeaderSettings::default()).expect("compiles");
        let headers = rules.for_request(&client());
        assert_eq!(
            names(&headers.for_subgraph("products")),
            ["authorization: \"Bearer t\""]
        );
    }

    #[test]
    fn a_subgraph_rule_applies_after_every_subgraph_rule() {
        let rules = HeaderRules::new(&settings(
            "all:\n  request:\n    - propagate: {named: x-tenant}\n    - propagate: {named: authorization}\n\
             subgraphs:\n  reviews:\n    request:\n      - remove: {named: authorization}\n      - insert: {name: x-key, value: k}\n",
        ))
        .expect("compiles");
        let headers = rules.for_request(&client());
        assert_eq!(
            names(&headers.for_subgraph("products")),
            ["x-tenant: \"7\"", "authorization: \"Bearer t\""]
        );
        assert_eq!(
            names(&headers.for_subgraph("reviews")),
            ["x-tenant: \"7\"", "x-key: \"k\""]
        );
    }

    #[test]
    fn bad_response_settings_name_their_key() {
        let refused = |yaml: &str| HeaderRules::new(&settings(yaml)).err();
        assert_eq!(
            refused("subgraphs:\n  a:\n    response: [x-ok, content-length]\n"),
            Some((
                "headers.subgraphs.a.response[1]".into(),
                "`content-length` is the gateway's own (`cache-control` is merged from every \
                 answer): it cannot be copied from a subgraph"
                    .into()
            ))
        );
        assert_eq!(
            refused("all:\n  cache_control_if_missing: immutable\n").map(|e| e.0),
            Some("headers.all.cache_control_if_missing".into())
        );
    }
}
