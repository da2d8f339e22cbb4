//! The tree's parser against serde_json's own `Value`: over generated JSON texts (every kind of
//! value, escapes, surrogate pairs, numbers at the 64-bit edges, random whitespace) both must
//! hold the same values, and over the same texts cut short or with a byte changed both must
//! agree on whether the text is JSON at all. (Written for a hand-made parser that measured
//! slower than the serde visitor it was to replace, see BENCHMARKS.md; they keep guarding the
//! visitor and any parser that comes next.)

use super::{Data, parse, write};
use serde_json::Value;

/// A small deterministic generator (xorshift64*): the cases are the same on every run.
struct Cases(u64);

impl Cases {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn space(&mut self, out: &mut String) {
        if self.below(4) == 0 {
            out.push_str(self.pick(&[" ", "\n", "\t", "\r\n  ", "  "]));
        }
    }

    fn string(&mut self, out: &mut String) {
        out.push('"');
        for _ in 0..self.below(30) {
            out.push_str(self.pick(&[
                "a",
                "Z",
                "0",
                " ",
                "é",
                "成都",
                "\u{1F600}",
                "\\\"",
                "\\\\",
                "\\/",
                "\\b",
                "\\f",
                "\\n",
                "\\r",
                "\\t",
                "\\u0041",
                "\\u00e9",
                "\\u6210",
                "\\ud83d\\ude00",
                "\\u0000",
                "\\u001f",
                "'",
                "long text past the inline size ",
            ]));
        }
        out.push('"');
    }

    fn number(&mut self, out: &mut String) {
        out.push_str(self.pick(&[
            "0",
            "-0",
            "7",
            "-7",
            "42",
            "1234567890",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "123456789012345678901234567890",
            "0.5",
            "-0.0",
            "3.141592653589793",
            "1e10",
            "1E+2",
            "2.5e-3",
            "-1.7976931348623157e308",
            "5e-324",
            "1e-400",
            "0.1",
            "100000000000000000000.5",
        ]));
    }

    fn value(&mut self, out: &mut String, depth: usize) {
        let kinds = if depth > 4 { 5 } else { 7 };
        match self.below(kinds) {
            0 => out.push_str("null"),
            1 => out.push_str(self.pick(&["true", "false"])),
            2 | 3 => self.number(out),
            4 => self.string(out),
            5 => {
                out.push('[');
                for i in 0..self.below(5) {
                    if i > 0 {
                        out.push(',');
                    }
                    self.space(out);
                    self.value(out, depth + 1);
                    self.space(out);
                }
                out.push(']');
            }
            _ => {
                out.push('{');
                for i in 0..self.below(5) {
                    if i > 0 {
                        out.push(',');
                    }
                    self.space(out);
                    // Unique keys: serde_json keeps one of two equal keys, the tree both.
                    out.push_str(&format!(
                        "\"k{i}{}\"",
                        ["", "é", "_long_key_past_inline_size"][i % 3]
                    ));
                    self.space(out);
                    out.push(':');
                    self.space(out);
                    self.value(out, depth + 1);
                }
                out.push('}');
            }
        }
    }
}

fn serde(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice(bytes)
}

