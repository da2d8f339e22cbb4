//! Loads a supergraph SDL: the API schema clients see, and the join metadata the planner needs.
//!
//! Entry point: [`Supergraph::parse`]. Its steps:
//! 1. parse and validate the SDL (errors name the line);
//! 2. read the `@link`ed specs to learn the names of the `join` and `inaccessible` directives;
//! 3. read `join__graph` into the subgraph list and every `join__*` directive into [`TypeInfo`];
//! 4. derive the API schema: no join or link elements, nothing `@inaccessible`.

mod api_schema;
mod context;
mod join;
mod links;

use crate::selection::SelectionSet;
use apollo_compiler::ast::Type;
use apollo_compiler::collections::HashMap as CompilerHashMap;
use apollo_compiler::schema::Implementers;
use apollo_compiler::validation::Valid;
use apollo_compiler::{Name, Schema};
use indexmap::IndexMap;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

pub use links::Links;

/// Index of a subgraph in [`Supergraph::subgraphs`].
pub type GraphId = usize;

/// A subgraph as the supergraph names it.
#[derive(Debug, Clone)]
pub struct Subgraph {
    pub name: String,
    pub url: String,
    /// The `join__Graph` enum value that stands for this subgraph.
    pub enum_value: Name,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Interface,
    Union,
    Enum,
    Scalar,
    InputObject,
}

/// A `@key` of a type in one subgraph.
#[derive(Debug, Clone)]
pub struct Key {
    pub fields: SelectionSet,
    /// The source text, as the supergraph gives it.
    pub source: String,
    /// False for `resolvable: false`: the subgraph can name the entity but not resolve it.
    pub resolvable: bool,
}

/// What one subgraph says about a type (`@join__type`).
#[derive(Debug, Clone)]
pub struct TypeInGraph {
    pub graph: GraphId,
    pub keys: Vec<Key>,
    pub is_interface_object: bool,
    pub extension: bool,
}

/// What one subgraph says about a field (`@join__field`).
#[derive(Debug, Clone, Default)]
pub struct FieldInGraph {
    pub graph: GraphId,
    pub external: bool,
    pub requires: Option<SelectionSet>,
    pub provides: Option<SelectionSet>,
    pub override_from: Option<String>,
    pub override_label: Option<String>,
    pub used_overridden: bool,
    /// The field's type in this subgraph when it differs from the supergraph's
    /// (`@join__field(type:)`, e.g. `ID!` where the supergraph says `ID`, or `Book` where it
    /// says the union `Media`).
    pub type_in_graph: Option<Type>,
    /// Arguments the subgraph takes from an ancestor's context (`@fromContext`,
    /// `@join__field(contextArguments:)`); clients never see them.
    pub context_arguments: Vec<ContextArgument>,
}

/// A field argument whose value comes from the nearest ancestor that sets a context
/// (`@context(name:)`), read by a selection on that ancestor.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextArgument {
    /// The context's supergraph name (`subgraph__name`).
    pub context: String,
    /// The argument as the subgraph declares it.
    pub name: Name,
    /// The argument's type in the subgraph, as text (`String`, `[ID!]`).
    pub ty: String,
    /// The selection, parsed on each type that sets the context.
    pub selections: Vec<(Name, SelectionSet)>,
}

#[derive(Debug, Clone)]
pub struct FieldInfo {
    pub name: Name,
    pub ty: Type,
    /// The subgraphs that define the field. When the supergraph has no `@join__field` for it,
    /// every subgraph that defines the parent type.
    pub graphs: Vec<FieldInGraph>,
}

#[derive(Debug, Clone)]
pub struct TypeInfo {
    pub name: Name,
    pub kind: TypeKind,
    pub graphs: Vec<TypeInGraph>,
    pub fields: IndexMap<Name, FieldInfo>,
    /// For interfaces and unions: the object types that can be at runtime, per subgraph.
    pub possible_in_graph: Vec<(GraphId, Name)>,
    /// For interfaces and unions: every object type that can be at runtime (supergraph-wide).
    pub possible_types: Vec<Name>,
    /// For enums: the values each subgraph knows.
    pub enum_values_in_graph: Vec<(GraphId, Name)>,
    /// The contexts this type sets (`@context(name:)`), by supergraph name.
    pub contexts: Vec<String>,
}

