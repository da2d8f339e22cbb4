//! Aliases counted in the document's tokens, before the parser builds anything: refusing a
//! document of a thousand aliases then costs lexing it, not building its syntax tree and
//! converting it (70 % of such a refusal, measured with `perf` on the `limits` bench).

use apollo_parser::{Lexer, TokenKind};

/// Aliases written in `query`: a name followed by `:` outside parentheses (arguments, variable
/// definitions, default values and directive arguments are all inside parentheses, so a `:`
/// elsewhere follows an alias). Each fragment's aliases count once here; [`super::check`]
/// counts them wherever the fragment is spread, and a valid document spreads each at least
/// once, so this is a lower bound of its figure. `None` when the document has more than
/// `max_tokens` tokens: the parser reports that.
pub(crate) fn written_aliases(query: &str, max_tokens: usize) -> Option<u64> {
    let mut parentheses = 0usize;
    let mut aliases = 0u64;
    let mut after_name = false;
    for token in Lexer::new(query).with_limit(max_tokens) {
        let kind = match token {
            Ok(token) => token.kind(),
            Err(error) if error.is_limit() => return None,
            // A lexical error: the parser reports it; this token counts as nothing.
            Err(_) => {
                after_name = false;
                continue;
            }
        };
        match kind {
            TokenKind::Whitespace | TokenKind::Comment | TokenKind::Comma => continue,
            TokenKind::LParen => parentheses += 1,
            TokenKind::RParen => parentheses = parentheses.saturating_sub(1),
            TokenKind::Colon if after_name && parentheses == 0 => aliases += 1,
            _ => {}
        }
        after_name = kind == TokenKind::Name;
    }
    Some(aliases)
}

#[cfg(test)]
mod tests {
    use super::written_aliases;

    #[test]
    fn only_aliases_count() {
        let query = r#"
            query Q($first: Int = 3, $f: Filter = {a: 1}) @dir(arg: {b: 2}) {
                a: me { b: name, c : id # d: not an alias
                    reviews(first: $first, where: {x: "e: f"}) @include(if: true) { g: id } }
                ...F
            }
            fragment F on Query { h: me { id } }
        "#;
        assert_eq!(written_aliases(query, 15_000), Some(5));
        assert_eq!(written_aliases(r#"{ a(s: """x: y""") }"#, 15_000), Some(0));
        assert_eq!(written_aliases("{ a: b c: d }", 4), None);
    }
}
