//! Field sets (`@key`, `@requires`, `@provides`): parsed against the subgraph,
//! checked, and recorded (key fields are shareable; selected fields make
//! `@external` declarations useful).

use super::Subgraph;
use crate::diagnostic::{Code, Diagnostic};
use apollo_compiler::executable::{FieldSet, Selection, SelectionSet};
use apollo_compiler::schema::ExtendedType;
use apollo_compiler::validation::Valid;
use apollo_compiler::{Name, Schema};

/// One field selected by a field set, with the type it was selected on.
#[derive(Debug, Clone)]
pub(crate) struct SelectedField {
    pub parent: String,
    pub name: String,
    pub ty: apollo_compiler::ast::Type,
    pub has_arguments: bool,
    pub has_directives: bool,
    /// Whether the selection has no sub-selection.
    pub is_leaf: bool,
    /// (type, field) of the fields this one is nested in.
    pub ancestors: Vec<(String, String)>,
}

pub(crate) fn parse_field_set(
    schema: &Valid<Schema>,
    type_name: &str,
    text: &str,
) -> Result<Valid<FieldSet>, String> {
    let ty = Name::new(type_name).map_err(|e| e.to_string())?;
    FieldSet::parse_and_validate(schema, ty, text, "field-set.graphql").map_err(|e| {
        let messages: Vec<String> = e.errors.iter().map(|d| d.to_json().message).collect();
        messages.join("; ")
    })
}

pub(crate) fn collect_fields(set: &SelectionSet) -> Vec<SelectedField> {
    let mut out = Vec::new();
    collect_into(set, &[], &mut out);
    out
}

fn collect_into(set: &SelectionSet, ancestors: &[(String, String)], out: &mut Vec<SelectedField>) {
    for selection in &set.selections {
        match selection {
            Selection::Field(f) => {
                out.push(SelectedField {
                    parent: set.ty.to_string(),
                    name: f.name.to_string(),
                    ty: f.definition.ty.clone(),
                    has_arguments: !f.definition.arguments.is_empty(),
                    has_directives: !f.directives.is_empty(),
                    is_leaf: f.selection_set.selections.is_empty(),
                    ancestors: ancestors.to_vec(),
                });
                let mut nested = ancestors.to_vec();
                nested.push((set.ty.to_string(), f.name.to_string()));
                collect_into(&f.selection_set, &nested, out);
            }
            Selection::InlineFragment(i) => collect_into(&i.selection_set, ancestors, out),
            Selection::FragmentSpread(_) => {}
        }
    }
}

