//! A subgraph ready for merging: its SDL parsed and validated as GraphQL (with the
//! federation directives it may use defined for it), plus the federation
//! metadata the merge asks about (keys, external, shareable, overrides...).

mod build;
pub(crate) mod context;
mod fed1;
pub(crate) mod fieldsets;
mod links;
mod rename;

pub(crate) use build::build;
pub(crate) use fed1::upgrade_keyless_extensions;
pub(crate) use links::{Link, Links};

use apollo_compiler::Schema;
use apollo_compiler::ast;
use apollo_compiler::schema::{ComponentOrigin, ExtendedType};
use apollo_compiler::validation::Valid;
use std::collections::{HashMap, HashSet};

/// Types every subgraph has for federation's own operations; never merged.
const FEDERATION_OPERATION_TYPES: &[&str] =
    &["_Any", "_Entity", "_Service", "_FieldSet", "FieldSet"];

/// One `@key` application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Key {
    pub fields: String,
    /// `resolvable:` as written, if written.
    pub resolvable_arg: Option<bool>,
    /// Declared on `extend type` or on a type with `@extends`.
    pub extension: bool,
}

impl Key {
    pub(crate) fn resolvable(&self) -> bool {
        self.resolvable_arg.unwrap_or(true)
    }
}

pub(crate) struct Subgraph {
    pub name: String,
    pub url: String,
    pub schema: Valid<Schema>,
    pub links: Links,
    /// Local directive name -> canonical federation directive name.
    fed_locals: HashMap<String, &'static str>,
    /// Local names of directives listed in `@composeDirective`.
    pub composed: Vec<String>,
    /// (type, field) selected, at any depth, by a `@key` (implicitly shareable).
    pub key_fields: HashSet<(String, String)>,
    /// (type, field) marked `@external` but selected by a `@key` of a type
    /// extension: not really external (see [`Subgraph::is_fake_external`]).
    pub fake_externals: HashSet<(String, String)>,
    /// (type, field) selected by any `@key`, `@requires` or `@provides`.
    pub used_in_field_sets: HashSet<(String, String)>,
}

/// Anything that holds applied directives.
pub(crate) trait Directives {
    fn each(&self) -> Vec<&ast::Directive>;
}

impl Directives for ast::DirectiveList {
    fn each(&self) -> Vec<&ast::Directive> {
        self.iter().map(|d| &**d).collect()
    }
}

impl Directives for apollo_compiler::schema::DirectiveList {
    fn each(&self) -> Vec<&ast::Directive> {
        self.iter().map(|d| &***d).collect()
    }
}

impl Subgraph {
    pub(crate) fn is_fed1(&self) -> bool {
        self.links.fed1
    }