#[test]
fn generated_json_parses_as_serde_json_parses_it() {
    let mut cases = Cases(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3_000 {
        let mut text = String::new();
        cases.space(&mut text);
        cases.value(&mut text, 0);
        cases.space(&mut text);
        let theirs = serde(text.as_bytes());
        let ours = parse::data(text.as_bytes());
        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) => {
                // Written back, the tree reads as serde_json writes the same value: strings
                // the parser marked escape-free are copied unscanned, so a wrong mark shows.
                let mut written = Vec::new();
                write::value(&mut written, &ours);
                let expected = serde_json::to_vec(&theirs).expect("serialisable");
                assert_eq!(
                    String::from_utf8_lossy(&written),
                    String::from_utf8_lossy(&expected),
                    "{text}"
                );
                assert_eq!(ours, Data::from(theirs), "{text}");
            }
            (Err(_), Err(_)) => {}
            (ours, theirs) => panic!("{text}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }
}

#[test]
fn broken_json_is_refused_as_serde_json_refuses_it() {
    let mut cases = Cases(0xD1B5_4A32_D192_ED03);
    let replacements: &[&[u8]] = &[
        b"", b"\"", b"\\", b",", b":", b"}", b"]", b"{", b"[", b"x", b"\x01", b"\xff", b"\xc3",
        b"-", b".", b"e", b"0", b"n", b" ", b"\\u", b"\\ud800",
    ];
    let mut checked = 0;
    for _ in 0..3_000 {
        let mut text = String::new();
        cases.value(&mut text, 0);
        let mut bytes = text.into_bytes();
        if bytes.is_empty() {
            continue;
        }
        let at = cases.below(bytes.len());
        match cases.below(3) {
            0 => bytes.truncate(at),
            1 => {
                let with = replacements[cases.below(replacements.len())];
                bytes.splice(at..at + 1, with.iter().copied());
            }
            _ => {
                let with = replacements[cases.below(replacements.len())];
                bytes.splice(at..at, with.iter().copied());
            }
        }
        let theirs = serde(&bytes).is_ok();
        let ours = parse::data(&bytes);
        assert_eq!(
            ours.is_ok(),
            theirs,
            "{:?}: ours {ours:?}",
            String::from_utf8_lossy(&bytes)
        );
        checked += usize::from(!theirs);
    }
    // Most changes break the text; a generator that stopped breaking it would test nothing.
    assert!(checked > 1_000, "only {checked} broken texts");
}

#[test]
fn nesting_is_limited_where_serde_json_limits_it() {
    for depth in [126, 127, 128, 129, 1_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            assert_eq!(
                parse::data(text.as_bytes()).is_ok(),
                serde(text.as_bytes()).is_ok(),
                "{open} × {depth}"
            );
        }
    }
}

#[test]
fn an_answer_reads_data_and_errors_whatever_else_it_holds() {
    let text = br#" { "extensions" : {"cost": [1, 2.5, "x"]}, "errors" : [ {"message":"m\u00e9","path":["a",0]} ], "data" : {"a":[{"b":"\ud83d\ude00"}]} } "#;
    let mut answer = parse::answer(text).expect("JSON").expect("an object");
    assert_eq!(
        answer.data,
        Some(Data::from(serde_json::json!({"a": [{"b": "😀"}]})))
    );
    assert_eq!(
        answer.take_errors(),
        vec![serde_json::json!({"message": "mé", "path": ["a", 0]})]
    );
    for broken in [
        &br#"{"data":{"a":1}"#[..],
        br#"{"data":1,}"#,
        br#"{"errors":[}"#,
        b"{} x",
    ] {
        let error = parse::answer(broken).expect_err("not JSON");
        assert!(error.to_string().contains("at line 1 column"), "{error}");
    }
    let error = parse::answer(b"{\n  \"data\": tru\n}").expect_err("not JSON");
    // serde_json reports where it noticed: the end of the word `tru`.
    assert_eq!(error.to_string(), "expected ident at line 3 column 0");
}

#[test]
fn only_strings_read_without_escape_sequences_are_marked_escape_free() {
    let data = parse::data(br#"{"plain":"ab","long":"a string past the inline size","escaped":"a\"b","unicode":"\u0041"}"#)
        .expect("valid JSON");
    let object = data.as_object().expect("an object");
    let clean = |key: &str| match object.get(key) {
        Some(Data::String(text)) => text.is_clean(),
        other => panic!("{key}: {other:?}"),
    };
    assert_eq!(
        [
            clean("plain"),
            clean("long"),
            clean("escaped"),
            clean("unicode")
        ],
        [true, true, false, false]
    );
    // Built from a Rust string (not read from JSON text): never marked.
    let converted = Data::from(serde_json::json!({"s": "plain"}));
    assert!(
        matches!(converted.as_object().and_then(|o| o.get("s")), Some(Data::String(s)) if !s.is_clean())
    );
}
