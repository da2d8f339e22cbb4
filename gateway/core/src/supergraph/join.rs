//! Reads the `join__*` directives of a supergraph into the planner's metadata.

use super::context::{self, ArgumentError};
use super::{
    FieldInGraph, FieldInfo, GraphId, Key, Links, Result, Subgraph, SupergraphError, TypeInGraph,
    TypeInfo, TypeKind,
};
use crate::selection::{NoVariables, SelectionSet};
use apollo_compiler::ast::Value;
use apollo_compiler::executable::FieldSet;
use apollo_compiler::schema::{Component, Directive, ExtendedType};
use apollo_compiler::validation::Valid;
use apollo_compiler::{Name, Node, Schema};
use indexmap::IndexMap;
use std::collections::HashMap;

/// Reads `enum join__Graph { A @join__graph(name: "a", url: "...") }`.
pub(super) fn read_graphs(schema: &Schema, links: &Links) -> Result<Vec<Subgraph>> {
    let enum_name = links.join_directive("Graph");
    let Some(ExtendedType::Enum(graphs)) = schema.types.get(enum_name.as_str()) else {
        return Err(SupergraphError::NoJoinGraph);
    };
    let graph_directive = links.join_directive("graph");
    graphs
        .values
        .values()
        .map(|value| {
            let directive = value.directives.get(&graph_directive).ok_or_else(|| {
                invalid(
                    schema,
                    value.location(),
                    format!("`{}` has no @{graph_directive}(name:, url:)", value.value),
                )
            })?;
            Ok(Subgraph {
                name: string_arg(directive, "name")
                    .unwrap_or(value.value.as_str())
                    .to_string(),
                url: string_arg(directive, "url").unwrap_or_default().to_string(),
                enum_value: value.value.clone(),
            })
        })
        .collect()
}

/// Reads every type's `@join__type`, `@join__field`, `@join__implements`,
/// `@join__unionMember` and `@join__enumValue`.
pub(super) fn read_types(
    schema: &Valid<Schema>,
    links: &Links,
    subgraphs: &[Subgraph],
) -> Result<HashMap<Name, TypeInfo>> {
    let reader = Reader {
        schema,
        links,
        subgraphs,
        contexts: context::read_contexts(schema, links),
    };
    let mut types = HashMap::new();
    for (name, ty) in &schema.types {
        if ty.is_built_in() || links.is_spec_element(name) {
            continue;
        }
        types.insert(name.clone(), reader.read_type(name, ty)?);
    }
    reader.fill_possible_types(&mut types);
    Ok(types)
}

struct Reader<'a> {
    schema: &'a Valid<Schema>,
    links: &'a Links,
    subgraphs: &'a [Subgraph],
    /// Context names and the types that set them.
    contexts: HashMap<String, Vec<Name>>,
}