    /// The canonical federation name of a local directive name, if it is one.
    pub(crate) fn canonical(&self, local: &str) -> Option<&'static str> {
        self.fed_locals.get(local).copied()
    }

    /// The local name under which this subgraph sees a federation directive.
    pub(crate) fn local(&self, canonical: &str) -> Option<&str> {
        self.links.names.get(canonical).map(String::as_str)
    }

    pub(crate) fn applied<'a, D: Directives + ?Sized>(
        &self,
        list: &'a D,
        canonical: &str,
    ) -> Vec<&'a ast::Directive> {
        match self.local(canonical) {
            Some(local) => list
                .each()
                .into_iter()
                .filter(|d| d.name == local)
                .collect(),
            None => Vec::new(),
        }
    }

    pub(crate) fn has<D: Directives + ?Sized>(&self, list: &D, canonical: &str) -> bool {
        !self.applied(list, canonical).is_empty()
    }

    /// Whether a directive application belongs to federation or link (never copied as-is).
    pub(crate) fn is_spec_directive(&self, name: &str) -> bool {
        name == "link" || self.fed_locals.contains_key(name)
    }

    pub(crate) fn is_merged_type(&self, name: &str) -> bool {
        let Some(ty) = self.schema.types.get(name) else {
            return false;
        };
        if ty.is_built_in() || name.starts_with("__") {
            return false;
        }
        if FEDERATION_OPERATION_TYPES.contains(&name) {
            return false;
        }
        if name.starts_with("federation__") || name.starts_with("link__") {
            return false;
        }
        for link in &self.links.links {
            if name.starts_with(&format!("{}__", link.prefix)) {
                return false;
            }
            if link.imports.iter().any(|(_, local)| local == name) {
                return false;
            }
        }
        true
    }

    pub(crate) fn is_merged_field(&self, type_name: &str, field: &str) -> bool {
        !(type_name == "Query" && (field == "_service" || field == "_entities"))
    }

    pub(crate) fn merged_types(&self) -> impl Iterator<Item = (&str, &ExtendedType)> {
        self.schema
            .types
            .iter()
            .filter(|(n, _)| self.is_merged_type(n))
            .map(|(n, t)| (n.as_str(), t))
    }

    pub(crate) fn type_directives(
        &self,
        type_name: &str,
    ) -> Option<&apollo_compiler::schema::DirectiveList> {
        self.schema.types.get(type_name).map(|t| t.directives())
    }

    pub(crate) fn keys(&self, type_name: &str) -> Vec<Key> {
        let Some(ty) = self.schema.types.get(type_name) else {
            return Vec::new();
        };
        let Some(local) = self.local("key") else {
            return Vec::new();
        };
        let extends = self.has(ty.directives(), "extends");
        ty.directives()
            .iter()
            .filter(|d| d.name == local)
            .filter_map(|d| {
                let fields = d
                    .specified_argument_by_name("fields")?
                    .as_str()?
                    .to_string();
                Some(Key {
                    fields,
                    resolvable_arg: d
                        .specified_argument_by_name("resolvable")
                        .and_then(|v| v.to_bool()),
                    extension: extends || matches!(d.origin, ComponentOrigin::Extension(_)),
                })
            })
            .collect()
    }

    pub(crate) fn is_interface_object(&self, type_name: &str) -> bool {
        match self.schema.types.get(type_name) {
            Some(ExtendedType::Object(o)) => self.has(&o.directives, "interfaceObject"),
            _ => false,
        }
    }

    pub(crate) fn field(&self, type_name: &str, field: &str) -> Option<&ast::FieldDefinition> {
        match self.schema.types.get(type_name)? {
            ExtendedType::Object(o) => o.fields.get(field).map(|f| &***f),
            ExtendedType::Interface(i) => i.fields.get(field).map(|f| &***f),
            _ => None,
        }
    }

    /// Whether the field is declared external here (on the field, or on its type in Fed 2).
    pub(crate) fn is_external(&self, type_name: &str, field: &str) -> bool {
        let Some(def) = self.field(type_name, field) else {
            return false;
        };
        let on_field = self.has(&def.directives, "external");
        let on_type = !self.is_fed1()
            && self
                .type_directives(type_name)
                .is_some_and(|d| self.has(d, "external"));
        (on_field || on_type) && !self.is_fake_external(type_name, field)
    }

    /// Federation 1 required `@external` on the key fields of type extensions;
    /// Apollo keeps accepting it and treats those fields as resolved by the
    /// subgraph (no `external: true` in the supergraph).
    pub(crate) fn is_fake_external(&self, type_name: &str, field: &str) -> bool {
        self.fake_externals
            .contains(&(type_name.to_string(), field.to_string()))
    }

    pub(crate) fn is_shareable(&self, type_name: &str, field: &str) -> bool {
        if self.is_fed1() {
            return true;
        }
        let Some(def) = self.field(type_name, field) else {
            return false;
        };
        self.has(&def.directives, "shareable")
            || self
                .type_directives(type_name)
                .is_some_and(|d| self.has(d, "shareable"))
            || self
                .key_fields
                .contains(&(type_name.to_string(), field.to_string()))
    }

    fn string_arg(
        &self,
        type_name: &str,
        field: &str,
        canonical: &str,
        arg: &str,
    ) -> Option<String> {
        let def = self.field(type_name, field)?;
        self.applied(&def.directives, canonical)
            .first()
            .and_then(|d| d.specified_argument_by_name(arg))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    }

    pub(crate) fn requires(&self, type_name: &str, field: &str) -> Option<String> {
        self.string_arg(type_name, field, "requires", "fields")
    }

    pub(crate) fn provides(&self, type_name: &str, field: &str) -> Option<String> {
        self.string_arg(type_name, field, "provides", "fields")
    }

    /// `@override(from:, label:)` on the field.
    pub(crate) fn override_of(
        &self,
        type_name: &str,
        field: &str,
    ) -> Option<(String, Option<String>)> {
        let from = self.string_arg(type_name, field, "override", "from")?;
        Some((from, self.string_arg(type_name, field, "override", "label")))
    }

    /// Object types that are possible runtime types of `name` in this subgraph.
    pub(crate) fn possible_types(&self, name: &str) -> Vec<String> {
        match self.schema.types.get(name) {
            Some(ExtendedType::Object(_)) => vec![name.to_string()],
            Some(ExtendedType::Union(u)) => u.members.iter().map(|m| m.name.to_string()).collect(),
            Some(ExtendedType::Interface(_)) => self
                .schema
                .types
                .iter()
                .filter_map(|(n, t)| match t {
                    ExtendedType::Object(o)
                        if o.implements_interfaces.iter().any(|i| i.name == name) =>
                    {
                        Some(n.to_string())
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}
