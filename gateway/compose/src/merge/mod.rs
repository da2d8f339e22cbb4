//! Merging validated subgraphs into the supergraph model, following the rules
//! (and the output order) of Apollo's Federation 2 composition.

mod applications;
mod arguments;
mod directives;
mod enums;
mod fields;
mod inputs;
mod overrides;
mod post;
mod schema;
mod sharing;
mod subtyping;
mod types;

pub(crate) use directives::ACCESS_CONTROL;

use crate::diagnostic::{Code, Diagnostic, subgraphs_phrase};
use crate::spec::{self, Version};
use crate::subgraph::Subgraph;
use crate::supergraph::model::{Applied, Kind, OutSchema, string_literal};
use apollo_compiler::schema::ExtendedType;
use directives::Carried;
use indexmap::{IndexMap, IndexSet};
use schema::graph_enum_names;
use std::collections::HashMap;

/// Where an enum is used, for the enum merge rule.
#[derive(Debug, Default, Clone)]
pub(crate) struct EnumUsage {
    pub input: Option<String>,
    pub output: Option<String>,
}

pub(crate) struct Merger<'a> {
    pub sgs: &'a [Subgraph],
    /// `join__Graph` value of each subgraph.
    pub graphs: Vec<String>,
    pub out: OutSchema,
    pub diagnostics: Vec<Diagnostic>,
    pub kinds: IndexMap<String, Kind>,
    pub enum_usage: HashMap<String, EnumUsage>,
    pub carried: Carried,
    pub join: Version,
    /// Supergraph `implements`, merged before fields so subtyping can be checked.
    pub implements: HashMap<String, IndexSet<String>>,
    pub union_members: HashMap<String, IndexSet<String>>,
}

/// The result of merging: the model, and the federation version it was written for.
pub(crate) struct Merged {
    pub schema: OutSchema,
    pub join: Version,
}

pub(crate) fn merge(sgs: &[Subgraph]) -> Result<Merged, Vec<Diagnostic>> {
    let mut merger = Merger::new(sgs);
    merger.run();
    if merger.diagnostics.is_empty() {
        Ok(Merged {
            schema: merger.out,
            join: merger.join,
        })
    } else {
        Err(merger.diagnostics)
    }
}

impl<'a> Merger<'a> {
    fn new(sgs: &'a [Subgraph]) -> Self {
        let federation = sgs
            .iter()
            .map(|s| s.links.version)
            .max()
            .unwrap_or(spec::LATEST_FEDERATION);
        let mut diagnostics = Vec::new();
        let carried = Carried::analyze(sgs, &mut diagnostics);
        Merger {
            sgs,
            graphs: graph_enum_names(sgs),
            out: OutSchema::default(),
            diagnostics,
            kinds: IndexMap::new(),
            enum_usage: HashMap::new(),
            carried,
            join: spec::join_version_for(federation),
            implements: HashMap::new(),
            union_members: HashMap::new(),
        }
    }

    fn run(&mut self) {
        self.collect_kinds();
        self.collect_implements_and_members();
        let names: Vec<(String, Kind)> = self.kinds.iter().map(|(n, k)| (n.clone(), *k)).collect();
        for kind in [
            Kind::Union,
            Kind::Scalar,
            Kind::Input,
            Kind::Interface,
            Kind::Object,
            Kind::Enum,
        ] {
            // Enums merge last, once every use (directive arguments included)
            // says whether they are input or output types.
            if kind == Kind::Enum {
                self.merge_executable_directive_definitions();
            }
            for (name, k) in &names {
                if *k == kind {
                    self.merge_type(name, kind);
                }
            }
        }
        self.add_interface_object_fields();
        self.propagate_access_control();
        self.finish_schema();
        if self.diagnostics.is_empty() {
            self.post_merge_validations();
        }
    }

