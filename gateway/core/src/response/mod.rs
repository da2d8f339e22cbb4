//! The response stage: from the merged subgraph data, exactly what the client asked for.
//!
//! Entry points: [`ShapePlan::new`] compiles the client's selection once per query plan
//! ([`plan`]); [`ShapePlan::shape`] walks it over the merged data ([`walk`]): aliases and
//! `__typename` answered, fragments applied by the object's runtime type (a fragment that does
//! not apply contributes nothing, so an object may be `{}`), internal fields the planner added
//! left out, enum values checked against the API schema, and nulls propagated per the GraphQL
//! spec (a null in a non-null position nulls the nearest nullable parent).
//!
//! The answer is written straight to JSON text rather than built as a tree and serialised
//! after: a null that propagates truncates what was written for the object it nulls.

mod plan;
mod walk;

pub use plan::ShapePlan;

use crate::data::Data;
use crate::error::GraphqlError;
use crate::selection::SelectionSet;
use apollo_compiler::validation::Valid;
use apollo_compiler::{Name, Schema};
use serde_json::value::RawValue;

/// Shapes `data` for the client's `selection` on `root_type` into JSON text; adds errors for
/// what it had to null. The result is `null` when a non-null root field was null. Compiles the
/// selection for this one call: a caller that shapes for the same selection again keeps a
/// [`ShapePlan`] instead.
pub fn shape(
    schema: &Valid<Schema>,
    selection: &SelectionSet,
    root_type: &Name,
    data: &Data,
    errors: &mut Vec<GraphqlError>,
    had_fetch_failure: bool,
) -> Box<RawValue> {
    ShapePlan::new(schema, selection, root_type).shape(data, errors, had_fetch_failure, 16 * 1024)
}

impl ShapePlan {
    /// Shapes `data` into a buffer of `capacity` bytes: a caller that knows about how long the
    /// answer will be (the length of the last answer to the same plan) spares the buffer its
    /// doublings, each a copy of everything written so far.
    pub fn shape(
        &self,
        data: &Data,
        errors: &mut Vec<GraphqlError>,
        had_fetch_failure: bool,
        capacity: usize,
    ) -> Box<RawValue> {
        let mut out = Vec::with_capacity(capacity);
        if walk::write_root(self, data, errors, had_fetch_failure, &mut out).is_err() {
            out.clear();
            out.extend_from_slice(b"null");
        }
        // Written from `&str`s and serde_json's number formatting only, so always UTF-8.
        let text = String::from_utf8(out).unwrap_or_else(|_| "null".to_string());
        verbatim(text)
    }
}

/// serde_json's name for its raw values in the serde data model (`RawValue` serialises and
/// deserialises as a one-field struct of this name).
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// The shaper's JSON text as a `RawValue`, without parsing it again: `RawValue::from_string`
/// validates by parsing the whole text (for the deep benchmark query, 87 KB per request) although
/// the shaper writes only valid JSON. serde_json builds a `Box<RawValue>` from an owned string,
/// unchecked and without a copy, when a deserializer hands it one under its raw-value name,
/// which any deserializer can do: here serde's map deserializer with that one entry. Should a
/// serde_json version stop taking that, the text is still here (it is handed over only when
/// asked for) and `from_string`, the parse, is the fallback, so the answer stays right either
/// way; the test `shaped_text_becomes_a_raw_value_without_a_copy` notices the slower path.
/// Debug builds (every test) still check that the text is JSON.
fn verbatim(text: String) -> Box<RawValue> {
    use serde::Deserialize;
    use serde::de::value::{Error, MapDeserializer};
    debug_assert!(
        serde_json::from_str::<&RawValue>(&text).is_ok_and(|raw| raw.get().len() == text.len()),
        "the shaper wrote text that is not one JSON value: {text}"
    );
    let length = text.len();
    let mut slot = Some(text);
    let entry = std::iter::once((RAW_VALUE_TOKEN, HandOver(&mut slot)));
    let raw = Box::<RawValue>::deserialize(MapDeserializer::<_, Error>::new(entry));
    match (raw, slot) {
        (Ok(raw), None) if raw.get().len() == length => raw,
        (_, Some(text)) => RawValue::from_string(text)
            .unwrap_or_else(|_| RawValue::from_string("null".to_string()).expect("null is JSON")),
        // Taken but not kept as it was: not a serde_json this code knows.
        (_, None) => RawValue::from_string("null".to_string()).expect("null is JSON"),
    }
}

/// A string a deserializer hands over (moved, not copied) only to a visitor that asks for it.
struct HandOver<'a>(&'a mut Option<String>);

impl<'de> serde::de::IntoDeserializer<'de, serde::de::value::Error> for HandOver<'_> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> serde::Deserializer<'de> for HandOver<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.0.take() {
            Some(text) => visitor.visit_string(text),
            None => Err(serde::de::Error::custom("the text was handed over already")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shaped_text_becomes_a_raw_value_without_a_copy() {
        let json = r#"{"a":[1,"x",null,{"b":true}]}"#;
        let mut text = String::with_capacity(json.len());
        text.push_str(json);
        let at = text.as_ptr();
        let raw = verbatim(text);
        assert_eq!((raw.get(), raw.get().as_ptr()), (json, at));
    }
}
