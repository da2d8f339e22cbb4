//! `supergraph.graphql` is written by hand, so this test holds it to the subgraphs it describes:
//! it must be a valid schema, route to 127.0.0.1:4101–4104, record exactly each subgraph's
//! types, keys and fields (with `external`, `requires`, `provides`), expose the same API as the
//! monolith, and accept the deep query.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use apollo_compiler::ast::{self, Definition, FieldDefinition};
use apollo_compiler::schema::ExtendedType;
use apollo_compiler::{ExecutableDocument, Node, Schema};
use common::{bench_path, deep_query};
use quntuan_bench::monolith;

/// What composition records about one subgraph: its object types with their keys, and its
/// fields with the federation directives that matter for planning.
#[derive(Debug, Default, PartialEq, Eq)]
struct Facts {
    types: BTreeSet<(String, Option<String>)>,
    fields: BTreeSet<Field>,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Field {
    owner: String,
    signature: String,
    external: bool,
    requires: Option<String>,
    provides: Option<String>,
}

/// `name(arg: Type = default): Type`, the part of a field both sides must agree on.
fn signature(field: &FieldDefinition) -> String {
    let args: Vec<String> = field
        .arguments
        .iter()
        .map(|arg| match &arg.default_value {
            Some(default) => format!("{}: {} = {}", arg.name, arg.ty, default),
            None => format!("{}: {}", arg.name, arg.ty),
        })
        .collect();
    let args = if args.is_empty() {
        String::new()
    } else {
        format!("({})", args.join(", "))
    };
    format!("{}{}: {}", field.name, args, field.ty)
}

fn string_arg(directive: &ast::Directive, name: &str) -> Option<String> {
    directive
        .specified_argument_by_name(name)
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}

fn load_supergraph() -> apollo_compiler::validation::Valid<Schema> {
    let path = bench_path("supergraph.graphql");
    let source = std::fs::read_to_string(&path).expect("read supergraph.graphql");
    Schema::parse_and_validate(source, path).unwrap_or_else(|e| panic!("invalid supergraph: {e}"))
}

/// The facts per subgraph name, read back from the `join__` directives.
fn supergraph_facts(schema: &Schema) -> BTreeMap<String, Facts> {
    let Some(ExtendedType::Enum(graphs)) = schema.types.get("join__Graph") else {
        panic!("supergraph has no join__Graph enum");
    };
    let graph_names: BTreeMap<String, String> = graphs
        .values
        .iter()
        .map(|(value, def)| {
            let graph = def
                .directives
                .get("join__graph")
                .expect("@join__graph on each graph");
            (
                value.to_string(),
                string_arg(graph, "name").expect("graph name"),
            )
        })
        .collect();
    let mut facts: BTreeMap<String, Facts> = BTreeMap::new();
    let graph_of = |directive: &ast::Directive| -> String {
        let value = directive
            .specified_argument_by_name("graph")
            .and_then(|v| v.as_enum());
        let value = value.expect("graph: argument").to_string();
        graph_names[&value].clone()
    };
    for (type_name, ty) in &schema.types {
        let ExtendedType::Object(object) = ty else {
            continue;
        };
        let mut owners = Vec::new();
        for join_type in object.directives.get_all("join__type") {
            let graph = graph_of(join_type);
            let key = string_arg(join_type, "key");
            facts
                .entry(graph.clone())
                .or_default()
                .types
                .insert((type_name.to_string(), key));
            owners.push(graph);
        }
        for field in object.fields.values() {
            let joins: Vec<&Node<ast::Directive>> =
                field.directives.get_all("join__field").collect();
            let entries: Vec<(String, Field)> = if joins.is_empty() {
                // No @join__field: the field lives in every subgraph that defines the type.
                owners
                    .iter()
                    .map(|graph| (graph.clone(), plain_field(type_name, field)))
                    .collect()
            } else {
                joins
                    .iter()
                    .map(|join| {
                        let external = join
                            .specified_argument_by_name("external")
                            .and_then(|v| v.to_bool())
                            .unwrap_or(false);
                        let fact = Field {
                            external,
                            requires: string_arg(join, "requires"),
                            provides: string_arg(join, "provides"),
                            ..plain_field(type_name, field)
                        };
                        (graph_of(join), fact)
                    })
                    .collect()
            };
            for (graph, fact) in entries {
                facts.entry(graph).or_default().fields.insert(fact);
            }
        }
    }
    facts
}

fn plain_field(owner: &str, field: &FieldDefinition) -> Field {
    Field {
        owner: owner.to_owned(),
        signature: signature(field),
        external: false,
        requires: None,
        provides: None,
    }
}

/// The same facts read from a subgraph's own SDL (`@key`, `@external`, `@requires`,
/// `@provides`). Every subgraph has a `Query` type, even one without root fields, because
/// federation adds `_entities` and `_service` to it.
fn subgraph_facts(name: &str) -> Facts {
    let path = bench_path(&format!("subgraphs/{name}.graphql"));
    let source = std::fs::read_to_string(&path).expect("read subgraph SDL");
    let document = ast::Document::parse(source, path).expect("parsable subgraph SDL");
    let mut facts = Facts::default();
    facts.types.insert(("Query".to_owned(), None));
    for definition in &document.definitions {
        let (type_name, directives, fields) = match definition {
            Definition::ObjectTypeDefinition(o) => (&o.name, &o.directives, &o.fields),
            Definition::ObjectTypeExtension(o) => (&o.name, &o.directives, &o.fields),
            _ => continue,
        };
        let keys: Vec<String> = directives
            .get_all("key")
            .filter_map(|k| string_arg(k, "fields"))
            .collect();
        assert!(
            keys.len() <= 1,
            "{name}: {type_name} has several keys; extend this test"
        );
        facts
            .types
            .insert((type_name.to_string(), keys.into_iter().next()));
        for field in fields {
            facts.fields.insert(Field {
                external: field.directives.get("external").is_some(),
                requires: field
                    .directives
                    .get("requires")
                    .and_then(|d| string_arg(d, "fields")),
                provides: field
                    .directives
                    .get("provides")
                    .and_then(|d| string_arg(d, "fields")),
                ..plain_field(type_name, field)
            });
        }
    }
    facts
}

#[test]
fn supergraph_routes_each_subgraph_to_its_loopback_port() {
    let schema = load_supergraph();
    let Some(ExtendedType::Enum(graphs)) = schema.types.get("join__Graph") else {
        panic!("supergraph has no join__Graph enum");
    };
    let routes: Vec<(String, String, String)> = graphs
        .values
        .iter()
        .map(|(value, def)| {
            let graph = def.directives.get("join__graph").expect("@join__graph");
            let name = string_arg(graph, "name").expect("name");
            let url = string_arg(graph, "url").expect("url");
            (value.to_string(), name, url)
        })
        .collect();
    let expected: Vec<(String, String, String)> = [
        ("ACCOUNTS", "accounts", "http://127.0.0.1:4101/graphql"),
        ("INVENTORY", "inventory", "http://127.0.0.1:4102/graphql"),
        ("PRODUCTS", "products", "http://127.0.0.1:4103/graphql"),
        ("REVIEWS", "reviews", "http://127.0.0.1:4104/graphql"),
    ]
    .iter()
    .map(|(v, n, u)| (v.to_string(), n.to_string(), u.to_string()))
    .collect();
    assert_eq!(routes, expected);
}

#[test]
fn supergraph_records_exactly_what_each_subgraph_declares() {
    let schema = load_supergraph();
    let facts = supergraph_facts(&schema);
    assert_eq!(
        facts.keys().map(String::as_str).collect::<Vec<_>>(),
        ["accounts", "inventory", "products", "reviews"]
    );
    for (name, from_supergraph) in &facts {
        assert_eq!(from_supergraph, &subgraph_facts(name), "subgraph `{name}`");
    }
}

#[test]
fn supergraph_api_matches_the_monolith() {
    let schema = load_supergraph();
    let monolith_sdl = monolith::schema().sdl();
    let monolith = Schema::parse_and_validate(monolith_sdl, "monolith.graphql")
        .unwrap_or_else(|e| panic!("invalid monolith SDL: {e}"));
    let api_fields = |schema: &Schema| -> BTreeMap<String, BTreeSet<String>> {
        schema
            .types
            .iter()
            .filter(|(name, ty)| !ty.is_built_in() && !name.starts_with("join__"))
            .filter_map(|(name, ty)| match ty {
                ExtendedType::Object(o) => Some((
                    name.to_string(),
                    o.fields.values().map(|f| signature(f)).collect(),
                )),
                _ => None,
            })
            .collect()
    };
    assert_eq!(api_fields(&schema), api_fields(&monolith));
}

#[test]
fn deep_query_is_valid_against_the_supergraph() {
    let schema = load_supergraph();
    ExecutableDocument::parse_and_validate(&schema, deep_query(), "deep.graphql")
        .unwrap_or_else(|e| panic!("deep.graphql does not validate: {e}"));
}
