//! Strings of the response tree, inline up to 22 bytes, and marked when known to need no
//! escaping in JSON.

use std::fmt;

const INLINE: usize = 22;

/// The bit of an inline string's length byte that marks it as escape-free (lengths fit in 5).
const CLEAN: u8 = 0x80;

/// A string stored in place when short (keys, ids, most names), on the heap otherwise: 24
/// bytes either way.
///
/// A string read from JSON without an escape sequence cannot hold a character JSON must
/// escape (`"`, `\` and control characters may appear in JSON text only escaped), so the
/// parser marks it *clean* and [`super::write`] copies it without scanning: most of a
/// response's strings are written that way.
#[derive(Clone)]
pub enum Str {
    /// The length, with [`CLEAN`] set when escape-free, and the bytes.
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
    /// A heap string known to be escape-free.
    CleanHeap(Box<str>),
}

impl Str {
    pub fn new(text: &str) -> Self {
        Self::with_mark(text, false)
    }

    /// A string the caller knows needs no escaping in JSON: it came from JSON text without an
    /// escape sequence. (Marking a string that does need escaping would write invalid JSON.)
    pub(crate) fn clean(text: &str) -> Self {
        Self::with_mark(text, true)
    }

    fn with_mark(text: &str, clean: bool) -> Self {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            // The length fits: INLINE < 128.
            Self::Inline(text.len() as u8 | if clean { CLEAN } else { 0 }, bytes)
        } else if clean {
            Self::CleanHeap(text.into())
        } else {
            Self::Heap(text.into())
        }
    }

    /// Whether the string is known to need no escaping in JSON.
    pub(crate) fn is_clean(&self) -> bool {
        match self {
            Self::Inline(len, _) => len & CLEAN != 0,
            Self::Heap(_) => false,
            Self::CleanHeap(_) => true,
        }
    }

    /// The UTF-8 bytes (always valid: built from a `&str`); comparisons use these.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Inline(len, bytes) => &bytes[..usize::from(len & !CLEAN)],
            Self::Heap(text) | Self::CleanHeap(text) => text.as_bytes(),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Copied from a `&str` at a char boundary, so the check cannot fail.
            Self::Inline(len, bytes) => {
                std::str::from_utf8(&bytes[..usize::from(len & !CLEAN)]).unwrap_or_default()
            }
            Self::Heap(text) | Self::CleanHeap(text) => text,
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
        same_bytes(self.as_bytes(), other.as_bytes())
    }
}

impl Eq for Str {}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        same_bytes(self.as_bytes(), other.as_bytes())
    }
}

/// Whether two byte strings are equal, those up to 16 bytes compared in registers: keys and
/// most ids are that short, and for them a call to `memcmp` (what slice equality makes) costs
/// more than the comparison; such calls were about 5 % of the gateway's CPU under the deep
/// benchmark query, mostly looking up keys.
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    // Two reads that overlap in the middle cover every byte.
    match len {
        0 => true,
        1..=3 => a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1],
        4..=7 => word32(a, 0) == word32(b, 0) && word32(a, len - 4) == word32(b, len - 4),
        8..=16 => word64(a, 0) == word64(b, 0) && word64(a, len - 8) == word64(b, len - 8),
        _ => a == b,
    }
}

#[inline]
fn word32(bytes: &[u8], at: usize) -> u32 {
    <[u8; 4]>::try_from(&bytes[at..at + 4]).map_or(0, u32::from_ne_bytes)
}

#[inline]
fn word64(bytes: &[u8], at: usize) -> u64 {
    <[u8; 8]>::try_from(&bytes[at..at + 8]).map_or(0, u64::from_ne_bytes)
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

#[cfg(test)]
mod tests {
    use super::same_bytes;

    #[test]
    fn short_and_long_byte_strings_are_equal_exactly_when_every_byte_is() {
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789";
        for len in 0..=text.len() {
            let a = &text[..len];
            let copy = a.to_vec();
            assert!(same_bytes(a, &copy), "{len} bytes equal to a copy");
            for at in 0..len {
                let mut changed = a.to_vec();
                changed[at] ^= 0x20;
                assert!(!same_bytes(a, &changed), "{len} bytes, byte {at} changed");
            }
            assert!(!same_bytes(a, &text[..len.saturating_sub(1)]) || len == 0);
        }
    }
}
