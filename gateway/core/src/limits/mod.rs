//! Operation limits, a layer of the document stage between parsing and validation, so that a
//! hostile document costs no more than reading it.
//!
//! [`parse`] counts the aliases written in the document's tokens first (a document over
//! `max_aliases` is refused before any tree is built), then stops at the configured token
//! count and nesting while it reads; [`check`]
//! then measures every operation of the document through its fragments (each fragment once,
//! never expanded) against the settings; [`refuse_introspection`] applies the switch that
//! turns introspection off. Each refusal has its own `extensions.code` and a message naming
//! the limit and the value.

mod introspection;
mod measure;
mod settings;
mod written;

pub use introspection::refuse_introspection;
pub use settings::LimitSettings;

use crate::error::{ErrorCode, GraphqlError};
use crate::request::diagnostics;
use apollo_compiler::ast::{Definition, Document, OperationDefinition};
use apollo_compiler::parser::Parser;
use measure::{Measurer, height};

/// One limit an operation goes over.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("the document has more than {limit} tokens, over the limit `max_tokens`")]
    Tokens { limit: usize },
    #[error(
        "the document nests selections, lists or objects more than {limit} levels deep, over the limit `max_parser_recursion`"
    )]
    ParserRecursion { limit: usize },
    #[error("{operation} is {value} fields deep, over the limit `max_depth` of {limit}")]
    Depth {
        operation: String,
        value: u64,
        limit: usize,
    },
    #[error("{operation} selects {value} distinct fields, over the limit `max_height` of {limit}")]
    Height {
        operation: String,
        value: usize,
        limit: usize,
    },
    #[error("{operation} has {value} aliases, over the limit `max_aliases` of {limit}")]
    Aliases {
        operation: String,
        value: u64,
        limit: usize,
    },
    #[error("{operation} has {value} root fields, over the limit `max_root_fields` of {limit}")]
    RootFields {
        operation: String,
        value: u64,
        limit: usize,
    },
    #[error(
        "{operation} puts {value} directives on one selection, over the limit `max_directives_per_field` of {limit}"
    )]
    Directives {
        operation: String,
        value: u64,
        limit: usize,
    },
    #[error(
        "{operation} spreads fragments inside fragments at least {value} deep, over the limit `max_fragment_depth` of {limit}"
    )]
    FragmentDepth {
        operation: String,
        value: u64,
        limit: usize,
    },
    #[error(
        "{operation} expands to {value} field selections through its fragments, over the limit `max_selections` of {limit}"
    )]
    Selections {
        operation: String,
        value: u64,
        limit: usize,
    },
}

impl LimitError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Tokens { .. } => ErrorCode::MaxTokensLimit,
            Self::ParserRecursion { .. } => ErrorCode::MaxParserRecursionLimit,
            Self::Depth { .. } => ErrorCode::MaxDepthLimit,
            Self::Height { .. } => ErrorCode::MaxHeightLimit,
            Self::Aliases { .. } => ErrorCode::MaxAliasesLimit,
            Self::RootFields { .. } => ErrorCode::MaxRootFieldsLimit,
            Self::Directives { .. } => ErrorCode::MaxDirectivesLimit,
            Self::FragmentDepth { .. } => ErrorCode::MaxFragmentDepthLimit,
            Self::Selections { .. } => ErrorCode::MaxSelectionsLimit,
        }
    }
}

impl From<LimitError> for GraphqlError {
    fn from(error: LimitError) -> Self {
        let code = error.code();
        GraphqlError::new(error.to_string(), code)
    }
}

/// Parses `query`, stopping as soon as it goes over the token count or the nesting allowed;
/// a document whose text alone has more aliases than allowed is refused before parsing.
pub fn parse(settings: &LimitSettings, query: &str) -> Result<Document, Vec<GraphqlError>> {
    if let Some(value) = written::written_aliases(query, settings.max_tokens)
        && value > settings.max_aliases as u64
    {
        let error = LimitError::Aliases {
            operation: "the document".into(),
            value,
            limit: settings.max_aliases,
        };
        return Err(vec![error.into()]);
    }
    let mut parser = Parser::new()
        .token_limit(settings.max_tokens)
        .recursion_limit(settings.max_parser_recursion);
    let result = parser.parse_ast(query, "request.graphql");
    // Nesting first: once past it the parser still reads on, up to the token limit.
    if parser.recursion_reached() > settings.max_parser_recursion {
        let limit = settings.max_parser_recursion;
        return Err(vec![LimitError::ParserRecursion { limit }.into()]);
    }
    if parser.tokens_reached() > settings.max_tokens {
        let limit = settings.max_tokens;
        return Err(vec![LimitError::Tokens { limit }.into()]);
    }
    result.map_err(|e| diagnostics(&e.errors, ErrorCode::GraphqlParseFailed))
}

