//! Subgraph answers read straight into [`Data`] by a parser written for this tree.
//!
//! It replaces a serde visitor over serde_json's parser (about 12 % of the gateway's CPU on
//! the deep benchmark query): strings without escapes are found by the same eight-byte scan
//! the writer uses and copied once into a [`Str`]; each object's fields and each list's items
//! are gathered on a stack shared by the whole answer and moved into a vector of exactly their
//! size when the container closes, one allocation each instead of a vector grown by doubling.
//! What it accepts and what it builds are serde_json's: numbers other than 64-bit integers
//! (fractions, exponents, `-0`, integers past 64 bits) are read by serde_json itself, nesting
//! deeper than serde_json allows is refused the same way, and the tests compare both parsers
//! over generated valid and broken texts.

use super::write::next_escape;
use super::{Data, Object, Str};
use serde_json::{Number, Value};
use std::fmt;

/// serde_json's recursion limit: an array or object nested deeper than this is refused (the
/// parser recurses, so the limit also bounds its stack).
const DEPTH_LIMIT: usize = 128;

/// A subgraph's GraphQL response: `data` as a tree, `errors` as sent (rare and small, read by
/// [`crate::error::GraphqlError::from_subgraph_json`]); anything else is skipped.
#[derive(Debug)]
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

/// Why a text is not JSON, and where (1-based line and column of the byte at fault).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    what: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

impl std::error::Error for Error {}

/// Parses a subgraph's answer. `Ok(None)`: valid JSON that is not an object.
pub fn answer(bytes: &[u8]) -> Result<Option<Answer>, Error> {
    let mut parser = Parser::new(bytes);
    parser.skip_whitespace();
    let answer = if parser.peek() == Some(b'{') {
        Some(parser.answer()?)
    } else {
        parser.value()?;
        None
    };
    parser.end()?;
    Ok(answer)
}

/// Parses any JSON text into a tree.
pub fn data(bytes: &[u8]) -> Result<Data, Error> {
    let mut parser = Parser::new(bytes);
    let data = parser.value()?;
    parser.end()?;
    Ok(data)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// Fields of the objects being read, innermost last.
    fields: Vec<(Str, Data)>,
    /// Items of the lists being read, innermost last.
    items: Vec<Data>,
    /// A string with escapes, decoded.
    unescaped: String,
}

