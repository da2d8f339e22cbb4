//! Which selected fields the caller may not see (`@authenticated`, `@requiresScopes`,
//! `@policy` in the supergraph, on fields or on their types). Refused fields are cut from what
//! is sent to subgraphs, so protected data never leaves a subgraph for such a caller; the
//! response has them as null with an error each. Allowed fields under a scope or a policy are
//! listed for the audit trail.

use super::Caller;
use crate::error::{ErrorCode, GraphqlError, PathItem};
use crate::selection::{Selection, SelectionSet};
use crate::supergraph::Supergraph;
use apollo_compiler::Name;
use apollo_compiler::ast::Value;
use apollo_compiler::schema::ExtendedType;

/// What a field or type demands of the caller.
#[derive(Debug, Default)]
struct Requirement {
    authenticated: bool,
    /// Any one inner list, all of whose scopes the caller holds, is enough.
    scope_alternatives: Vec<Vec<String>>,
    /// Any one inner list, all of whose policies the caller is granted, is enough.
    policy_alternatives: Vec<Vec<String>>,
}

impl Requirement {
    fn satisfied_by(&self, caller: &Caller) -> bool {
        (!self.authenticated || caller.authenticated)
            && any_all(&self.scope_alternatives, &caller.scopes)
            && any_all(&self.policy_alternatives, &caller.policies)
    }

    /// Personal data, for the audit trail: guarded by a scope or a policy.
    fn is_guarded(&self) -> bool {
        !self.scope_alternatives.is_empty() || !self.policy_alternatives.is_empty()
    }

    /// What the caller lacks, for the error message.
    fn describe(&self) -> &'static str {
        match (
            self.scope_alternatives.is_empty(),
            self.policy_alternatives.is_empty(),
        ) {
            (false, true) => "a scope",
            (true, false) => "a policy",
            (false, false) => "a scope or a policy",
            (true, true) => "authentication",
        }
    }
}

fn any_all(alternatives: &[Vec<String>], held: &std::collections::BTreeSet<String>) -> bool {
    alternatives.is_empty()
        || alternatives
            .iter()
            .any(|all| all.iter().all(|s| held.contains(s)))
}

/// A field the response may carry that is guarded by a scope or a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guard {
    /// `Type.field`.
    pub coordinate: String,
    /// Response keys from the root to the field.
    pub path: Vec<String>,
}

/// The outcome of [`authorize`].
#[derive(Debug, Default)]
pub struct Authorized {
    /// The selection to plan.
    pub selection: SelectionSet,
    /// One error per refused field.
    pub errors: Vec<GraphqlError>,
    /// Allowed fields guarded by a scope or a policy.
    pub guarded: Vec<Guard>,
}

/// Cuts the fields `caller` may not see from `selection` (on `root_type`).
pub fn authorize(
    supergraph: &Supergraph,
    selection: &SelectionSet,
    root_type: &Name,
    caller: &Caller,
) -> Authorized {
    let checker = Checker {
        supergraph,
        caller,
        requires_scopes: supergraph
            .links
            .directive("requiresScopes", "requiresScopes"),
        authenticated: supergraph.links.directive("authenticated", "authenticated"),
        policy: supergraph.links.directive("policy", "policy"),
    };
    let mut out = Authorized::default();
    let mut path = Vec::new();
    let selection = checker.filter(selection, root_type, &mut path, &mut out);
    out.selection = selection;
    out
}

struct Checker<'a> {
    supergraph: &'a Supergraph,
    caller: &'a Caller,
    requires_scopes: String,
    authenticated: String,
    policy: String,
}

/// `[[a, b], [c]]` as lists of strings.
fn alternatives(directive: &apollo_compiler::ast::Directive, argument: &str) -> Vec<Vec<String>> {
    let Some(Value::List(alternatives)) = directive
        .specified_argument_by_name(argument)
        .map(|v| v.as_ref())
    else {
        return Vec::new();
    };
    alternatives
        .iter()
        .filter_map(|alternative| match alternative.as_ref() {
            Value::List(all) => Some(
                all.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

impl Checker<'_> {
    fn requirement(
        &self,
        directives: &apollo_compiler::ast::DirectiveList,
        into: &mut Requirement,
    ) {
        if directives.has(&self.authenticated) {
            into.authenticated = true;
        }
        for directive in directives.get_all(&self.requires_scopes) {
            into.scope_alternatives
                .extend(alternatives(directive, "scopes"));
        }
        for directive in directives.get_all(&self.policy) {
            into.policy_alternatives
                .extend(alternatives(directive, "policies"));
        }
    }
    fn type_requirement(&self, name: &str, into: &mut Requirement) {
        if let Some(ty) = self.supergraph.schema.types.get(name) {
            let directives: apollo_compiler::ast::DirectiveList =
                ty.directives().iter().map(|d| d.node.clone()).collect();
            self.requirement(&directives, into);
        }
    }

    fn field_requirement(&self, parent: &str, field: &Name) -> Requirement {
        let mut requirement = Requirement::default();
        if let Some(ExtendedType::Object(_) | ExtendedType::Interface(_)) =
            self.supergraph.schema.types.get(parent)
            && let Ok(definition) = self.supergraph.schema.type_field(parent, field)
        {
            self.requirement(&definition.directives, &mut requirement);
            self.type_requirement(definition.ty.inner_named_type(), &mut requirement);
        }
        requirement
    }

    fn filter(
        &self,
        selection: &SelectionSet,
        parent: &Name,
        path: &mut Vec<PathItem>,
        out: &mut Authorized,
    ) -> SelectionSet {
        let mut kept = SelectionSet::default();
        for item in &selection.items {
            match item {
                Selection::Field(field) => {
                    if field.name.starts_with("__") {
                        kept.items.push(item.clone());
                        continue;
                    }
                    path.push(PathItem::Key(field.response_key().to_string()));
                    let requirement = self.field_requirement(parent, &field.name);
                    if !requirement.satisfied_by(self.caller) {
                        out.errors.push(
                            GraphqlError::new(
                                format!(
                                    "Unauthorized field or type: `{parent}.{}` needs {} the caller does not have",
                                    field.name,
                                    requirement.describe()
                                ),
                                ErrorCode::UnauthorizedFieldOrType,
                            )
                            .with_path(path.clone()),
                        );
                        path.pop();
                        continue;
                    }
                    if requirement.is_guarded() {
                        out.guarded.push(Guard {
                            coordinate: format!("{parent}.{}", field.name),
                            path: path
                                .iter()
                                .filter_map(|item| match item {
                                    PathItem::Key(key) => Some(key.clone()),
                                    PathItem::Index(_) => None,
                                })
                                .collect(),
                        });
                    }
                    let mut field = field.clone();
                    if let Some(sub) = &field.selection_set {
                        let inner = field.ty.inner_named_type().clone();
                        let mut filtered = self.filter(sub, &inner, path, out);
                        // A selection cannot be empty: keep the field's shape with __typename.
                        if filtered.is_empty() {
                            filtered
                                .items
                                .push(Selection::Field(crate::selection::typename_field()));
                        }
                        field.selection_set = Some(filtered);
                    }
                    path.pop();
                    kept.items.push(Selection::Field(field));
                }
                Selection::InlineFragment(inline) => {
                    let condition = inline
                        .type_condition
                        .clone()
                        .unwrap_or_else(|| parent.clone());
                    let mut inline = inline.clone();
                    inline.selection_set =
                        self.filter(&inline.selection_set, &condition, path, out);
                    kept.items.push(Selection::InlineFragment(inline));
                }
            }
        }
        kept
    }
}
