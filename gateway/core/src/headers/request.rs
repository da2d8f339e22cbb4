//! Request rules compiled once (names parsed, regular expressions built) and applied to a
//! client's headers: what each subgraph request carries.

use super::settings::{HeaderMatch, RequestRule};
use http::{HeaderMap, HeaderName, HeaderValue};
use regex::Regex;

/// Headers the transport sets itself or that belong to one connection: never taken from a
/// client and never set by a rule. `traceparent` is the fetch span's own when tracing is on.
const RESERVED: &[&str] = &[
    "host",
    "content-length",
    "content-type",
    "content-encoding",
    "accept",
    "accept-encoding",
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "traceparent",
];

fn is_reserved(name: &HeaderName) -> bool {
    RESERVED.contains(&name.as_str())
}

/// The headers one subgraph request carries, in order.
pub type HeaderList = Vec<(HeaderName, HeaderValue)>;

#[derive(Debug, Clone)]
enum Matcher {
    Named(HeaderName),
    Matching(Regex),
}

impl Matcher {
    fn matches(&self, name: &HeaderName) -> bool {
        match self {
            Self::Named(named) => named == name,
            Self::Matching(regex) => regex.is_match(name.as_str()),
        }
    }
}

#[derive(Debug, Clone)]
enum Rule {
    Propagate {
        from: Matcher,
        to: Option<HeaderName>,
        default: Option<HeaderValue>,
    },
    Insert(HeaderName, HeaderValue),
    Remove(Matcher),
}

/// A list of rules, ready to apply.
#[derive(Debug, Clone, Default)]
pub(crate) struct CompiledRules(Vec<Rule>);

impl CompiledRules {
    /// Compiles `rules`; an error names the rule (`key[i]`) and what is wrong with it.
    pub(crate) fn new(key: &str, rules: &[RequestRule]) -> Result<Self, (String, String)> {
        rules
            .iter()
            .enumerate()
            .map(|(i, rule)| compile(rule).map_err(|message| (format!("{key}[{i}]"), message)))
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Applies the rules in order to `out`, reading the client's `client` headers.
    pub(crate) fn apply(&self, client: &HeaderMap, out: &mut HeaderList) {
        for rule in &self.0 {
            match rule {
                Rule::Propagate {
                    from: Matcher::Named(name),
                    to,
                    default,
                } => {
                    let target = to.as_ref().unwrap_or(name);
                    let mut values = client.get_all(name).iter().peekable();
                    if values.peek().is_none() {
                        if let Some(default) = default {
                            out.push((target.clone(), default.clone()));
                        }
                        continue;
                    }
                    for value in values {
                        out.push((target.clone(), value.clone()));
                    }
                }
                Rule::Propagate { from, .. } => {
                    for (name, value) in client {
                        if !is_reserved(name) && from.matches(name) {
                            out.push((name.clone(), value.clone()));
                        }
                    }
                }
                Rule::Insert(name, value) => {
                    out.retain(|(existing, _)| existing != name);
                    out.push((name.clone(), value.clone()));
                }
                Rule::Remove(matcher) => out.retain(|(name, _)| !matcher.matches(name)),
            }
        }
    }
}

fn compile(rule: &RequestRule) -> Result<Rule, String> {
    match (&rule.propagate, &rule.insert, &rule.remove) {
        (Some(propagate), None, None) => {
            let from = matcher(propagate.named.as_deref(), propagate.matching.as_deref())?;
            if matches!(from, Matcher::Matching(_))
                && (propagate.rename.is_some() || propagate.default.is_some())
            {
                return Err("`rename` and `default` go with `named`, not `matching`".into());
            }
            let to = propagate.rename.as_deref().map(name).transpose()?;
            let default = propagate.default.as_deref().map(value).transpose()?;
            Ok(Rule::Propagate { from, to, default })
        }
        (None, Some(insert), None) => Ok(Rule::Insert(name(&insert.name)?, value(&insert.value)?)),
        (None, None, Some(HeaderMatch { named, matching })) => Ok(Rule::Remove(matcher(
            named.as_deref(),
            matching.as_deref(),
        )?)),
        _ => Err("a rule is exactly one of `propagate`, `insert` and `remove`".into()),
    }
}

fn matcher(named: Option<&str>, matching: Option<&str>) -> Result<Matcher, String> {
    match (named, matching) {
        (Some(named), None) => Ok(Matcher::Named(name(named)?)),
        (None, Some(pattern)) => Regex::new(pattern)
            .map(Matcher::Matching)
            .map_err(|e| format!("`{pattern}` is not a regular expression: {e}")),
        _ => Err("give exactly one of `named` and `matching`".into()),
    }
}

/// A header name a rule may send: valid, lower-cased, not one the transport owns.
fn name(text: &str) -> Result<HeaderName, String> {
    let parsed = HeaderName::from_bytes(text.trim().to_ascii_lowercase().as_bytes())
        .map_err(|_| format!("`{text}` is not a header name"))?;
    if is_reserved(&parsed) {
        return Err(format!(
            "`{parsed}` is set by the gateway for each subgraph request: no rule may send it"
        ));
    }
    Ok(parsed)
}

fn value(text: &str) -> Result<HeaderValue, String> {
    HeaderValue::from_str(text)
        .map_err(|_| format!("`{text}` is not a header value (no control characters)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::headers::settings::{Insert, Propagate};

    fn client() -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in [
            ("authorization", "Bearer t"),
            ("x-tenant-id", "7"),
            ("x-tenant-region", "eu"),
            ("x-client", "web"),
            ("content-type", "application/json"),
        ] {
            headers.append(name, HeaderValue::from_static(value));
        }
        headers
    }

    fn apply(rules: &[RequestRule]) -> Vec<(String, String)> {
        let compiled = CompiledRules::new("r", rules).expect("compiles");
        let mut out = Vec::new();
        compiled.apply(&client(), &mut out);
        out.into_iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or_default().to_string()))
            .collect()
    }

