//! Conversions at the edges: variables, introspection answers and tests speak
//! `serde_json::Value`.

use super::{Data, Object, Str};
use serde_json::{Map, Value};

impl From<Value> for Data {
    fn from(value: Value) -> Self {
        match value {
            Value::Null => Data::Null,
            Value::Bool(b) => Data::Bool(b),
            Value::Number(n) => Data::Number(n),
            Value::String(s) => Data::String(Str::from(s)),
            Value::Array(items) => Data::List(items.into_iter().map(Data::from).collect()),
            Value::Object(map) => Data::Object(Object::from(map)),
        }
    }
}

impl From<Map<String, Value>> for Object {
    fn from(map: Map<String, Value>) -> Self {
        let mut object = Object::with_capacity(map.len());
        for (key, value) in map {
            object.push(Str::from(key), Data::from(value));
        }
        object
    }
}

impl Data {
    /// The same value as `serde_json::Value`.
    pub fn to_json(&self) -> Value {
        match self {
            Data::Null => Value::Null,
            Data::Bool(b) => Value::Bool(*b),
            Data::Number(n) => Value::Number(n.clone()),
            Data::String(s) => Value::String(s.as_str().to_string()),
            Data::List(items) => Value::Array(items.iter().map(Data::to_json).collect()),
            Data::Object(object) => Value::Object(object.to_json()),
        }
    }
}

impl Object {
    /// The same object as a `serde_json::Map`.
    pub fn to_json(&self) -> Map<String, Value> {
        self.iter()
            .map(|(key, value)| (key.as_str().to_string(), value.to_json()))
            .collect()
    }
}
