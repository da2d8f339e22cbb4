//! Strings of the response tree, inline up to 22 bytes.

use std::fmt;

const INLINE: usize = 22;

/// A string stored in place when short (keys, ids, most names), on the heap otherwise: 24
/// bytes either way.
#[derive(Clone)]
pub enum Str {
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

impl Str {
    pub fn new(text: &str) -> Self {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            // The length fits: INLINE < 256.
            Self::Inline(text.len() as u8, bytes)
        } else {
            Self::Heap(text.into())
        }
    }

    /// The UTF-8 bytes (always valid: built from a `&str`); comparisons use these.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Inline(len, bytes) => &bytes[..usize::from(*len)],
            Self::Heap(text) => text.as_bytes(),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Copied from a `&str` at a char boundary, so the check cannot fail.
            Self::Inline(len, bytes) => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Self::Heap(text) => text,
        }
    }
}

impl From<&str> for Str {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for Str {
    fn from(text: String) -> Self {
        if text.len() <= INLINE {
            Self::new(&text)
        } else {
            Self::Heap(text.into_boxed_str())
        }
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Str {}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Str;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Str, E> {
                Ok(Str::new(text))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Str, E> {
                Ok(Str::from(text))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}