impl Reader<'_> {
    fn graph_of(&self, directive: &Node<Directive>) -> Result<Option<GraphId>> {
        let Some(value) = directive.specified_argument_by_name("graph") else {
            return Ok(None);
        };
        let Value::Enum(graph) = value.as_ref() else {
            return Err(invalid(
                self.schema,
                directive.location(),
                format!("@{}: `graph:` must be a join__Graph value", directive.name),
            ));
        };
        self.subgraphs
            .iter()
            .position(|s| &s.enum_value == graph)
            .map(Some)
            .ok_or_else(|| {
                invalid(
                    self.schema,
                    directive.location(),
                    format!(
                        "@{}: `{graph}` is not a value of join__Graph",
                        directive.name
                    ),
                )
            })
    }

    fn read_type(&self, name: &Name, ty: &ExtendedType) -> Result<TypeInfo> {
        let kind = match ty {
            ExtendedType::Object(_) => TypeKind::Object,
            ExtendedType::Interface(_) => TypeKind::Interface,
            ExtendedType::Union(_) => TypeKind::Union,
            ExtendedType::Enum(_) => TypeKind::Enum,
            ExtendedType::Scalar(_) => TypeKind::Scalar,
            ExtendedType::InputObject(_) => TypeKind::InputObject,
        };
        let type_directive = self.links.join_directive("type");
        let mut graphs: Vec<TypeInGraph> = Vec::new();
        for directive in ty.directives().get_all(&type_directive) {
            let Some(graph) = self.graph_of(directive)? else {
                continue;
            };
            let key = match string_arg(directive, "key") {
                Some(source) => Some(Key {
                    fields: self.field_set(name, source, directive)?,
                    source: source.to_string(),
                    resolvable: bool_arg(directive, "resolvable").unwrap_or(true),
                }),
                None => None,
            };
            let entry = match graphs.iter_mut().find(|g| g.graph == graph) {
                Some(entry) => entry,
                None => {
                    graphs.push(TypeInGraph {
                        graph,
                        keys: Vec::new(),
                        is_interface_object: false,
                        extension: false,
                    });
                    graphs.last_mut().expect("just pushed")
                }
            };
            entry.keys.extend(key);
            entry.is_interface_object |= bool_arg(directive, "isInterfaceObject").unwrap_or(false);
            entry.extension |= bool_arg(directive, "extension").unwrap_or(false);
        }
        // A supergraph without join__type on a type (hand-written, or old) shares it everywhere.
        if graphs.is_empty() {
            graphs = (0..self.subgraphs.len())
                .map(|graph| TypeInGraph {
                    graph,
                    keys: Vec::new(),
                    is_interface_object: false,
                    extension: false,
                })
                .collect();
        }

        let mut fields = IndexMap::new();
        let field_defs: Vec<&Component<apollo_compiler::schema::FieldDefinition>> = match ty {
            ExtendedType::Object(o) => o.fields.values().collect(),
            ExtendedType::Interface(i) => i.fields.values().collect(),
            _ => Vec::new(),
        };
        for field in field_defs {
            fields.insert(field.name.clone(), self.read_field(name, field, &graphs)?);
        }

        let mut possible_in_graph = Vec::new();
        if let ExtendedType::Union(union) = ty {
            let member_directive = self.links.join_directive("unionMember");
            for directive in union.directives.get_all(&member_directive) {
                if let (Some(graph), Some(member)) =
                    (self.graph_of(directive)?, string_arg(directive, "member"))
                {
                    possible_in_graph.push((
                        graph,
                        Name::new(member).map_err(|_| {
                            invalid(
                                self.schema,
                                directive.location(),
                                format!("`{member}` is not a type name"),
                            )
                        })?,
                    ));
                }
            }
        }
        let mut enum_values_in_graph = Vec::new();
        if let ExtendedType::Enum(e) = ty {
            let value_directive = self.links.join_directive("enumValue");
            for value in e.values.values() {
                let mut any = false;
                for directive in value.directives.get_all(&value_directive) {
                    if let Some(graph) = self.graph_of(directive)? {
                        enum_values_in_graph.push((graph, value.value.clone()));
                        any = true;
                    }
                }
                if !any {
                    for g in &graphs {
                        enum_values_in_graph.push((g.graph, value.value.clone()));
                    }
                }
            }
        }
        Ok(TypeInfo {
            name: name.clone(),
            kind,
            graphs,
            fields,
            possible_in_graph,
            possible_types: Vec::new(),
            enum_values_in_graph,
            contexts: context::type_contexts(ty.directives(), self.links),
        })
    }

    fn read_field(
        &self,
        parent: &Name,
        field: &apollo_compiler::schema::FieldDefinition,
        type_graphs: &[TypeInGraph],
    ) -> Result<FieldInfo> {
        let field_directive = self.links.join_directive("field");
        let directives: Vec<&Node<Directive>> =
            field.directives.get_all(&field_directive).collect();
        let graphs = if directives.is_empty() {
            type_graphs
                .iter()
                .map(|t| FieldInGraph {
                    graph: t.graph,
                    ..Default::default()
                })
                .collect()
        } else {
            let mut graphs = Vec::new();
            for directive in directives {
                // `@join__field` without a graph: no subgraph resolves the field on this type
                // directly (fields added through an `@interfaceObject`).
                let Some(graph) = self.graph_of(directive)? else {
                    continue;
                };
                let return_type = field.ty.inner_named_type();
                graphs.push(FieldInGraph {
                    graph,
                    external: bool_arg(directive, "external").unwrap_or(false),
                    requires: string_arg(directive, "requires")
                        .map(|source| self.field_set(parent, source, directive))
                        .transpose()?,
                    provides: string_arg(directive, "provides")
                        .map(|source| self.field_set(return_type, source, directive))
                        .transpose()?,
                    override_from: string_arg(directive, "override").map(str::to_string),
                    override_label: string_arg(directive, "overrideLabel").map(str::to_string),
                    used_overridden: bool_arg(directive, "usedOverridden").unwrap_or(false),
                    type_in_graph: string_arg(directive, "type")
                        .map(|source| {
                            apollo_compiler::ast::Type::parse(source, "join__field_type").map_err(
                                |e| {
                                    invalid(
                                        self.schema,
                                        directive.location(),
                                        format!(
                                            "@{}: `type: \"{source}\"` of `{parent}.{}` is not a type: {e}",
                                            directive.name, field.name
                                        ),
                                    )
                                },
                            )
                        })
                        .transpose()?,
                    context_arguments: self.context_arguments(parent, field, directive)?,
                });
            }
            graphs
        };
        Ok(FieldInfo {
            name: field.name.clone(),
            ty: field.ty.clone(),
            graphs,
        })
    }

    fn context_arguments(
        &self,
        parent: &Name,
        field: &apollo_compiler::schema::FieldDefinition,
        directive: &Node<Directive>,
    ) -> Result<Vec<crate::supergraph::ContextArgument>> {
        let parse = |type_name: &Name, source: &str| {
            self.field_set(type_name, source, directive)
                .map_err(|e| e.to_string())
        };
        context::read_arguments(directive, &self.contexts, parse).map_err(|error| {
            let message = match error {
                ArgumentError::Missing(key) => format!("contextArguments: `{key}` is missing"),
                ArgumentError::UnknownContext(name) => {
                    format!("contextArguments: no type sets the context \"{name}\"")
                }
                ArgumentError::Selection(type_name, reason) => {
                    format!(
                        "contextArguments: the selection does not apply to `{type_name}`: {reason}"
                    )
                }
            };
            invalid(
                self.schema,
                directive.location(),
                format!("`{parent}.{}`: {message}", field.name),
            )
        })
    }

    fn field_set(
        &self,
        type_name: &Name,
        source: &str,
        directive: &Node<Directive>,
    ) -> Result<SelectionSet> {
        let set = FieldSet::parse_and_validate(self.schema, type_name.clone(), source, "field_set")
            .map_err(|e| {
                invalid(
                    self.schema,
                    directive.location(),
                    format!(
                        "@{}: field set \"{source}\" on `{type_name}` is invalid: {}",
                        directive.name, e.errors
                    ),
                )
            })?;
        Ok(SelectionSet::from_executable(
            &set.selection_set,
            &Default::default(),
            &NoVariables,
        ))
    }

    /// Possible runtime types of interfaces, per subgraph (`@join__implements`) and overall.
    fn fill_possible_types(&self, types: &mut HashMap<Name, TypeInfo>) {
        let implements_directive = self.links.join_directive("implements");
        let mut per_graph: Vec<(Name, GraphId, Name)> = Vec::new();
        let mut overall: Vec<(Name, Name)> = Vec::new();
        for (name, ty) in &self.schema.types {
            let (interfaces, directives) = match ty {
                ExtendedType::Object(o) => (&o.implements_interfaces, &o.directives),
                _ => continue,
            };
            let object_graphs: Vec<GraphId> = types
                .get(name)
                .map(|t| t.graphs.iter().map(|g| g.graph).collect())
                .unwrap_or_default();
            let declared: Vec<(GraphId, String)> = directives
                .get_all(&implements_directive)
                .filter_map(|d| {
                    Some((
                        self.graph_of(d).ok()??,
                        string_arg(d, "interface")?.to_string(),
                    ))
                })
                .collect();
            for interface in interfaces {
                overall.push((interface.name.clone(), name.clone()));
                let graphs: Vec<GraphId> = if declared.is_empty() {
                    object_graphs.clone()
                } else {
                    declared
                        .iter()
                        .filter(|(_, i)| i == interface.name.as_str())
                        .map(|(g, _)| *g)
                        .collect()
                };
                for graph in graphs {
                    per_graph.push((interface.name.clone(), graph, name.clone()));
                }
            }
        }
        for (interface, graph, object) in per_graph {
            if let Some(info) = types.get_mut(&interface) {
                info.possible_in_graph.push((graph, object));
            }
        }
        for (interface, object) in overall {
            if let Some(info) = types.get_mut(&interface) {
                info.possible_types.push(object);
            }
        }
        for (name, ty) in &self.schema.types {
            if let ExtendedType::Union(union) = ty
                && let Some(info) = types.get_mut(name)
            {
                info.possible_types = union.members.iter().map(|m| m.name.clone()).collect();
                if info.possible_in_graph.is_empty() {
                    let graphs: Vec<GraphId> = info.graphs.iter().map(|g| g.graph).collect();
                    for graph in graphs {
                        for member in &info.possible_types {
                            info.possible_in_graph.push((graph, member.clone()));
                        }
                    }
                }
            }
        }
    }
}

fn string_arg<'a>(directive: &'a Directive, name: &str) -> Option<&'a str> {
    directive
        .specified_argument_by_name(name)
        .and_then(|v| v.as_str())
}

fn bool_arg(directive: &Directive, name: &str) -> Option<bool> {
    directive
        .specified_argument_by_name(name)
        .and_then(|v| v.to_bool())
}

fn invalid(
    schema: &Schema,
    location: Option<apollo_compiler::parser::SourceSpan>,
    message: String,
) -> SupergraphError {
    let location = location
        .and_then(|span| span.line_column(&schema.sources))
        .map(|lc| format!("supergraph line {}, column {}", lc.line, lc.column))
        .unwrap_or_else(|| "supergraph".to_string());
    SupergraphError::InvalidDirective { location, message }
}