/// A loaded supergraph.
#[derive(Debug)]
pub struct Supergraph {
    /// The schema as the supergraph SDL defines it, join elements included.
    pub schema: Valid<Schema>,
    /// What clients see and operations are validated against.
    pub api_schema: Valid<Schema>,
    pub api_implementers: CompilerHashMap<Name, Implementers>,
    pub subgraphs: Vec<Subgraph>,
    pub types: HashMap<Name, TypeInfo>,
    pub links: Links,
    /// Every progressive `@override` label (`overrideLabel`), sorted: each request decides
    /// which are on (see [`FieldInGraph::is_active`]).
    pub override_labels: Vec<String>,
    /// Identifies this supergraph in cache keys.
    pub hash: u64,
}

/// Why a supergraph SDL could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SupergraphError {
    #[error("the supergraph SDL is not valid GraphQL:\n{0}")]
    InvalidSdl(String),
    #[error(
        "the supergraph has no `join__Graph` enum: it is not a federation supergraph (compose it with `quntuan compose`)"
    )]
    NoJoinGraph,
    #[error("{location}: {message}")]
    InvalidDirective { location: String, message: String },
    #[error("the API schema derived from the supergraph is not valid:\n{0}")]
    InvalidApiSchema(String),
}

pub type Result<T, E = SupergraphError> = std::result::Result<T, E>;

impl Supergraph {
    /// Parses a supergraph SDL; see the module documentation for the steps.
    pub fn parse(sdl: &str) -> Result<Self> {
        let schema = Schema::parse_and_validate(sdl, "supergraph.graphql")
            .map_err(|e| SupergraphError::InvalidSdl(e.errors.to_string()))?;
        let links = Links::read(&schema);
        let subgraphs = join::read_graphs(&schema, &links)?;
        let types = join::read_types(&schema, &links, &subgraphs)?;
        let api_schema = api_schema::derive(&schema, &links)?;
        let api_implementers = api_schema.implementers_map();
        let mut override_labels: Vec<String> = types
            .values()
            .flat_map(|t| t.fields.values())
            .flat_map(|f| f.graphs.iter())
            .filter_map(|g| g.override_label.clone())
            .collect();
        override_labels.sort();
        override_labels.dedup();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        sdl.hash(&mut hasher);
        Ok(Self {
            schema,
            api_schema,
            api_implementers,
            subgraphs,
            types,
            links,
            override_labels,
            hash: hasher.finish(),
        })
    }

    pub fn type_info(&self, name: &str) -> Option<&TypeInfo> {
        self.types.get(name)
    }

    pub fn graph_by_name(&self, name: &str) -> Option<GraphId> {
        self.subgraphs.iter().position(|s| s.name == name)
    }

    /// The API schema in SDL form.
    pub fn api_sdl(&self) -> String {
        self.api_schema.to_string()
    }
}

impl TypeInfo {
    pub fn in_graph(&self, graph: GraphId) -> Option<&TypeInGraph> {
        self.graphs.iter().find(|t| t.graph == graph)
    }

    pub fn is_abstract(&self) -> bool {
        matches!(self.kind, TypeKind::Interface | TypeKind::Union)
    }

    /// The object types a subgraph can return for this abstract type.
    pub fn possible_types_in(&self, graph: GraphId) -> impl Iterator<Item = &Name> {
        self.possible_in_graph
            .iter()
            .filter(move |(g, _)| *g == graph)
            .map(|(_, n)| n)
    }
}

impl FieldInGraph {
    /// Whether this subgraph resolves the field, given the progressive-override labels that
    /// are on for the request: with a label, the overriding subgraph (`override:` set) serves
    /// it while the label is on and the overridden one while it is off.
    pub fn is_active(&self, labels_on: &[String]) -> bool {
        if self.used_overridden {
            return false;
        }
        match &self.override_label {
            None => true,
            Some(label) => labels_on.contains(label) == self.override_from.is_some(),
        }
    }
}

impl FieldInfo {
    pub fn in_graph(&self, graph: GraphId) -> Option<&FieldInGraph> {
        self.graphs.iter().find(|f| f.graph == graph)
    }

    /// The field's type as `graph` declares it: what a subgraph operation below the field must
    /// be valid against.
    pub fn type_in(&self, graph: GraphId) -> &Type {
        self.in_graph(graph)
            .and_then(|f| f.type_in_graph.as_ref())
            .unwrap_or(&self.ty)
    }
}
