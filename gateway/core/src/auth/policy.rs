//! `@policy`: a policy is granted when the token's claims hold every value the settings list.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The configured policies the claims satisfy.
pub(super) fn granted(
    policies: &BTreeMap<String, BTreeMap<String, Value>>,
    claims: &Map<String, Value>,
) -> BTreeSet<String> {
    policies
        .iter()
        .filter(|(_, required)| {
            required
                .iter()
                .all(|(path, expected)| holds(claim(claims, path), expected))
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// `a.b` reads `{"a": {"b": ...}}`; a claim named with a dot wins over the nested path.
fn claim<'a>(claims: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    if let Some(value) = claims.get(path) {
        return Some(value);
    }
    let mut parts = path.split('.');
    let mut value = claims.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

fn holds(actual: Option<&Value>, expected: &Value) -> bool {
    let Some(actual) = actual else { return false };
    match expected {
        Value::Array(all) => all.iter().all(|one| holds(Some(actual), one)),
        Value::String(wanted) => match actual {
            Value::String(text) => text == wanted || text.split_whitespace().any(|w| w == wanted),
            Value::Array(items) => items.iter().any(|item| item.as_str() == Some(wanted)),
            _ => false,
        },
        other => actual == other || actual.as_array().is_some_and(|a| a.contains(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_policy_needs_every_listed_claim_value() {
        let policies: BTreeMap<String, BTreeMap<String, Value>> = serde_json::from_value(json!({
            "caseworker": {"role": "caseworker", "org": "disability"},
            "auditor": {"realm.roles": ["audit", "read"]},
            "verified": {"email_verified": true},
        }))
        .unwrap();
        let claims = json!({
            "role": "clerk caseworker", "org": "disability",
            "realm": {"roles": ["read"]}, "email_verified": true
        });
        let granted = granted(&policies, claims.as_object().unwrap());
        assert_eq!(
            granted,
            ["caseworker".to_string(), "verified".to_string()].into()
        );
    }
}
