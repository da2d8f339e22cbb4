//! Subgraph answers read straight into [`Data`]: serde_json's parser drives a visitor that
//! builds the tree, with no `serde_json::Value` in between.
//!
//! The visitors are used with serde_json's parser of JSON text only (through seeds, not a
//! `Deserialize` impl any deserializer could drive): that parser lends a string borrowed from
//! the input only when the string holds no escape sequence, which is what lets [`Str::clean`]
//! mark it as needing none on output. Another deserializer may lend decoded strings.

use super::{Data, Object, Str};
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::{Number, Value};
use std::fmt;

/// A subgraph's GraphQL response: `data` as a tree, `errors` as sent (rare and small, read by
/// [`crate::error::GraphqlError::from_subgraph_json`]); anything else is skipped.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// `Some(Data::Null)` for `"data": null`, `None` when the key is absent.
    pub data: Option<Data>,
    pub errors: Option<Value>,
}

impl Answer {
    /// Whether the JSON looked like a GraphQL response at all (`data` or `errors` present).
    pub fn is_graphql(&self) -> bool {
        self.data.is_some() || self.errors.is_some()
    }

    /// The errors, when `errors` is a list.
    pub fn take_errors(&mut self) -> Vec<Value> {
        match self.errors.take() {
            Some(Value::Array(errors)) => errors,
            _ => Vec::new(),
        }
    }
}

/// Parses a subgraph's answer. `Ok(None)`: valid JSON that is not an object.
pub fn answer(bytes: &[u8]) -> Result<Option<Answer>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let top = Top::deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(match top {
        Top::Response(answer) => Some(answer),
        Top::Other => None,
    })
}

/// Parses any JSON text into a tree.
pub fn data(bytes: &[u8]) -> Result<Data, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let data = ValueSeed.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(data)
}

enum Top {
    Response(Answer),
    Other,
}

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GraphQL response")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        let mut answer = Answer {
            data: None,
            errors: None,
        };
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key.as_bytes() {
                b"data" => answer.data = Some(map.next_value_seed(ValueSeed)?),
                b"errors" => answer.errors = Some(map.next_value::<Value>()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Top::Response(answer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Top, E> {
        Ok(Top::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Top, E> {
        Ok(Top::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Top, E> {
        Ok(Top::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Top, E> {
        Ok(Top::Other)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Top, E> {
        Ok(Top::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Top, E> {
        Ok(Top::Other)
    }
}

/// One JSON value of the text being parsed.
#[derive(Clone, Copy)]
struct ValueSeed;

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Data;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Data, D::Error> {
        deserializer.deserialize_any(DataVisitor)
    }
}

/// An object key of the text being parsed.
#[derive(Clone, Copy)]
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Str;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Str, D::Error> {
        deserializer.deserialize_str(StrVisitor)
    }
}

struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Str;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Str, E> {
        Ok(Str::new(text))
    }

    /// Borrowed from the JSON text: it held no escape sequence (see the module's note).
    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Str, E> {
        Ok(Str::clean(text))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Str, E> {
        Ok(Str::from(text))
    }
}

struct DataVisitor;

impl<'de> Visitor<'de> for DataVisitor {
    type Value = Data;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Data, E> {
        Ok(Data::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Data, E> {
        Ok(Data::Number(value.into()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Data, E> {
        Ok(Data::Number(value.into()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Data, E> {
        Ok(Number::from_f64(value).map_or(Data::Null, Data::Number))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Data, E> {
        Ok(Data::String(Str::new(value)))
    }

    /// Borrowed from the JSON text: it held no escape sequence (see the module's note).
    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Data, E> {
        Ok(Data::String(Str::clean(value)))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Data, E> {
        Ok(Data::String(Str::from(value)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Data, E> {
        Ok(Data::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Data, E> {
        Ok(Data::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Data, D::Error> {
        ValueSeed.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Data, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(ValueSeed)? {
            items.push(item);
        }
        Ok(Data::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Data, A::Error> {
        let mut object = Object::with_capacity(map.size_hint().unwrap_or(4).min(64));
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = map.next_value_seed(ValueSeed)?;
            object.push(key, value);
        }
        Ok(Data::Object(object))
    }
}
