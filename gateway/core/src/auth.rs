//! Authorization as a layer before planning: who the caller is (a verified JWT's scopes), and
//! which selected fields the caller may not see (`@requiresScopes`, `@authenticated` in the
//! supergraph). Refused fields are cut from what is sent to subgraphs, so protected data never
//! leaves a subgraph for such a caller; the response has them as null with an error each.

use crate::error::{ErrorCode, GraphqlError, PathItem};
use crate::selection::{Selection, SelectionSet};
use crate::supergraph::Supergraph;
use apollo_compiler::Name;
use apollo_compiler::ast::Value;
use apollo_compiler::schema::ExtendedType;
use serde::Deserialize;
use std::collections::BTreeSet;

/// The caller as the gateway knows it after checking the request's token.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Caller {
    pub authenticated: bool,
    pub scopes: BTreeSet<String>,
}

/// The shortest HS256 secret `quntuan serve` accepts: the algorithm's own key size. A short
/// secret can be guessed from one token offline.
pub const MIN_SECRET_BYTES: usize = 32;

/// Refuses a secret too short to sign tokens safely (`quntuan dev` alone may use its own).
pub fn check_secret_strength(secret: &str) -> Result<(), String> {
    if secret.len() < MIN_SECRET_BYTES {
        return Err(format!(
            "the JWT secret is {} bytes long; at least {MIN_SECRET_BYTES} are needed (for example `openssl rand -hex 32`)",
            secret.len()
        ));
    }
    Ok(())
}

/// Why a token was refused.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("the Authorization header is not `Bearer <token>`")]
    MalformedHeader,
    #[error("the bearer token is not valid: {0}")]
    InvalidToken(String),
}

#[derive(Debug, Deserialize)]
struct Claims {
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    scopes: Option<Vec<String>>,
}

/// Verifies `Authorization: Bearer <JWT>` (HS256 with `secret`). No header: an anonymous
/// caller. No secret configured: every caller is anonymous, so protected fields stay closed.
pub fn caller_from_header(header: Option<&str>, secret: Option<&str>) -> Result<Caller, AuthError> {
    let Some(header) = header else {
        return Ok(Caller::default());
    };
    let token = header
        .strip_prefix("Bearer ")
        .ok_or(AuthError::MalformedHeader)?
        .trim();
    let Some(secret) = secret else {
        return Ok(Caller::default());
    };
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.required_spec_claims.clear();
    validation.validate_exp = true;
    let data = jsonwebtoken::decode::<Claims>(
        token,
        &jsonwebtoken::DecodingKey::from_secret(secret.as_bytes()),
        &validation,
    )
    .map_err(|e| AuthError::InvalidToken(e.to_string()))?;
    let mut scopes: BTreeSet<String> = data
        .claims
        .scope
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    scopes.extend(data.claims.scopes.unwrap_or_default());
    Ok(Caller {
        authenticated: true,
        scopes,
    })
}

/// What a field or type demands of the caller.
#[derive(Debug, Default)]
struct Requirement {
    authenticated: bool,
    /// Any one inner list, all of whose scopes the caller holds, is enough.
    scope_alternatives: Vec<Vec<String>>,
}

impl Requirement {
    fn satisfied_by(&self, caller: &Caller) -> bool {
        (!self.authenticated || caller.authenticated)
            && (self.scope_alternatives.is_empty()
                || self
                    .scope_alternatives
                    .iter()
                    .any(|all| all.iter().all(|s| caller.scopes.contains(s))))
    }
}

/// Cuts the fields `caller` may not see from `selection` (on `root_type`), returning the
/// selection to plan and one error per refused field.
pub fn authorize(
    supergraph: &Supergraph,
    selection: &SelectionSet,
    root_type: &Name,
    caller: &Caller,
) -> (SelectionSet, Vec<GraphqlError>) {
    let checker = Checker {
        supergraph,
        caller,
        requires_scopes: supergraph
            .links
            .directive("requiresScopes", "requiresScopes"),
        authenticated: supergraph.links.directive("authenticated", "authenticated"),
    };
    let mut errors = Vec::new();
    let mut path = Vec::new();
    let filtered = checker.filter(selection, root_type, &mut path, &mut errors);
    (filtered, errors)
}

struct Checker<'a> {
    supergraph: &'a Supergraph,
    caller: &'a Caller,
    requires_scopes: String,
    authenticated: String,
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
            if let Some(Value::List(alternatives)) = directive
                .specified_argument_by_name("scopes")
                .map(|v| v.as_ref())
            {
                for alternative in alternatives {
                    if let Value::List(all) = alternative.as_ref() {
                        into.scope_alternatives.push(
                            all.iter()
                                .filter_map(|s| s.as_str().map(str::to_string))
                                .collect(),
                        );
                    }
                }
            }
        }
    }

    fn type_requirement(&self, name: &str, into: &mut Requirement) {
        if let Some(ty) = self.supergraph.schema.types.get(name) {
            let directives: apollo_compiler::ast::DirectiveList =
                ty.directives().iter().map(|d| d.node.clone()).collect();
            self.requirement(&directives, into);
        }
    }

    fn field_allowed(&self, parent: &str, field: &Name) -> bool {
        let mut requirement = Requirement::default();
        if let Some(ExtendedType::Object(_) | ExtendedType::Interface(_)) =
            self.supergraph.schema.types.get(parent)
            && let Ok(definition) = self.supergraph.schema.type_field(parent, field)
        {
            self.requirement(&definition.directives, &mut requirement);
            self.type_requirement(definition.ty.inner_named_type(), &mut requirement);
        }
        requirement.satisfied_by(self.caller)
    }

    fn filter(
        &self,
        selection: &SelectionSet,
        parent: &Name,
        path: &mut Vec<PathItem>,
        errors: &mut Vec<GraphqlError>,
    ) -> SelectionSet {
        let mut out = SelectionSet::default();
        for item in &selection.items {
            match item {
                Selection::Field(field) => {
                    if field.name.starts_with("__") {
                        out.items.push(item.clone());
                        continue;
                    }
                    path.push(PathItem::Key(field.response_key().to_string()));
                    if !self.field_allowed(parent, &field.name) {
                        errors.push(
                            GraphqlError::new(
                                format!("Unauthorized field or type: `{parent}.{}` needs a scope the caller does not have", field.name),
                                ErrorCode::UnauthorizedFieldOrType,
                            )
                            .with_path(path.clone()),
                        );
                        path.pop();
                        continue;
                    }
                    let mut field = field.clone();
                    if let Some(sub) = &field.selection_set {
                        let inner = field.ty.inner_named_type().clone();
                        let mut filtered = self.filter(sub, &inner, path, errors);
                        // A selection cannot be empty: keep the field's shape with __typename.
                        if filtered.is_empty() {
                            filtered
                                .items
                                .push(Selection::Field(crate::selection::typename_field()));
                        }
                        field.selection_set = Some(filtered);
                    }
                    path.pop();
                    out.items.push(Selection::Field(field));
                }
                Selection::InlineFragment(inline) => {
                    let condition = inline
                        .type_condition
                        .clone()
                        .unwrap_or_else(|| parent.clone());
                    let mut inline = inline.clone();
                    inline.selection_set =
                        self.filter(&inline.selection_set, &condition, path, errors);
                    out.items.push(Selection::InlineFragment(inline));
                }
            }
        }
        out
    }
}