    fn pair(name: &str, value: &str) -> (String, String) {
        (name.to_string(), value.to_string())
    }

    #[test]
    fn rules_propagate_rename_insert_and_remove_in_order() {
        let rules = [
            RequestRule::propagate("authorization"),
            RequestRule {
                propagate: Some(Propagate {
                    matching: Some("^x-tenant-".into()),
                    ..Propagate::default()
                }),
                ..RequestRule::default()
            },
            RequestRule {
                propagate: Some(Propagate {
                    named: Some("X-Client".into()),
                    rename: Some("x-caller".into()),
                    ..Propagate::default()
                }),
                ..RequestRule::default()
            },
            RequestRule {
                propagate: Some(Propagate {
                    named: Some("x-absent".into()),
                    default: Some("none".into()),
                    ..Propagate::default()
                }),
                ..RequestRule::default()
            },
            RequestRule {
                insert: Some(Insert {
                    name: "x-tenant-id".into(),
                    value: "fixed".into(),
                }),
                ..RequestRule::default()
            },
            RequestRule {
                remove: Some(HeaderMatch {
                    named: None,
                    matching: Some("region$".into()),
                }),
                ..RequestRule::default()
            },
        ];
        assert_eq!(
            apply(&rules),
            vec![
                pair("authorization", "Bearer t"),
                pair("x-caller", "web"),
                pair("x-absent", "none"),
                pair("x-tenant-id", "fixed"),
            ]
        );
    }

    #[test]
    fn a_regular_expression_never_copies_a_header_the_transport_sets() {
        let rules = [RequestRule {
            propagate: Some(Propagate {
                matching: Some(".*".into()),
                ..Propagate::default()
            }),
            ..RequestRule::default()
        }];
        let names: Vec<String> = apply(&rules).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "authorization",
                "x-tenant-id",
                "x-tenant-region",
                "x-client"
            ]
        );
    }

    #[test]
    fn bad_rules_are_refused_with_their_place() {
        let refused = |rule: RequestRule| {
            CompiledRules::new("headers.all.request", &[RequestRule::default(), rule])
                .err()
                .map(|(key, message)| format!("{key}: {message}"))
        };
        assert_eq!(
            refused(RequestRule::propagate("content-length")),
            Some(
                "headers.all.request[0]: a rule is exactly one of `propagate`, `insert` and `remove`"
                    .into()
            )
        );
        let only = |rule: RequestRule| {
            CompiledRules::new("k", &[rule])
                .err()
                .map(|(key, message)| format!("{key}: {message}"))
        };
        assert_eq!(
            only(RequestRule::propagate("content-length")),
            Some(
                "k[0]: `content-length` is set by the gateway for each subgraph request: no rule may send it"
                    .into()
            )
        );
        assert_eq!(
            only(RequestRule {
                remove: Some(HeaderMatch {
                    named: None,
                    matching: Some("(".into()),
                }),
                ..RequestRule::default()
            })
            .map(|m| m.starts_with("k[0]: `(` is not a regular expression")),
            Some(true)
        );
        assert_eq!(
            only(RequestRule {
                insert: Some(Insert {
                    name: "bad name".into(),
                    value: "v".into(),
                }),
                ..RequestRule::default()
            }),
            Some("k[0]: `bad name` is not a header name".into())
        );
    }
}