/// Checks every field set of the subgraph and records key fields and used fields.
pub(crate) fn check(sg: &mut Subgraph) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let name = sg.name.clone();
    let type_names: Vec<String> = sg.merged_types().map(|(n, _)| n.to_string()).collect();
    let mut used = Vec::new();
    record_key_fields(sg, &type_names);

    for type_name in &type_names {
        let is_composite = matches!(
            sg.schema.types.get(type_name.as_str()),
            Some(ExtendedType::Object(_) | ExtendedType::Interface(_))
        );
        if !is_composite {
            continue;
        }
        let keys = sg.keys(type_name);
        for key in &keys {
            let prefix = format!(
                "[{name}] On type \"{type_name}\", for @key(fields: \"{}\")",
                key.fields
            );
            match parse_field_set(&sg.schema, type_name, &key.fields) {
                Err(message) => diagnostics.push(
                    Diagnostic::new(Code::KEY_INVALID_FIELDS, format!("{prefix}: {message} (if the field is defined in another subgraph, you need to add it to this subgraph with @external)."))
                        .subgraph(&name)
                        .coordinate(type_name.clone()),
                ),
                Ok(set) => {
                    for f in collect_fields(&set.selection_set) {
                        let coordinate = format!("{}.{}", f.parent, f.name);
                        if f.has_directives {
                            diagnostics.push(
                                Diagnostic::new(Code::KEY_HAS_DIRECTIVE_IN_FIELDS_ARG, format!("{prefix}: cannot have directive applications in the @key(fields:) argument but found some on \"{coordinate}\"."))
                                    .subgraph(&name)
                                    .coordinate(coordinate.clone()),
                            );
                        }
                        if f.has_arguments {
                            diagnostics.push(
                                Diagnostic::new(Code::KEY_FIELDS_HAS_ARGS, format!("{prefix}: field {coordinate} cannot be included because it has arguments (fields with argument are not allowed in @key)."))
                                    .subgraph(&name)
                                    .coordinate(coordinate.clone()),
                            );
                        }
                        // Apollo looks through list wrappers: a list of objects or
                        // scalars is a valid key field, a list of interfaces is not.
                        let base = f.ty.inner_named_type().as_str();
                        let kind = match sg.schema.types.get(base) {
                            Some(ExtendedType::Interface(_)) => Some("an Interface"),
                            Some(ExtendedType::Union(_)) => Some("a Union"),
                            _ => None,
                        };
                        if let Some(kind) = kind {
                            diagnostics.push(
                                Diagnostic::new(Code::KEY_FIELDS_SELECT_INVALID_TYPE, format!("{prefix}: field \"{coordinate}\" is {kind} type which is not allowed in @key."))
                                    .subgraph(&name)
                                    .coordinate(coordinate.clone()),
                            );
                        }
                        used.push((f.parent, f.name));
                    }
                }
            }
        }
        check_type_rules(sg, type_name, &keys, &mut diagnostics);
        check_fields(sg, type_name, &mut diagnostics, &mut used);
    }
    used.extend(super::context::used_fields(sg));
    sg.used_in_field_sets.extend(used);
    if !sg.is_fed1() {
        check_unused_externals(sg, &type_names, &mut diagnostics);
    }
    diagnostics
}

/// Records, before any field set is checked, the fields `@key`s select (all
/// of them are shareable, nested ones and the implementations of selected
/// interface fields included) and the "fake" externals: `@external` key fields
/// of type extensions (`extend type`, `@extends`), which Federation 1 required
/// and Apollo treats as resolved by the subgraph (`collectFakeExternals`).
fn record_key_fields(sg: &mut Subgraph, type_names: &[String]) {
    let mut key_fields = Vec::new();
    let mut fake_externals = Vec::new();
    for type_name in type_names {
        for key in sg.keys(type_name) {
            let Ok(set) = parse_field_set(&sg.schema, type_name, &key.fields) else {
                continue;
            };
            for f in collect_fields(&set.selection_set) {
                if matches!(
                    sg.schema.types.get(f.parent.as_str()),
                    Some(ExtendedType::Interface(_))
                ) {
                    for implementation in sg.possible_types(&f.parent) {
                        if sg.field(&implementation, &f.name).is_some() {
                            key_fields.push((implementation, f.name.clone()));
                        }
                    }
                }
                let marked_external = sg
                    .field(&f.parent, &f.name)
                    .is_some_and(|d| sg.has(&d.directives, "external"));
                if key.extension && marked_external {
                    fake_externals.push((f.parent.clone(), f.name.clone()));
                }
                key_fields.push((f.parent, f.name));
            }
        }
    }
    sg.key_fields.extend(key_fields);
    sg.fake_externals.extend(fake_externals);
}

fn check_type_rules(
    sg: &Subgraph,
    type_name: &str,
    keys: &[super::Key],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let name = &sg.name;
    if sg.is_interface_object(type_name) && keys.is_empty() {
        diagnostics.push(
            Diagnostic::new(Code::INTERFACE_OBJECT_USAGE_ERROR, format!("[{name}] The @interfaceObject directive can only be applied to entity types but type \"{type_name}\" has no @key in this subgraph."))
                .subgraph(name)
                .coordinate(type_name),
        );
    }
    if let Some(ExtendedType::Interface(_)) = sg.schema.types.get(type_name) {
        for key in keys.iter().filter(|k| k.resolvable()) {
            for implementation in sg.possible_types(type_name) {
                let has = sg
                    .keys(&implementation)
                    .iter()
                    .any(|k| k.fields == key.fields);
                if !has {
                    diagnostics.push(
                        Diagnostic::new(Code::INTERFACE_KEY_NOT_ON_IMPLEMENTATION, format!("[{name}] Key @key(fields: \"{}\") on interface type \"{type_name}\" is missing on implementation type \"{implementation}\".", key.fields))
                            .subgraph(name)
                            .coordinate(type_name)
                            .coordinate(implementation.clone()),
                    );
                }
            }
        }
    }
}

