//! The limits' settings: what a deployment may change, with defaults that stop the usual
//! denial-of-service operations and let every operation of this repository through.

use serde::Deserialize;

/// Operation limits, checked before an operation is validated or planned.
///
/// The defaults refuse, for example, 10,000 aliases of `__typename`, a 300-deep selection, or
/// a few fragments that expand exponentially, while every operation of the repository passes
/// with room to spare (the largest reach 8 levels, 55 field selections, 6 aliases, 4 root
/// fields, 1 directive a field; a test keeps it so).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitSettings {
    /// Lexical tokens in a document, whitespace and commas included; the parser stops at the
    /// first token over it, so a huge document costs little (default 15,000, as Apollo Router).
    pub max_tokens: usize,
    /// Nesting the parser follows (selection sets, lists, objects) before it gives up, which
    /// keeps its stack bounded (default 500, as Apollo Router).
    pub max_parser_recursion: usize,
    /// Nesting of fields, through fragments (default 32).
    pub max_depth: usize,
    /// Distinct fields: selections merged by response path, through fragments (default 1,000).
    pub max_height: usize,
    /// Aliases, counted through fragments every time a fragment is used (default 100).
    pub max_aliases: usize,
    /// Fields at the root of an operation, through fragments (default 64).
    pub max_root_fields: usize,
    /// Directives on one field, fragment spread or inline fragment (default 8).
    pub max_directives_per_field: usize,
    /// Fragments spread inside fragments, one inside the next (default 16).
    pub max_fragment_depth: usize,
    /// Field selections once every fragment spread is replaced by its fragment: what a batch of
    /// fragments each spreading the next several times multiplies, and what repeating one field
    /// thousands of times adds up to (default 5,000).
    pub max_selections: usize,
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            max_tokens: 15_000,
            max_parser_recursion: 500,
            max_depth: 32,
            max_height: 1_000,
            max_aliases: 100,
            max_root_fields: 64,
            max_directives_per_field: 8,
            max_fragment_depth: 16,
            max_selections: 5_000,
        }
    }
}
