//! The executor's response data: subgraph answers parsed once into a compact tree built for
//! merging and shaping, instead of `serde_json::Value` (whose objects are `IndexMap`s hashed
//! with SipHash: about a quarter of the gateway's CPU went to those lookups).
//!
//! - Objects are small vectors of (key, value) searched linearly: a GraphQL object has a
//!   handful of fields, and comparing a few short keys costs less than hashing one.
//! - Keys and strings up to 22 bytes are stored inline ([`Str`]): field names, ids and most
//!   names need no allocation of their own.
//! - [`parse`] reads a subgraph's answer straight into this tree (a serde visitor over
//!   serde_json's parser); [`write`] writes JSON text straight into an output buffer.
//! - Numbers stay `serde_json::Number`, so they are written exactly as before.

mod convert;
mod hash;
mod object;
pub mod parse;
mod text;
pub mod write;

pub use hash::{FastMap, FxHasher};
pub use object::Object;
pub use text::Str;

use serde_json::Number;

/// One JSON value of the response tree.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Data {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(Str),
    List(Vec<Data>),
    Object(Object),
}

impl Data {
    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text.as_str()),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Self::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Self::Object(object) => Some(object),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Object> {
        match self {
            Self::Object(object) => Some(object),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Data]> {
        match self {
            Self::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_list_mut(&mut self) -> Option<&mut Vec<Data>> {
        match self {
            Self::List(items) => Some(items),
            _ => None,
        }
    }

    /// The field `key` of an object; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Data> {
        self.as_object()?.get(key)
    }

    /// An empty object.
    pub fn object() -> Self {
        Self::Object(Object::new())
    }
}

impl std::fmt::Display for Data {
    /// As compact JSON text (for error messages).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = Vec::new();
        write::value(&mut out, self);
        f.write_str(&String::from_utf8_lossy(&out))
    }
}

#[cfg(test)]
mod parse_tests;
#[cfg(test)]
mod tests;