fn check_fields(
    sg: &Subgraph,
    type_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
    used: &mut Vec<(String, String)>,
) {
    let name = &sg.name;
    let is_interface = matches!(
        sg.schema.types.get(type_name),
        Some(ExtendedType::Interface(_))
    );
    let fields: Vec<(String, apollo_compiler::ast::Type)> = match sg.schema.types.get(type_name) {
        Some(ExtendedType::Object(o)) => o
            .fields
            .iter()
            .map(|(n, f)| (n.to_string(), f.ty.clone()))
            .collect(),
        Some(ExtendedType::Interface(i)) => i
            .fields
            .iter()
            .map(|(n, f)| (n.to_string(), f.ty.clone()))
            .collect(),
        _ => return,
    };
    for (field, ty) in fields {
        let coordinate = format!("{type_name}.{field}");
        if is_interface
            && sg
                .field(type_name, &field)
                .is_some_and(|d| sg.has(&d.directives, "external"))
        {
            diagnostics.push(
                Diagnostic::new(Code::EXTERNAL_ON_INTERFACE, format!("[{name}] Interface type field \"{coordinate}\" is marked @external but @external is not allowed on interface fields."))
                    .subgraph(name)
                    .coordinate(coordinate.clone()),
            );
        }
        if let Some(requires) = sg.requires(type_name, &field) {
            let prefix = format!(
                "[{name}] On field \"{coordinate}\", for @requires(fields: \"{requires}\")"
            );
            if is_interface {
                diagnostics.push(
                    Diagnostic::new(Code::REQUIRES_UNSUPPORTED_ON_INTERFACE, format!("[{name}] Cannot use @requires on field \"{coordinate}\" of parent type \"{type_name}\": @requires is not yet supported within interfaces."))
                        .subgraph(name)
                        .coordinate(coordinate.clone()),
                );
            } else {
                match parse_field_set(&sg.schema, type_name, &requires) {
                    Err(message) => diagnostics.push(
                        Diagnostic::new(Code::REQUIRES_INVALID_FIELDS, format!("{prefix}: {message} (if the field is defined in another subgraph, you need to add it to this subgraph with @external)."))
                            .subgraph(name)
                            .coordinate(coordinate.clone()),
                    ),
                    Ok(set) => {
                        for f in collect_fields(&set.selection_set) {
                            if must_be_external(sg, &f) {
                                diagnostics.push(
                                    Diagnostic::new(Code::REQUIRES_FIELDS_MISSING_EXTERNAL, format!("{prefix}: field \"{}.{}\" should not be part of a @requires since it is already {}", f.parent, f.name, already_provided(sg, &f)))
                                        .subgraph(name)
                                        .coordinate(coordinate.clone())
                                        .coordinate(format!("{}.{}", f.parent, f.name)),
                                );
                            }
                            used.push((f.parent, f.name));
                        }
                    }
                }
            }
        }
        if let Some(provides) = sg.provides(type_name, &field) {
            let prefix = format!(
                "[{name}] On field \"{coordinate}\", for @provides(fields: \"{provides}\")"
            );
            let base = ty.inner_named_type().as_str();
            let composite = matches!(
                sg.schema.types.get(base),
                Some(ExtendedType::Object(_) | ExtendedType::Interface(_) | ExtendedType::Union(_))
            );
            if is_interface {
                diagnostics.push(
                    Diagnostic::new(Code::PROVIDES_UNSUPPORTED_ON_INTERFACE, format!("[{name}] Cannot use @provides on field \"{coordinate}\" of parent type \"{type_name}\": @provides is not yet supported within interfaces."))
                        .subgraph(name)
                        .coordinate(coordinate.clone()),
                );
            } else if !composite {
                diagnostics.push(
                    Diagnostic::new(Code::PROVIDES_ON_NON_OBJECT_FIELD, format!("[{name}] Invalid @provides directive on field \"{coordinate}\": field has type \"{ty}\" which is not a Composite Type."))
                        .subgraph(name)
                        .coordinate(coordinate.clone()),
                );
            } else {
                match parse_field_set(&sg.schema, base, &provides) {
                    Err(message) => diagnostics.push(
                        Diagnostic::new(Code::PROVIDES_INVALID_FIELDS, format!("{prefix}: {message} (if the field is defined in another subgraph, you need to add it to this subgraph with @external)."))
                            .subgraph(name)
                            .coordinate(coordinate.clone()),
                    ),
                    Ok(set) => {
                        for f in collect_fields(&set.selection_set) {
                            let selected = format!("{}.{}", f.parent, f.name);
                            if f.has_arguments {
                                diagnostics.push(
                                    Diagnostic::new(Code::PROVIDES_FIELDS_HAS_ARGS, format!("{prefix}: field {selected} cannot be included because it has arguments (fields with argument are not allowed in @provides)."))
                                        .subgraph(name)
                                        .coordinate(coordinate.clone()),
                                );
                            }
                            if must_be_external(sg, &f) {
                                diagnostics.push(
                                    Diagnostic::new(Code::PROVIDES_FIELDS_MISSING_EXTERNAL, format!("{prefix}: field \"{selected}\" should not be part of a @provides since it is already {}", already_provided(sg, &f)))
                                        .subgraph(name)
                                        .coordinate(coordinate.clone())
                                        .coordinate(selected.clone()),
                                );
                            }
                            used.push((f.parent, f.name));
                        }
                    }
                }
            }
        }
    }
}