    /// Kinds of all merged types; a type defined with different kinds is an error.
    fn collect_kinds(&mut self) {
        let mut mismatched: IndexSet<String> = IndexSet::new();
        let mut interface_objects: IndexSet<String> = IndexSet::new();
        for sg in self.sgs {
            for (name, ty) in sg.merged_types() {
                let kind = if sg.is_interface_object(name) {
                    interface_objects.insert(name.to_string());
                    Kind::Interface
                } else {
                    kind_of(ty)
                };
                match self.kinds.get(name) {
                    None => {
                        self.kinds.insert(name.to_string(), kind);
                    }
                    Some(k) if *k != kind => {
                        mismatched.insert(name.to_string());
                    }
                    Some(_) => {}
                }
            }
        }
        for name in &mismatched {
            let mut groups: IndexMap<String, Vec<String>> = IndexMap::new();
            for sg in self.sgs {
                if let Some(ty) = sg
                    .schema
                    .types
                    .get(name.as_str())
                    .filter(|_| sg.is_merged_type(name))
                {
                    let label = if sg.is_interface_object(name) {
                        "Interface Object Type (Object Type with @interfaceObject)".to_string()
                    } else {
                        kind_of(ty).describe().to_string()
                    };
                    groups.entry(label).or_default().push(sg.name.clone());
                }
            }
            let parts: Vec<String> = groups
                .iter()
                .map(|(label, sgs)| format!("{label} in {}", subgraphs_phrase(sgs)))
                .collect();
            self.diagnostics.push(
                Diagnostic::new(
                    Code::TYPE_KIND_MISMATCH,
                    format!(
                        "Type \"{name}\" has mismatched kind: it is defined as {}",
                        parts.join(" but ")
                    ),
                )
                .subgraphs(groups.values().flatten().cloned())
                .coordinate(name.clone()),
            );
        }
        for name in interface_objects
            .iter()
            .filter(|n| !mismatched.contains(*n))
        {
            let has_interface = self.sgs.iter().any(|s| {
                matches!(
                    s.schema.types.get(name.as_str()),
                    Some(ExtendedType::Interface(_))
                )
            });
            if !has_interface {
                let defining: Vec<String> = self
                    .sgs
                    .iter()
                    .filter(|s| s.schema.types.contains_key(name.as_str()))
                    .map(|s| s.name.clone())
                    .collect();
                self.diagnostics.push(
                    Diagnostic::new(Code::INTERFACE_OBJECT_USAGE_ERROR, format!("Type \"{name}\" is declared with @interfaceObject in all the subgraphs in which is is defined (it is defined in {} but should be defined as an interface in at least one subgraph)", subgraphs_phrase(&defining)))
                        .subgraphs(defining.clone())
                        .coordinate(name.clone()),
                );
            }
        }
    }

    fn collect_implements_and_members(&mut self) {
        for sg in self.sgs {
            for (name, ty) in sg.merged_types() {
                match ty {
                    ExtendedType::Object(o) => {
                        let set = self.implements.entry(name.to_string()).or_default();
                        set.extend(o.implements_interfaces.iter().map(|i| i.name.to_string()));
                    }
                    ExtendedType::Interface(i) => {
                        let set = self.implements.entry(name.to_string()).or_default();
                        set.extend(i.implements_interfaces.iter().map(|i| i.name.to_string()));
                    }
                    ExtendedType::Union(u) => {
                        let set = self.union_members.entry(name.to_string()).or_default();
                        set.extend(u.members.iter().map(|m| m.name.to_string()));
                    }
                    _ => {}
                }
            }
        }
    }

    /// The definition of a type in each subgraph (None where absent or of another kind).
    pub(crate) fn type_sources(&self, name: &str, kind: Kind) -> Vec<Option<&'a ExtendedType>> {
        self.sgs
            .iter()
            .map(|sg| {
                let ty = sg.schema.types.get(name)?;
                if !sg.is_merged_type(name) {
                    return None;
                }
                let k = if sg.is_interface_object(name) {
                    Kind::Interface
                } else {
                    kind_of(ty)
                };
                (k == kind).then_some(ty)
            })
            .collect()
    }

    /// `@join__type` applications for a type.
    pub(crate) fn join_types(&self, name: &str, sources: &[Option<&ExtendedType>]) -> Vec<Applied> {
        let mut out = Vec::new();
        for (i, source) in sources.iter().enumerate() {
            if source.is_none() {
                continue;
            }
            let sg = &self.sgs[i];
            let interface_object = sg.is_interface_object(name).then(|| "true".to_string());
            let keys = sg.keys(name);
            if keys.is_empty() {
                out.push(
                    Applied::new("join__type")
                        .arg("graph", self.graphs[i].clone())
                        .arg_opt("isInterfaceObject", interface_object),
                );
            } else {
                for key in keys {
                    out.push(
                        Applied::new("join__type")
                            .arg("graph", self.graphs[i].clone())
                            .arg("key", string_literal(&key.fields))
                            .arg_opt("extension", key.extension.then(|| "true".to_string()))
                            .arg_opt("resolvable", key.resolvable_arg.map(|b| b.to_string()))
                            .arg_opt("isInterfaceObject", interface_object.clone()),
                    );
                }
            }
        }
        out
    }

    /// The most common description among the sources (non-empty ones first).
    pub(crate) fn merge_descriptions<'d>(
        descriptions: impl Iterator<Item = Option<&'d str>>,
    ) -> Option<String> {
        let mut seen: Vec<(&str, i64)> = Vec::new();
        for d in descriptions.flatten() {
            match seen.iter_mut().find(|(s, _)| *s == d) {
                Some((_, c)) => *c += 1,
                None => seen.push((d, if d.is_empty() { i64::MIN / 2 } else { 1 })),
            }
        }
        let mut best: Option<(&str, i64)> = None;
        for (d, c) in seen {
            if best.is_none_or(|(_, bc)| c > bc) {
                best = Some((d, c));
            }
        }
        best.map(|(d, _)| d.to_string())
    }
}

pub(crate) fn kind_of(ty: &ExtendedType) -> Kind {
    match ty {
        ExtendedType::Scalar(_) => Kind::Scalar,
        ExtendedType::Object(_) => Kind::Object,
        ExtendedType::Interface(_) => Kind::Interface,
        ExtendedType::Union(_) => Kind::Union,
        ExtendedType::Enum(_) => Kind::Enum,
        ExtendedType::InputObject(_) => Kind::Input,
    }
}
