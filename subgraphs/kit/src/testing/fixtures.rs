//! Fixture folders of whole responses: each case a `NAME.graphql` file (who runs it, the
//! variables, the operation) and the whole response expected in `NAME.json`, so a new case
//! is two new files; every difference in a folder is reported together. Run the tests with
//! `UPDATE_EXPECTED=1` to write missing or changed expectations instead, then read the
//! diff before committing it.

use std::path::{Path, PathBuf};

use async_graphql::Executor;
use serde_json::Value;

use super::{execute, sorted};
use crate::auth::Caller;

/// Set (to anything) to write the expectation files instead of comparing with them.
pub const UPDATE_ENV: &str = "UPDATE_EXPECTED";

/// A crate's fixture folder of one suite: `<manifest_dir>/tests/fixtures/<suite>` (pass
/// `env!("CARGO_MANIFEST_DIR")`).
pub fn fixture_dir(manifest_dir: &str, suite: &str) -> PathBuf {
    Path::new(manifest_dir)
        .join("tests")
        .join("fixtures")
        .join(suite)
}

/// Runs every case of the folder `dir` on `schema`. A case is `NAME.graphql`: header lines
/// `# caller: anonymous` or `# caller: SUBJECT SCOPE...` (required; several `# caller:`
/// lines run the case once for each, and each must get the same response) and optionally
/// `# variables: {JSON}`, then the operation, sent without the header (so error locations
/// count from its first line); its whole response is expected in `NAME.json`. Panics
/// naming every case that differs or cannot run, and every `.json` file without its case;
/// a folder without cases fails.
pub async fn assert_fixture_folder<E: Executor>(schema: &E, dir: &Path) {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(err) => panic!("cannot read the fixture folder {}: {err}", dir.display()),
    };
    names.sort();
    let cases: Vec<&str> = names
        .iter()
        .filter_map(|name| name.strip_suffix(".graphql"))
        .collect();
    assert!(!cases.is_empty(), "{} holds no case", dir.display());
    let mut failures: Vec<String> = names
        .iter()
        .filter_map(|name| name.strip_suffix(".json"))
        .filter(|stem| !cases.contains(stem))
        .map(|stem| format!("{} has no {stem}.graphql", dir.display()))
        .collect();
    for case in &cases {
        let path = dir.join(format!("{case}.graphql"));
        let outcome = match std::fs::read_to_string(&path) {
            Ok(text) => match FixtureCase::parse(&text) {
                Ok(fixture) => {
                    let mut responses = Vec::new();
                    for caller in fixture.callers {
                        let variables = fixture.variables.clone();
                        responses.push(execute(schema, caller, fixture.operation, variables).await);
                    }
                    let first = responses.first().cloned().unwrap_or_default();
                    match responses
                        .iter()
                        .position(|r| sorted(r.clone()) != sorted(first.clone()))
                    {
                        Some(other) => Err(format!(
                            "{}: caller {} of {} is answered otherwise than the first:\n{}",
                            path.display(),
                            other + 1,
                            responses.len(),
                            responses[other]
                        )),
                        None => check_expected(&dir.join(format!("{case}.json")), &first),
                    }
                }
                Err(err) => Err(format!("{}: {err}", path.display())),
            },
            Err(err) => Err(format!("cannot read {}: {err}", path.display())),
        };
        failures.extend(outcome.err());
    }
    assert!(
        failures.is_empty(),
        "{} of the {} cases in {} failed:\n\n{}",
        failures.len(),
        cases.len(),
        dir.display(),
        failures.join("\n\n")
    );
}

/// A case file read: who runs it (one or more callers), with what, and the operation
/// without its header.
struct FixtureCase<'a> {
    callers: Vec<Caller>,
    variables: Value,
    operation: &'a str,
}

impl<'a> FixtureCase<'a> {
    fn parse(text: &'a str) -> Result<Self, String> {
        let mut callers = Vec::new();
        let mut variables = serde_json::json!({});
        let mut operation = text;
        while let Some(line) = operation.strip_prefix('#') {
            let (header, rest) = line.split_once('\n').unwrap_or((line, ""));
            operation = rest;
            match header.trim().split_once(':') {
                Some(("caller", who)) => callers.push(parse_caller(who)),
                Some(("variables", json)) => {
                    variables = serde_json::from_str(json)
                        .map_err(|e| format!("the variables are not JSON: {e}"))?;
                }
                _ => return Err(format!("unknown header line `#{header}`")),
            }
        }
        if callers.is_empty() {
            return Err("no `# caller:` line".to_string());
        }
        Ok(Self {
            callers,
            variables,
            operation,
        })
    }
}

