//! The reference's answer and how it accepts the gateway's.

use serde_json::{Value, json};

/// An answer the gateway's `data` is compared with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Answer {
    Null,
    Leaf(Value),
    /// Subgraphs that may each serve the field disagree: any of these is right.
    OneOf(Vec<Value>),
    List(Vec<Answer>),
    Object(Vec<(String, Answer)>),
    /// Mock data that differs by the way a plan reaches an object: any of these is right.
    AnyOf(Vec<Answer>),
}

impl Answer {
    /// Whether the gateway's value is this answer.
    pub(crate) fn accepts(&self, value: &Value) -> bool {
        match (self, value) {
            (Answer::Null, Value::Null) => true,
            (Answer::Leaf(v), other) => v == other,
            (Answer::OneOf(vs), other) => vs.contains(other),
            (Answer::AnyOf(answers), other) => answers.iter().any(|a| a.accepts(other)),
            (Answer::List(items), Value::Array(values)) => {
                items.len() == values.len() && items.iter().zip(values).all(|(a, v)| a.accepts(v))
            }
            (Answer::Object(fields), Value::Object(map)) => {
                fields.len() == map.len()
                    && fields
                        .iter()
                        .all(|(k, a)| map.get(k).is_some_and(|v| a.accepts(v)))
            }
            _ => false,
        }
    }

    /// As JSON, a disagreement shown as `{"oneOf": [...]}`.
    pub(crate) fn to_json(&self) -> Value {
        match self {
            Answer::Null => Value::Null,
            Answer::Leaf(v) => v.clone(),
            Answer::OneOf(vs) => json!({ "oneOf": vs }),
            Answer::AnyOf(answers) => {
                json!({ "anyOf": answers.iter().map(Answer::to_json).collect::<Vec<_>>() })
            }
            Answer::List(items) => Value::Array(items.iter().map(Answer::to_json).collect()),
            Answer::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, a)| (k.clone(), a.to_json()))
                    .collect(),
            ),
        }
    }
}
