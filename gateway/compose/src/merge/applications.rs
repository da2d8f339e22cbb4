//! Merging the applications of carried directives on one element: the most
//! common wins for non-repeatable ones, all distinct ones are kept for repeatable
//! ones, and access-control requirements are combined by conjunction.

use super::directives::{ACCESS_CONTROL, Carried};
use crate::subgraph::Subgraph;
use crate::supergraph::model::{Applied, print_value, string_literal};
use apollo_compiler::ast;
use indexmap::IndexMap;

impl MergedDirectives {
    pub(crate) fn is_inaccessible(&self) -> bool {
        self.inaccessible.is_some()
    }
}

/// The merged applications of carried directives on one element.
#[derive(Debug, Default)]
pub(crate) struct MergedDirectives {
    pub inaccessible: Option<Applied>,
    /// Access-control directives, when the caller keeps them apart (fields, interfaces).
    pub access: Vec<Applied>,
    pub others: Vec<Applied>,
}

/// Merges the carried directive applications of one element's sources.
pub(crate) fn merge_applications(
    carried: &Carried,
    sources: &[(&Subgraph, Vec<&ast::Directive>)],
    split_access: bool,
) -> MergedDirectives {
    // supergraph name -> applications (printed args), in order of first appearance.
    let mut by_name: IndexMap<String, Vec<Vec<(String, String)>>> = IndexMap::new();
    for (sg, directives) in sources {
        for d in directives {
            let Some(name) = carried.supergraph_name(sg, &d.name) else {
                continue;
            };
            let is_context = carried.canonical_of(&name) == Some("context");
            let args: Vec<(String, String)> = d
                .arguments
                .iter()
                .map(|a| match a.value.as_str() {
                    // Context names are per subgraph: Apollo prefixes them with its name.
                    Some(context) if is_context && a.name == "name" => (
                        a.name.to_string(),
                        string_literal(&format!("{}__{context}", sg.name)),
                    ),
                    _ => (a.name.to_string(), print_value(&a.value)),
                })
                .collect();
            by_name.entry(name).or_default().push(args);
        }
    }
    let mut out = MergedDirectives::default();
    for (name, applications) in by_name {
        let canonical = carried.canonical_of(&name);
        let merged = merge_one(carried, &name, canonical, applications);
        if canonical == Some("inaccessible") {
            out.inaccessible = merged.into_iter().next();
        } else if split_access && canonical.is_some_and(|c| ACCESS_CONTROL.contains(&c)) {
            out.access.extend(merged);
        } else {
            out.others.extend(merged);
        }
    }
    if split_access {
        // Apollo merges access control in spec order, not appearance order.
        out.access.sort_by_key(|a| {
            carried
                .names
                .get_index_of(carried.canonical_of(&a.name).unwrap_or(""))
                .unwrap_or(usize::MAX)
        });
    }
    out
}

fn merge_one(
    carried: &Carried,
    name: &str,
    canonical: Option<&str>,
    applications: Vec<Vec<(String, String)>>,
) -> Vec<Applied> {
    let same = |a: &Vec<(String, String)>, b: &Vec<(String, String)>| {
        let mut a = a.clone();
        let mut b = b.clone();
        a.sort();
        b.sort();
        a == b
    };
    let mut distinct: Vec<(Vec<(String, String)>, usize)> = Vec::new();
    for app in applications {
        match distinct.iter_mut().find(|(d, _)| same(d, &app)) {
            Some((_, count)) => *count += 1,
            None => distinct.push((app, 1)),
        }
    }
    let to_applied = |args: Vec<(String, String)>| Applied {
        name: name.to_string(),
        args,
    };
    if carried.is_repeatable(name) {
        return distinct
            .into_iter()
            .map(|(args, _)| to_applied(args))
            .collect();
    }
    if distinct.len() > 1
        && let Some(arg) = match canonical {
            Some("requiresScopes") => Some("scopes"),
            Some("policy") => Some("policies"),
            _ => None,
        }
    {
        let lists: Vec<Vec<Vec<String>>> = distinct
            .iter()
            .filter_map(|(args, _)| {
                args.iter()
                    .find(|(n, _)| n == arg)
                    .map(|(_, v)| parse_nested_list(v))
            })
            .collect();
        let merged = dnf_conjunction(&lists);
        return vec![to_applied(vec![(
            arg.to_string(),
            print_nested_list(&merged),
        )])];
    }
    // Non-repeatable: the most common application wins (the first on a tie).
    let mut best = 0;
    for (i, (_, count)) in distinct.iter().enumerate() {
        if *count > distinct[best].1 {
            best = i;
        }
    }
    distinct
        .into_iter()
        .nth(best)
        .map(|(args, _)| vec![to_applied(args)])
        .unwrap_or_default()
}

/// `[["a", "b"], ["c"]]` printed form back into lists.
fn parse_nested_list(printed: &str) -> Vec<Vec<String>> {
    let Ok(value) = serde_json::from_str::<Vec<Vec<String>>>(printed) else {
        return Vec::new();
    };
    value
}

fn print_nested_list(lists: &[Vec<String>]) -> String {
    let inner: Vec<String> = lists
        .iter()
        .map(|l| {
            format!(
                "[{}]",
                l.iter()
                    .map(|s| string_literal(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    format!("[{}]", inner.join(", "))
}

/// The conjunction of requirements in disjunctive normal form: every clause of
/// the result takes one clause of each input.
pub(crate) fn dnf_conjunction(values: &[Vec<Vec<String>>]) -> Vec<Vec<String>> {
    let mut result: Vec<Vec<String>> = vec![Vec::new()];
    for value in values {
        let mut next = Vec::new();
        for left in &result {
            for right in value {
                let mut clause = left.clone();
                for item in right {
                    if !clause.contains(item) {
                        clause.push(item.clone());
                    }
                }
                clause.sort();
                if !next.contains(&clause) {
                    next.push(clause);
                }
            }
        }
        result = next;
    }
    // A clause that contains another clause adds nothing.
    let snapshot = result.clone();
    result.retain(|c| {
        !snapshot
            .iter()
            .any(|o| o != c && o.iter().all(|x| c.contains(x)))
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conjunction_combines_clauses() {
        let a = vec![vec!["read".to_string()], vec!["admin".to_string()]];
        let b = vec![vec!["pii".to_string()]];
        assert_eq!(
            dnf_conjunction(&[a, b]),
            vec![
                vec!["pii".to_string(), "read".to_string()],
                vec!["admin".to_string(), "pii".to_string()]
            ]
        );
    }
}