/// A selected leaf of `@requires`/`@provides` must be external, unless a field
/// it is nested in is (Apollo's rule; Federation 1 subgraphs are exempt). A
/// field selected on an interface counts as external when one of the
/// interface's implementations declares it external (a `@provides` through
/// an interface field).
fn must_be_external(sg: &Subgraph, f: &SelectedField) -> bool {
    let external_in_parents = f.ancestors.iter().any(|(t, n)| {
        sg.is_external(t, n)
            || (matches!(
                sg.schema.types.get(t.as_str()),
                Some(ExtendedType::Interface(_))
            ) && sg
                .possible_types(t)
                .iter()
                .any(|implementation| sg.is_external(implementation, n)))
    });
    !sg.is_fed1() && f.is_leaf && !sg.is_external(&f.parent, &f.name) && !external_in_parents
}

/// The end of the "should not be part of" message, in Apollo's words.
fn already_provided(sg: &Subgraph, f: &SelectedField) -> &'static str {
    if sg.is_fake_external(&f.parent, &f.name) {
        "\"effectively\" provided by this subgraph (while it is marked @external, it is a @key field of an extension type, which are not internally considered external for historical/backward compatibility reasons)."
    } else {
        "provided by this subgraph (it is not marked @external)."
    }
}

fn check_unused_externals(sg: &Subgraph, type_names: &[String], diagnostics: &mut Vec<Diagnostic>) {
    for type_name in type_names {
        let Some(ExtendedType::Object(object)) = sg.schema.types.get(type_name.as_str()) else {
            continue;
        };
        for field in object.fields.keys() {
            if !sg.is_external(type_name, field) {
                continue;
            }
            let key = (type_name.clone(), field.to_string());
            if sg.used_in_field_sets.contains(&key) {
                continue;
            }
            // An external field that implements an interface field is in use.
            let implements_interface_field = object.implements_interfaces.iter().any(|i| {
                matches!(sg.schema.types.get(i.name.as_str()), Some(ExtendedType::Interface(itf)) if itf.fields.contains_key(field.as_str()))
            });
            if implements_interface_field {
                continue;
            }
            let coordinate = format!("{type_name}.{field}");
            diagnostics.push(
                Diagnostic::new(Code::EXTERNAL_UNUSED, format!("[{}] Field \"{coordinate}\" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface; the field declaration has no use and should be removed (or the field should not be @external).", sg.name))
                    .subgraph(&sg.name)
                    .coordinate(coordinate),
            );
        }
    }
}
