//! Derives the API schema from a supergraph: what clients may query and introspect.

use super::{Links, Result, SupergraphError};
use apollo_compiler::schema::{DirectiveList, ExtendedType};
use apollo_compiler::validation::Valid;
use apollo_compiler::{Name, Schema};
use std::collections::HashSet;

const DEFER_DEFINITION: &str =
    "\ndirective @defer(label: String, if: Boolean! = true) on FRAGMENT_SPREAD | INLINE_FRAGMENT\n";

/// Removes every element of a linked spec (join, link, inaccessible, tag, ...) and every
/// element marked `@inaccessible`, then validates what is left.
pub(super) fn derive(supergraph: &Valid<Schema>, links: &Links) -> Result<Valid<Schema>> {
    let inaccessible = links.directive("inaccessible", "inaccessible");
    let mut schema: Schema = supergraph.as_ref().clone();

    let removed_types: HashSet<Name> = schema
        .types
        .iter()
        .filter(|(name, ty)| links.is_spec_element(name) || ty.directives().has(&inaccessible))
        .map(|(name, _)| name.clone())
        .collect();
    schema.types.retain(|name, _| !removed_types.contains(name));
    schema
        .directive_definitions
        .retain(|name, def| def.is_built_in() || !links.is_spec_element(name));
    let kept_directive = |name: &Name| !links.is_spec_element(name);
    let strip = |list: &mut DirectiveList| list.retain(|d| kept_directive(&d.name));

    strip(&mut schema.schema_definition.make_mut().directives);
    for ty in schema.types.values_mut() {
        match ty {
            ExtendedType::Object(object) => {
                let object = object.make_mut();
                strip(&mut object.directives);
                object
                    .implements_interfaces
                    .retain(|i| !removed_types.contains(&i.name));
                object.fields.retain(|_, f| {
                    !f.directives.has(&inaccessible)
                        && !removed_types.contains(f.ty.inner_named_type())
                });
                for field in object.fields.values_mut() {
                    let field = field.make_mut();
                    // Arguments filled from a context (`@fromContext`) are the gateway's to give.
                    let from_context = super::context::argument_names(&field.directives, links);
                    field.directives.retain(|d| kept_directive(&d.name));
                    field.arguments.retain(|a| {
                        !a.directives.has(&inaccessible)
                            && !removed_types.contains(a.ty.inner_named_type())
                            && !from_context.contains(&a.name)
                    });
                    for argument in &mut field.arguments {
                        argument
                            .make_mut()
                            .directives
                            .retain(|d| kept_directive(&d.name));
                    }
                }
            }
            ExtendedType::Interface(interface) => {
                let interface = interface.make_mut();
                strip(&mut interface.directives);
                interface
                    .implements_interfaces
                    .retain(|i| !removed_types.contains(&i.name));
                interface.fields.retain(|_, f| {
                    !f.directives.has(&inaccessible)
                        && !removed_types.contains(f.ty.inner_named_type())
                });
                for field in interface.fields.values_mut() {
                    let field = field.make_mut();
                    // Arguments filled from a context (`@fromContext`) are the gateway's to give.
                    let from_context = super::context::argument_names(&field.directives, links);
                    field.directives.retain(|d| kept_directive(&d.name));
                    field.arguments.retain(|a| {
                        !a.directives.has(&inaccessible)
                            && !removed_types.contains(a.ty.inner_named_type())
                            && !from_context.contains(&a.name)
                    });
                    for argument in &mut field.arguments {
                        argument
                            .make_mut()
                            .directives
                            .retain(|d| kept_directive(&d.name));
                    }
                }
            }
            ExtendedType::Union(union) => {
                let union = union.make_mut();
                strip(&mut union.directives);
                union.members.retain(|m| !removed_types.contains(&m.name));
            }
            ExtendedType::Enum(e) => {
                let e = e.make_mut();
                strip(&mut e.directives);
                e.values.retain(|_, v| !v.directives.has(&inaccessible));
                for value in e.values.values_mut() {
                    value
                        .make_mut()
                        .directives
                        .retain(|d| kept_directive(&d.name));
                }
            }
            ExtendedType::InputObject(input) => {
                let input = input.make_mut();
                strip(&mut input.directives);
                input.fields.retain(|_, f| {
                    !f.directives.has(&inaccessible)
                        && !removed_types.contains(f.ty.inner_named_type())
                });
                for field in input.fields.values_mut() {
                    field
                        .make_mut()
                        .directives
                        .retain(|d| kept_directive(&d.name));
                }
            }
            ExtendedType::Scalar(scalar) => strip(&mut scalar.make_mut().directives),
        }
    }
    // Root operation types that became inaccessible disappear from the schema definition.
    let definition = schema.schema_definition.make_mut();
    for root in [&mut definition.mutation, &mut definition.subscription] {
        if root
            .as_ref()
            .is_some_and(|r| !schema.types.contains_key(&r.name))
        {
            *root = None;
        }
    }
    // Reprint and reparse, so that source locations and derived indexes are consistent.
    let mut sdl = schema.to_string();
    // The gateway delivers `@defer` itself (incremental delivery), whatever the subgraphs do.
    if !schema.directive_definitions.contains_key("defer") {
        sdl.push_str(DEFER_DEFINITION);
    }
    Schema::parse_and_validate(sdl, "api_schema.graphql")
        .map_err(|e| SupergraphError::InvalidApiSchema(e.errors.to_string()))
}