/// `anonymous`, or a subject followed by its scopes: `officer-1 science:personal`.
fn parse_caller(who: &str) -> Caller {
    let mut words = who.split_whitespace();
    match words.next() {
        None | Some("anonymous") => Caller::anonymous(),
        Some(subject) => Caller::new(subject, &words.collect::<Vec<_>>()),
    }
}

/// `Ok` when the file at `path` holds `actual` (in [`sorted`] form: objects whatever their
/// key order, lists in order, except the top-level errors, which async-graphql emits in
/// the order their resolvers finish), or when it has just been written under
/// [`UPDATE_ENV`]; otherwise where the two first differ, and both whole values.
fn check_expected(path: &Path, actual: &Value) -> Result<(), String> {
    let expected = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok());
    if expected.as_ref().map(|e| sorted(e.clone())) == Some(sorted(actual.clone())) {
        return Ok(());
    }
    let pretty = |value: &Value| {
        serde_json::to_string_pretty(&sorted(value.clone())).unwrap_or_else(|e| e.to_string())
    };
    if std::env::var_os(UPDATE_ENV).is_some() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        return std::fs::write(path, pretty(actual) + "\n")
            .map_err(|e| format!("cannot write {}: {e}", path.display()));
    }
    let Some(expected) = expected else {
        return Err(format!(
            "{} is missing or not JSON (run with {UPDATE_ENV}=1 to write it); the response:\n{}",
            path.display(),
            pretty(actual)
        ));
    };
    Err(format!(
        "{} differs at {}\n--- expected\n{}\n--- actual\n{}",
        path.display(),
        first_difference(
            &sorted(expected.clone()),
            &sorted(actual.clone()),
            String::new()
        )
        .unwrap_or_default(),
        pretty(&expected),
        pretty(actual)
    ))
}

/// The JSON pointer of the first place `a` and `b` differ, if they do.
fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
            keys.into_iter()
                .find_map(|key| match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => first_difference(x, y, format!("{at}/{key}")),
                    _ => Some(format!("{at}/{key}")),
                })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (x, y))| first_difference(x, y, format!("{at}/{i}"))),
        _ if a == b => None,
        _ => Some(if at.is_empty() { "/".to_string() } else { at }),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_first_difference_is_named_by_its_pointer() {
        let expected = json!({"data": {"items": [{"id": 1}, {"id": 2}], "total": 2}});
        assert_eq!(first_difference(&expected, &expected, String::new()), None);
        let actual = json!({"data": {"items": [{"id": 1}, {"id": 3}], "total": 2}});
        assert_eq!(
            first_difference(&expected, &actual, String::new()).as_deref(),
            Some("/data/items/1/id")
        );
        let longer = json!({"data": {"items": [{"id": 1}], "total": 2}});
        assert_eq!(
            first_difference(&expected, &longer, String::new()).as_deref(),
            Some("/data/items")
        );
        assert_eq!(
            first_difference(&json!({"a": 1}), &json!({"a": 1, "b": 2}), String::new()).as_deref(),
            Some("/b")
        );
    }

    #[test]
    fn a_case_file_names_its_caller_and_variables_before_the_operation() {
        let text = "# caller: officer-1 x:personal x:sensitive\n# variables: {\"limit\": 2}\n{ units(limit: $limit) { id } }\n";
        let case = FixtureCase::parse(text).expect("the case parses");
        assert_eq!(
            case.callers,
            vec![Caller::new("officer-1", &["x:personal", "x:sensitive"])]
        );
        assert_eq!(case.variables, json!({"limit": 2}));
        assert_eq!(case.operation, "{ units(limit: $limit) { id } }\n");
        let anonymous = FixtureCase::parse("# caller: anonymous\n{ units { id } }");
        assert_eq!(anonymous.map(|c| c.callers), Ok(vec![Caller::anonymous()]));
        let several =
            FixtureCase::parse("# caller: anonymous\n# caller: clerk-7\n{ units { id } }");
        assert_eq!(
            several.map(|c| c.callers),
            Ok(vec![Caller::anonymous(), Caller::new("clerk-7", &[])])
        );
        let errors = [
            ("{ units { id } }", "no `# caller:` line"),
            (
                "# as: officer\n{ units { id } }",
                "unknown header line `# as: officer`",
            ),
        ];
        for (text, error) in errors {
            assert_eq!(FixtureCase::parse(text).err().as_deref(), Some(error));
        }
    }
}