/// Measures every operation of `document` against the limits; each limit gone over is one
/// error.
///
/// 1. measure the operation through its fragments, each fragment once;
/// 2. compare expansion, fragment nesting, depth, aliases, root fields and directives;
/// 3. only when the expansion and the fragment nesting are within bounds, walk the expansion
///    for the distinct fields (height).
pub fn check(settings: &LimitSettings, document: &Document) -> Result<(), Vec<LimitError>> {
    let mut measurer = Measurer::new(document, settings.max_fragment_depth);
    let mut errors = Vec::new();
    for definition in &document.definitions {
        if let Definition::OperationDefinition(operation) = definition {
            check_operation(settings, document, &mut measurer, operation, &mut errors);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn check_operation<'a>(
    settings: &LimitSettings,
    document: &'a Document,
    measurer: &mut Measurer<'a>,
    operation: &'a OperationDefinition,
    errors: &mut Vec<LimitError>,
) {
    let measure = measurer.measure(&operation.selection_set, 0);
    let name = || match &operation.name {
        Some(name) => format!("operation `{name}`"),
        None => "the anonymous operation".to_string(),
    };
    let over = |value: u64, limit: usize| value > limit as u64;
    if over(measure.selections, settings.max_selections) {
        errors.push(LimitError::Selections {
            operation: name(),
            value: measure.selections,
            limit: settings.max_selections,
        });
    }
    if over(measure.fragment_depth, settings.max_fragment_depth) {
        errors.push(LimitError::FragmentDepth {
            operation: name(),
            value: measure.fragment_depth,
            limit: settings.max_fragment_depth,
        });
    }
    if over(measure.depth, settings.max_depth) {
        errors.push(LimitError::Depth {
            operation: name(),
            value: measure.depth,
            limit: settings.max_depth,
        });
    }
    if over(measure.aliases, settings.max_aliases) {
        errors.push(LimitError::Aliases {
            operation: name(),
            value: measure.aliases,
            limit: settings.max_aliases,
        });
    }
    if over(measure.top_fields, settings.max_root_fields) {
        errors.push(LimitError::RootFields {
            operation: name(),
            value: measure.top_fields,
            limit: settings.max_root_fields,
        });
    }
    let directives = measure.directives.max(operation.directives.len() as u64);
    if over(directives, settings.max_directives_per_field) {
        errors.push(LimitError::Directives {
            operation: name(),
            value: directives,
            limit: settings.max_directives_per_field,
        });
    }
    let bounded = !over(measure.selections, settings.max_selections)
        && !over(measure.fragment_depth, settings.max_fragment_depth);
    if bounded {
        // Fields are within `max_selections`; the slack covers the spreads and inline
        // fragments around them.
        let budget = settings.max_selections.saturating_mul(4);
        let height = height(document, &operation.selection_set, budget);
        if height > settings.max_height {
            errors.push(LimitError::Height {
                operation: name(),
                value: height,
                limit: settings.max_height,
            });
        }
    }
}

/// The figures of each operation of a trusted document, for tests and tools that choose
/// limits. Unbounded: never call it on a request's document, whose expansion may be huge.
pub fn measure_document(document: &Document) -> Vec<OperationFigures> {
    let mut measurer = Measurer::new(document, usize::MAX);
    document
        .definitions
        .iter()
        .filter_map(|definition| match definition {
            Definition::OperationDefinition(operation) => Some(operation),
            _ => None,
        })
        .map(|operation| {
            let measure = measurer.measure(&operation.selection_set, 0);
            OperationFigures {
                name: operation.name.as_ref().map(|n| n.to_string()),
                selections: measure.selections,
                depth: measure.depth,
                height: height(document, &operation.selection_set, usize::MAX) as u64,
                aliases: measure.aliases,
                root_fields: measure.top_fields,
                directives: measure.directives.max(operation.directives.len() as u64),
                fragment_depth: measure.fragment_depth,
            }
        })
        .collect()
}

/// An operation's figures, as the limits see them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OperationFigures {
    pub name: Option<String>,
    pub selections: u64,
    pub depth: u64,
    pub height: u64,
    pub aliases: u64,
    pub root_fields: u64,
    pub directives: u64,
    pub fragment_depth: u64,
}