impl<'a> Parser<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            at: 0,
            depth: 0,
            fields: Vec::new(),
            items: Vec::new(),
            unescaped: String::new(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Only whitespace may follow the value.
    fn end(&mut self) -> Result<(), Error> {
        self.skip_whitespace();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("trailing characters")),
        }
    }

    fn error(&self, what: &'static str) -> Error {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Error {
            what,
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: self.at - line_start + 1,
        }
    }

    fn value(&mut self) -> Result<Data, Error> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.list(),
            Some(b'"') => self.string().map(Data::String),
            Some(b't') => self.word(b"true", Data::Bool(true)),
            Some(b'f') => self.word(b"false", Data::Bool(false)),
            Some(b'n') => self.word(b"null", Data::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Data::Number),
            Some(_) => Err(self.error("expected value")),
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    fn word(&mut self, word: &[u8], value: Data) -> Result<Data, Error> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    /// Steps into a list or object at its opening bracket.
    fn enter(&mut self) -> Result<(), Error> {
        // serde_json counts down from the limit and refuses the container that reaches 0.
        if self.depth + 1 >= DEPTH_LIMIT {
            return Err(self.error("recursion limit exceeded"));
        }
        self.depth += 1;
        self.at += 1;
        Ok(())
    }

    /// After a member: `true` at the closing `close`, `false` after a comma.
    fn after_member(&mut self, close: u8, what: &'static str) -> Result<bool, Error> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(byte) if byte == close => {
                self.at += 1;
                self.depth -= 1;
                Ok(true)
            }
            Some(_) => Err(self.error(what)),
            None => Err(self.error("EOF while parsing a list or object")),
        }
    }

    /// Reads `"key":` and leaves the parser at the value.
    fn key(&mut self) -> Result<Str, Error> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'"') => {}
            Some(_) => return Err(self.error("key must be a string")),
            None => return Err(self.error("EOF while parsing an object")),
        }
        let key = self.string()?;
        self.skip_whitespace();
        match self.peek() {
            Some(b':') => {
                self.at += 1;
                Ok(key)
            }
            Some(_) => Err(self.error("expected `:`")),
            None => Err(self.error("EOF while parsing an object")),
        }
    }

    /// Whether the container just entered closes at once (`{}`, `[]`).
    fn closes_at_once(&mut self, close: u8) -> bool {
        self.skip_whitespace();
        if self.peek() == Some(close) {
            self.at += 1;
            self.depth -= 1;
            true
        } else {
            false
        }
    }

    fn object(&mut self) -> Result<Data, Error> {
        self.enter()?;
        let base = self.fields.len();
        if !self.closes_at_once(b'}') {
            loop {
                let key = self.key()?;
                let value = self.value()?;
                self.fields.push((key, value));
                if self.after_member(b'}', "expected `,` or `}`")? {
                    break;
                }
            }
        }
        Ok(Data::Object(Object::from_fields(
            self.fields.drain(base..).collect(),
        )))
    }

    fn list(&mut self) -> Result<Data, Error> {
        self.enter()?;
        let base = self.items.len();
        if !self.closes_at_once(b']') {
            loop {
                let item = self.value()?;
                self.items.push(item);
                if self.after_member(b']', "expected `,` or `]`")? {
                    break;
                }
            }
        }
        Ok(Data::List(self.items.drain(base..).collect()))
    }

    /// The top-level object of an answer: `data` read into the tree, `errors` handed to
    /// serde_json, other members checked and dropped.
    fn answer(&mut self) -> Result<Answer, Error> {
        let mut answer = Answer {
            data: None,
            errors: None,
        };
        self.enter()?;
        if self.closes_at_once(b'}') {
            return Ok(answer);
        }
        loop {
            let key = self.key()?;
            match key.as_bytes() {
                b"data" => answer.data = Some(self.value()?),
                b"errors" => {
                    self.skip_whitespace();
                    let start = self.at;
                    self.value()?;
                    let errors = serde_json::from_slice(&self.bytes[start..self.at])
                        .map_err(|_| self.error("errors that serde_json cannot read"))?;
                    answer.errors = Some(errors);
                }
                _ => {
                    self.value()?;
                }
            }
            if self.after_member(b'}', "expected `,` or `}`")? {
                return Ok(answer);
            }
        }
    }

    /// A string at its opening quote.
    fn string(&mut self) -> Result<Str, Error> {
        let bytes = self.bytes;
        let start = self.at + 1;
        let Some(offset) = next_escape(&bytes[start..]) else {
            self.at = bytes.len();
            return Err(self.error("EOF while parsing a string"));
        };
        let end = start + offset;
        self.at = end;
        match bytes[end] {
            b'"' => {
                let text = self.utf8(start, end)?;
                self.at = end + 1;
                Ok(Str::new(text))
            }
            b'\\' => {
                self.unescaped.clear();
                let text = self.utf8(start, end)?;
                self.unescaped.push_str(text);
                self.escaped_rest()?;
                Ok(Str::new(&self.unescaped))
            }
            _ => Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
        }
    }

    /// The bytes `start..end` as text; invalid UTF-8 is refused where it starts.
    fn utf8(&mut self, start: usize, end: usize) -> Result<&'a str, Error> {
        let bytes = self.bytes;
        std::str::from_utf8(&bytes[start..end]).map_err(|error| {
            self.at = start + error.valid_up_to();
            self.error("invalid unicode code point")
        })
    }

    /// Decodes the rest of a string into `unescaped`, from the backslash the parser is at to
    /// past the closing quote.
    fn escaped_rest(&mut self) -> Result<(), Error> {
        let bytes = self.bytes;
        loop {
            // At a backslash.
            self.at += 1;
            let Some(&escape) = bytes.get(self.at) else {
                return Err(self.error("EOF while parsing a string"));
            };
            self.at += 1;
            let decoded = match escape {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.unicode_escape()?,
                _ => {
                    self.at -= 1;
                    return Err(self.error("invalid escape"));
                }
            };
            self.unescaped.push(decoded);
            let start = self.at;
            let Some(offset) = next_escape(&bytes[start..]) else {
                self.at = bytes.len();
                return Err(self.error("EOF while parsing a string"));
            };
            let end = start + offset;
            let text = self.utf8(start, end)?;
            self.unescaped.push_str(text);
            self.at = end;
            match bytes[end] {
                b'"' => {
                    self.at = end + 1;
                    return Ok(());
                }
                b'\\' => {}
                _ => {
                    return Err(
                        self.error("control character (\\u0000-\\u001F) found while parsing a string")
                    );
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (the parser just past the `u`), with the second
    /// half of a surrogate pair when the first calls for one.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.bytes[self.at..].starts_with(b"\\u") {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone trailing surrogate in hex escape")),
            other => u32::from(other),
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u16, Error> {
        let mut code = 0u16;
        for _ in 0..4 {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.error("EOF while parsing a string"));
            };
            let digit = match byte {
                b'0'..=b'9' => byte - b'0',
                b'a'..=b'f' => byte - b'a' + 10,
                b'A'..=b'F' => byte - b'A' + 10,
                _ => return Err(self.error("invalid escape")),
            };
            code = code * 16 + u16::from(digit);
            self.at += 1;
        }
        Ok(code)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    /// A number: 64-bit integers read here, anything else by serde_json (so fractions and
    /// exponents round exactly as before, and `-0` stays a float).
    fn number(&mut self) -> Result<Number, Error> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let integer_start = self.at;
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("invalid number")),
        }
        let integer_end = self.at;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if integer {
            let digits = &self.bytes[integer_start..integer_end];
            let magnitude = digits.iter().try_fold(0u64, |n, &d| {
                n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
            });
            match (negative, magnitude) {
                (false, Some(n)) => return Ok(Number::from(n)),
                (true, Some(n)) if n != 0 && n <= 1 << 63 => {
                    // n = 2^63 wraps to i64::MIN, which is what it means.
                    return Ok(Number::from((n as i64).wrapping_neg()));
                }
                _ => {}
            }
        }
        serde_json::from_slice(&self.bytes[start..self.at]).map_err(|_| {
            self.at = start;
            self.error("number out of range")
        })
    }
}
