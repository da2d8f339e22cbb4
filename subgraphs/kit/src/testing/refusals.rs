//! Tables of refused operations: each case must answer no data and exactly one error, on
//! the operation's root field, with its `extensions.code` and message. Whether the refusals
//! changed nothing is the test's own check around the table (row counts, figures).

use async_graphql::Executor;
use serde_json::Value;

use super::execute;
use crate::auth::Caller;

/// One refused call: `variables` sent as `caller`, answered with `code` and `message` (or
/// a message starting with it, see [`Refusal::starting_with`]).
pub struct Refusal<'a> {
    pub caller: Caller,
    pub variables: Value,
    pub code: &'a str,
    pub message: &'a str,
    pub message_is_a_prefix: bool,
}

impl<'a> Refusal<'a> {
    pub fn new(caller: Caller, variables: Value, code: &'a str, message: &'a str) -> Self {
        Self {
            caller,
            variables,
            code,
            message,
            message_is_a_prefix: false,
        }
    }

    /// The refusal of a write sent without a signed-in caller (anonymous): `FORBIDDEN`, as
    /// [`crate::subgraph_schema::author`] answers it.
    pub fn unsigned(variables: Value) -> Self {
        Self::new(
            Caller::anonymous(),
            variables,
            "FORBIDDEN",
            "this mutation needs a signed-in caller (a bearer token with `sub`)",
        )
    }

    /// A refusal whose message must start with `message`: for messages that name the
    /// real date (today), which a test cannot know. The rest of the response is whole.
    pub fn starting_with(
        caller: Caller,
        variables: Value,
        code: &'a str,
        message: &'a str,
    ) -> Self {
        Self {
            message_is_a_prefix: true,
            ..Self::new(caller, variables, code, message)
        }
    }
}

/// The variables `{"input": ...}` of `input` with the fields of `changes` replaced: one
/// refused case of a table, the valid input but for what it tests.
pub fn changed_input(mut input: Value, changes: Value) -> Value {
    for (key, value) in changes.as_object().into_iter().flatten() {
        input[key] = value.clone();
    }
    serde_json::json!({ "input": input })
}

/// The whole response of `operation` refused on its root field: `data` null and one error
/// with `code` and `message`, located where the root field (the first name after the first
/// `{`) is written.
pub fn refusal_response(operation: &str, code: &str, message: &str) -> Value {
    let (field, line, column) = root_field(operation);
    serde_json::json!({
        "data": null,
        "errors": [{
            "message": message,
            "locations": [{"line": line, "column": column}],
            "path": [field],
            "extensions": {"code": code}
        }]
    })
}

/// Runs `operation` for every case; each whole response must be [`refusal_response`].
/// Panics naming every case answered otherwise.
pub async fn assert_refusals<'a, E: Executor>(
    schema: &E,
    operation: &str,
    cases: impl IntoIterator<Item = Refusal<'a>>,
) {
    let mut failures = Vec::new();
    let mut total = 0;
    for case in cases {
        total += 1;
        let response = execute(schema, case.caller, operation, case.variables.clone()).await;
        let answered = response
            .pointer("/errors/0/message")
            .and_then(Value::as_str);
        let message = match answered {
            Some(answered) if case.message_is_a_prefix && answered.starts_with(case.message) => {
                answered
            }
            _ => case.message,
        };
        let expected = refusal_response(operation, case.code, message);
        if response != expected {
            failures.push(format!(
                "variables {}\n  expected {expected}\n  answered {response}",
                case.variables
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} refusals were answered otherwise:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// [`assert_refusals`], and that the query `unchanged` (run anonymously: figures, totals)
/// answers the same before and after them: the refused writes changed nothing it shows.
pub async fn assert_refusals_change_nothing<'a, E: Executor>(
    schema: &E,
    operation: &str,
    cases: impl IntoIterator<Item = Refusal<'a>>,
    unchanged: &str,
) {
    let probe = || {
        execute(
            schema,
            Caller::anonymous(),
            unchanged,
            serde_json::json!({}),
        )
    };
    let before = probe().await;
    assert_eq!(before.get("errors"), None, "{before}");
    assert_refusals(schema, operation, cases).await;
    assert_eq!(
        probe().await,
        before,
        "the refusals changed what `unchanged` shows"
    );
}

/// The root field of `operation` and its line and column (from 1, in characters).
fn root_field(operation: &str) -> (&str, usize, usize) {
    let start = operation
        .find('{')
        .map(|brace| {
            brace
                + 1
                + operation[brace + 1..]
                    .find(|c: char| !c.is_whitespace())
                    .unwrap_or(0)
        })
        .unwrap_or(0);
    let rest = &operation[start..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let before = &operation[..start];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |line| line.chars().count())
        + 1;
    (&rest[..end], line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_field_is_found_after_the_first_brace() {
        assert_eq!(root_field("{ units(limit: 0) { id } }"), ("units", 1, 3));
        assert_eq!(
            root_field("mutation($input: AddInput!) {\n    addUnit(input: $input) { id }\n}"),
            ("addUnit", 2, 5)
        );
        assert_eq!(
            root_field("mutation($i: LogInput!)    { logHours(input: $i) { id } }"),
            ("logHours", 1, 30)
        );
    }
}
