//! Schema checks: compose with a proposed subgraph SDL and compare the API
//! schema with the current one.

use crate::diff::{BreakingChange, breaking_changes};
use crate::{Code, Diagnostic, SubgraphSdl, api_schema, compose};
use std::fmt;

/// What a check found. The change is safe when both lists are empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// Problems composing with the proposed SDL.
    pub composition_errors: Vec<Diagnostic>,
    /// Changes that break clients of the current API schema.
    pub breaking_changes: Vec<BreakingChange>,
}

impl CheckReport {
    pub fn passed(&self) -> bool {
        self.composition_errors.is_empty() && self.breaking_changes.is_empty()
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.passed() {
            return writeln!(
                f,
                "check passed: the proposed schema composes and breaks no client"
            );
        }
        if !self.composition_errors.is_empty() {
            writeln!(f, "composition errors ({}):", self.composition_errors.len())?;
            for d in &self.composition_errors {
                writeln!(f, "{d}")?;
            }
        }
        if !self.breaking_changes.is_empty() {
            writeln!(f, "breaking changes ({}):", self.breaking_changes.len())?;
            for c in &self.breaking_changes {
                writeln!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// Checks replacing (or adding) subgraph `name` with `proposed_sdl`.
///
/// Steps: compose the current subgraphs (their supergraph is the reference),
/// compose with the proposed SDL, then diff the two API schemas.
pub fn check(current: &[SubgraphSdl], name: &str, proposed_sdl: &str) -> CheckReport {
    let mut proposed: Vec<SubgraphSdl> = current.to_vec();
    let url = current
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.url.clone())
        .unwrap_or_default();
    proposed.retain(|s| s.name != name);
    proposed.push(SubgraphSdl::new(name, url, proposed_sdl));

    let new = match compose(&proposed) {
        Ok(s) => s,
        Err(errors) => {
            return CheckReport {
                composition_errors: errors,
                breaking_changes: Vec::new(),
            };
        }
    };
    let old = match compose(current) {
        Ok(s) => s,
        Err(errors) => {
            // Without a valid current supergraph there is nothing to compare with.
            let mut composition_errors = vec![
                Diagnostic::new(
                    Code::INVALID_GRAPHQL,
                    "The current subgraphs do not compose, so breaking changes cannot be computed.",
                )
                .fix("Fix the current configuration first; the errors follow."),
            ];
            composition_errors.extend(errors);
            return CheckReport {
                composition_errors,
                breaking_changes: Vec::new(),
            };
        }
    };
    let schemas = (api_schema(&old.sdl), api_schema(&new.sdl));
    match schemas {
        (Ok(old), Ok(new)) => CheckReport {
            composition_errors: Vec::new(),
            breaking_changes: breaking_changes(&old, &new),
        },
        (Err(e), _) | (_, Err(e)) => CheckReport {
            composition_errors: vec![Diagnostic::new(
                Code::INVALID_GRAPHQL,
                format!("Could not build an API schema: {e}"),
            )],
            breaking_changes: Vec::new(),
        },
    }
}
