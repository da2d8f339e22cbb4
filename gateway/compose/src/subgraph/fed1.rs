//! Federation 1 type extensions without `@key`, as Apollo's schema upgrader
//! reads them before merging (`removeExternalOnTypeExtensions`,
//! `removeUnusedExternals`): Federation 1 treated such an extension's fields
//! of the *first* `@key` of another subgraph's definition as resolved here,
//! `@external` or not, and ignored `@external` fields no field set uses.
//! Without a key of its own the type stays a value type of this subgraph: a
//! plan can reach it only where this subgraph returns it, which
//! satisfiability then checks.

use super::Subgraph;
use super::fieldsets::parse_field_set;
use apollo_compiler::executable::Selection;
use apollo_compiler::schema::{ComponentOrigin, ExtendedType};
use apollo_compiler::validation::Valid;

const ROOTS: &[&str] = &["Query", "Mutation", "Subscription"];

/// Applies both rules to every Federation 1 subgraph; needs all subgraphs,
/// since the key that decides is another subgraph's.
pub(crate) fn upgrade_keyless_extensions(sgs: &mut [Subgraph]) {
    for i in 0..sgs.len() {
        if !sgs[i].is_fed1() {
            continue;
        }
        let resolved_here = key_fields_of_owners(sgs, i);
        sgs[i].fake_externals.extend(resolved_here);
        remove_unused_externals(&mut sgs[i]);
    }
}

/// Whether Federation 1 saw the type as an entity extension: `@extends`, or
/// only `extend type` (no definition) of an object or interface.
fn is_federation_extension(sg: &Subgraph, ty: &ExtendedType) -> bool {
    let composite = matches!(ty, ExtendedType::Object(_) | ExtendedType::Interface(_));
    let extends = sg.has(ty.directives(), "extends");
    let mut origins = ty.iter_origins().peekable();
    let only_extensions =
        origins.peek().is_some() && origins.all(|o| matches!(o, ComponentOrigin::Extension(_)));
    composite && (extends || only_extensions)
}

/// (type, field) of subgraph `i`'s keyless extensions that are top-level
/// fields of the first `@key` another subgraph declares on the type.
fn key_fields_of_owners(sgs: &[Subgraph], i: usize) -> Vec<(String, String)> {
    let sg = &sgs[i];
    let mut out = Vec::new();
    for (type_name, ty) in sg.merged_types() {
        if ROOTS.contains(&type_name)
            || !is_federation_extension(sg, ty)
            || !sg.keys(type_name).is_empty()
        {
            continue;
        }
        for (j, other) in sgs.iter().enumerate() {
            if j == i {
                continue;
            }
            let Some(first) = other.keys(type_name).into_iter().next() else {
                continue;
            };
            let Ok(set) = parse_field_set(&other.schema, type_name, &first.fields) else {
                continue;
            };
            for selection in &set.selection_set.selections {
                if let Selection::Field(f) = selection
                    && sg
                        .field(type_name, &f.name)
                        .is_some_and(|d| sg.has(&d.directives, "external"))
                {
                    out.push((type_name.to_string(), f.name.to_string()));
                }
            }
        }
    }
    out
}

/// Drops the `@external` fields no `@key`, `@requires` or `@provides` of the
/// subgraph selects: Federation 1 accepted them and they meant nothing.
fn remove_unused_externals(sg: &mut Subgraph) {
    let mut unused: Vec<(String, String)> = Vec::new();
    for (type_name, ty) in sg.merged_types() {
        let fields: Vec<&str> = match ty {
            ExtendedType::Object(o) => o.fields.keys().map(|n| n.as_str()).collect(),
            ExtendedType::Interface(o) => o.fields.keys().map(|n| n.as_str()).collect(),
            _ => continue,
        };
        for field in fields {
            let key = (type_name.to_string(), field.to_string());
            if sg.is_external(type_name, field) && !sg.used_in_field_sets.contains(&key) {
                unused.push(key);
            }
        }
    }
    if unused.is_empty() {
        return;
    }
    let mut schema = sg.schema.clone().into_inner();
    for (type_name, field) in &unused {
        match schema.types.get_mut(type_name.as_str()) {
            Some(ExtendedType::Object(o)) => {
                o.make_mut().fields.shift_remove(field.as_str());
            }
            Some(ExtendedType::Interface(o)) => {
                o.make_mut().fields.shift_remove(field.as_str());
            }
            _ => {}
        }
    }
    // Removing fields no field set selects leaves a valid schema (a type left
    // without fields is the only exception; Federation 1 schemas with one are
    // rejected by Apollo's upgrader too, and our merge reports it).
    sg.schema = Valid::assume_valid(schema);
}
