//! The schema-level parts of the supergraph: root types, the link and join
//! spec links and definitions, and the join__Graph enum naming each subgraph.

use super::Merger;
use crate::diagnostic::{Code, Diagnostic};
use crate::spec::Version;
use crate::subgraph::Subgraph;
use crate::supergraph::model::{Applied, Kind, OutType, string_literal};

impl<'a> Merger<'a> {
    /// Schema definition, join and link definitions, spec links.
    pub(super) fn finish_schema(&mut self) {
        let mut links = vec![
            Applied::new("link").arg("url", string_literal("https://specs.apollo.dev/link/v1.0")),
            Applied::new("link")
                .arg(
                    "url",
                    string_literal(&format!("https://specs.apollo.dev/join/v{}", self.join)),
                )
                .arg("for", "EXECUTION"),
        ];
        links.extend(self.carried.links.iter().cloned());
        self.out.schema_directives = links;
        self.out.inaccessible = self.carried.inaccessible().map(str::to_string);
        for root in ["Query", "Mutation", "Subscription"] {
            let has_fields = self
                .out
                .types
                .get(root)
                .is_some_and(|t| !t.fields.is_empty());
            if has_fields {
                let kind = match root {
                    "Query" => "query",
                    "Mutation" => "mutation",
                    _ => "subscription",
                };
                self.out.roots.push((kind, root.to_string()));
            } else {
                self.out.types.shift_remove(root);
            }
        }
        if !self.out.roots.iter().any(|(k, _)| *k == "query") {
            self.diagnostics.push(Diagnostic::new(
                Code::NO_QUERIES,
                "No queries found in any subgraph: a supergraph must have a query root type.",
            ));
        }
        for (name, def) in join_definitions(self.join) {
            self.out
                .directive_definitions
                .insert(name.to_string(), def.to_string());
        }
        for (name, def) in &self.carried.definitions {
            if def.starts_with("directive") {
                self.out
                    .directive_definitions
                    .insert(name.clone(), def.clone());
            }
        }
        let mut graph = OutType::new(Kind::Enum, "join__Graph");
        for (i, sg) in self.sgs.iter().enumerate() {
            graph.values.insert(
                self.graphs[i].clone(),
                crate::supergraph::model::OutValue {
                    description: None,
                    directives: vec![
                        Applied::new("join__graph")
                            .arg("name", string_literal(&sg.name))
                            .arg("url", string_literal(&sg.url)),
                    ],
                },
            );
        }
        self.out.types.insert("join__Graph".into(), graph);
        for name in ["join__FieldSet", "link__Import"] {
            self.out
                .types
                .insert(name.into(), OutType::new(Kind::Scalar, name));
        }
        if self.join >= Version(0, 5) {
            for name in ["join__DirectiveArguments", "join__FieldValue"] {
                self.out
                    .types
                    .insert(name.into(), OutType::new(Kind::Scalar, name));
            }
            let mut ctx = OutType::new(Kind::Input, "join__ContextArgument");
            for (f, ty) in [
                ("name", "String!"),
                ("type", "String!"),
                ("context", "String!"),
                ("selection", "join__FieldValue!"),
            ] {
                ctx.fields.insert(
                    f.into(),
                    crate::supergraph::model::OutField {
                        ty: ty.into(),
                        ..Default::default()
                    },
                );
            }
            self.out.types.insert("join__ContextArgument".into(), ctx);
        }
        let mut purpose = OutType::new(Kind::Enum, "link__Purpose");
        purpose.values.insert(
            "SECURITY".into(),
            crate::supergraph::model::OutValue {
                description: Some(
                    "`SECURITY` features provide metadata necessary to securely resolve fields."
                        .into(),
                ),
                directives: Vec::new(),
            },
        );
        purpose.values.insert(
            "EXECUTION".into(),
            crate::supergraph::model::OutValue {
                description: Some(
                    "`EXECUTION` features provide metadata necessary for operation execution."
                        .into(),
                ),
                directives: Vec::new(),
            },
        );
        self.out.types.insert("link__Purpose".into(), purpose);
        for (name, def) in &self.carried.definitions {
            if let Some(scalar) = def.strip_prefix("scalar ") {
                self.out
                    .types
                    .insert(name.clone(), OutType::new(Kind::Scalar, scalar));
            }
        }
    }
}

/// `join__Graph` enum values: upper-cased subgraph names made valid GraphQL names.
pub(super) fn graph_enum_names(sgs: &[Subgraph]) -> Vec<String> {
    let sanitized: Vec<String> = sgs
        .iter()
        .map(|s| {
            let mut n: String = s
                .name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if n.starts_with(|c: char| c.is_ascii_digit()) {
                n.insert(0, '_');
            }
            if let Some((_, tail)) = n.rsplit_once('_')
                && !tail.is_empty()
                && tail.chars().all(|c| c.is_ascii_digit())
            {
                n.push('_');
            }
            n.to_uppercase()
        })
        .collect();
    let mut out = Vec::new();
    for (i, name) in sanitized.iter().enumerate() {
        let same: Vec<usize> = sanitized
            .iter()
            .enumerate()
            .filter(|(_, n)| *n == name)
            .map(|(j, _)| j)
            .collect();
        if same.len() == 1 {
            out.push(name.clone());
        } else {
            let pos = same.iter().position(|j| *j == i).unwrap_or(0);
            out.push(format!("{name}_{}", pos + 1));
        }
    }
    out
}

fn join_definitions(join: Version) -> Vec<(&'static str, &'static str)> {
    let mut defs = vec![
        (
            "join__enumValue",
            "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE",
        ),
        (
            "join__graph",
            "directive @join__graph(name: String!, url: String!) on ENUM_VALUE",
        ),
        (
            "join__implements",
            "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE",
        ),
        (
            "join__type",
            "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR",
        ),
        (
            "join__unionMember",
            "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION",
        ),
        (
            "link",
            "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA",
        ),
    ];
    let field = if join >= Version(0, 5) {
        "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String, contextArguments: [join__ContextArgument!]) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION"
    } else if join >= Version(0, 4) {
        "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION"
    } else {
        "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION"
    };
    defs.push(("join__field", field));
    if join >= Version(0, 5) {
        defs.push(("join__directive", "directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION"));
    }
    defs
}
