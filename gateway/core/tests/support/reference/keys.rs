//! Field sets answered on an object: entity representations (keys and `@requires`) and
//! the values of contextual arguments.

use super::objects::{Fetched, Obj};
use super::query::{deep_merge, deep_merge_map};
use super::{Reference, Result, unsupported};
use apollo_compiler::executable;
use quntuan_gateway::selection as qs;
use quntuan_gateway::supergraph::{FieldInGraph, GraphId};
use serde_json::{Map, Value, json};
use std::rc::Rc;

impl Reference<'_> {
    /// A representation of `obj` for `graph`: a resolvable key's fields, `__typename` (the
    /// interface's name where the subgraph has it as an `@interfaceObject`), and the fields
    /// the candidate `@requires`. `None` when no key can be built (a key field is null).
    pub(super) fn representation(
        &mut self,
        obj: &Rc<Obj>,
        graph: GraphId,
        candidate: &FieldInGraph,
    ) -> Result<Option<Value>> {
        let mut entity_types = vec![obj.ty.clone()];
        if let Some(object) = self.supergraph.schema.get_object(obj.ty.as_str()) {
            entity_types.extend(object.implements_interfaces.iter().map(|i| i.to_string()));
        }
        for entity_type in entity_types {
            let Some(in_graph) = self
                .supergraph
                .type_info(&entity_type)
                .and_then(|t| t.in_graph(graph))
                .cloned()
            else {
                continue;
            };
            for key in in_graph.keys.iter().filter(|k| k.resolvable) {
                let Some(mut representation) = self.field_set(obj, &key.fields)? else {
                    continue;
                };
                representation["__typename"] = json!(entity_type);
                if let Some(requires) = &candidate.requires {
                    let Some(required) = self.field_set(obj, requires)? else {
                        return Ok(None);
                    };
                    deep_merge(&mut representation, required);
                }
                return Ok(Some(representation));
            }
        }
        Ok(None)
    }

    /// A representation with the fields of every `@requires` of the object's type in
    /// `graph` added.
    pub(super) fn with_all_requires(
        &mut self,
        obj: &Rc<Obj>,
        graph: GraphId,
        mut representation: Value,
    ) -> Result<Option<Value>> {
        let requires: Vec<qs::SelectionSet> = self
            .supergraph
            .type_info(&obj.ty)
            .map(|t| {
                t.fields
                    .values()
                    .filter_map(|f| f.in_graph(graph)?.requires.clone())
                    .collect()
            })
            .unwrap_or_default();
        for set in requires {
            let Some(required) = self.field_set(obj, &set)? else {
                return Ok(None);
            };
            deep_merge(&mut representation, required);
        }
        Ok(Some(representation))
    }

    /// A field set (key, `@requires`, context selection) answered on `obj` as JSON; `None`
    /// when a key field is null.
    pub(super) fn field_set(
        &mut self,
        obj: &Rc<Obj>,
        set: &qs::SelectionSet,
    ) -> Result<Option<Value>> {
        self.depth += 1;
        if self.depth > 16 {
            self.depth -= 1;
            return unsupported("field sets nest too deep");
        }
        let result = self.field_set_inner(obj, set);
        self.depth -= 1;
        result
    }

    pub(super) fn field_set_inner(
        &mut self,
        obj: &Rc<Obj>,
        set: &qs::SelectionSet,
    ) -> Result<Option<Value>> {
        let mut out = Map::new();
        for item in &set.items {
            match item {
                qs::Selection::Field(f) => {
                    let value = if f.name == "__typename" {
                        json!(obj.ty)
                    } else {
                        let field = self.synthetic_field(&obj.ty, f)?;
                        let (fetched, _) = self.fetch(obj, &field, false)?;
                        match self.field_set_value(fetched, f.selection_set.as_ref())? {
                            Some(v) => v,
                            None => return Ok(None),
                        }
                    };
                    out.insert(f.response_key().to_string(), value);
                }
                qs::Selection::InlineFragment(inline) => {
                    if inline
                        .type_condition
                        .as_ref()
                        .is_none_or(|c| self.applies(&obj.ty, c))
                    {
                        let Some(Value::Object(inner)) =
                            self.field_set_inner(obj, &inline.selection_set)?
                        else {
                            return Ok(None);
                        };
                        deep_merge_map(&mut out, inner);
                    }
                }
            }
        }
        Ok(Some(Value::Object(out)))
    }

    pub(super) fn field_set_value(
        &mut self,
        fetched: Fetched,
        selection: Option<&qs::SelectionSet>,
    ) -> Result<Option<Value>> {
        Ok(Some(match fetched {
            Fetched::Null => return Ok(None),
            Fetched::Either(mut alternatives) => {
                return self.field_set_value(alternatives.remove(0), selection);
            }
            Fetched::Leaf(mut values) => values.remove(0),
            Fetched::List(items) => {
                let mut out = Vec::new();
                for item in items {
                    match self.field_set_value(item, selection)? {
                        Some(v) => out.push(v),
                        None => out.push(Value::Null),
                    }
                }
                Value::Array(out)
            }
            Fetched::Object(obj) => {
                let Some(set) = selection else {
                    return unsupported("object in a field set without selection");
                };
                match self.field_set(&obj, set)? {
                    Some(v) => v,
                    None => return Ok(None),
                }
            }
        }))
    }

    /// An executable field for a field-set field, so [`Reference::fetch`] can ask for it.
    pub(super) fn synthetic_field(&self, ty: &str, f: &qs::Field) -> Result<executable::Field> {
        let Ok(definition) = self.supergraph.schema.type_field(ty, f.name.as_str()) else {
            return unsupported(format!("{ty}.{} is not in the supergraph", f.name));
        };
        let definition = definition.node.clone();
        let mut field = executable::Field::new(f.name.clone(), definition.clone());
        field.arguments = f.arguments.clone();
        if f.selection_set.is_some() {
            // Marks the field composite; the sub-selection itself is walked by `field_set`.
            let mut set = executable::SelectionSet::new(definition.ty.inner_named_type().clone());
            set.push(executable::Field::new(
                apollo_compiler::name!("__typename"),
                definition,
            ));
            field.selection_set = set;
        }
        Ok(field)
    }

    /// The value a context argument takes: the context's selection on the nearest
    /// ancestor whose type sets the context.
    pub(super) fn context_value(
        &mut self,
        obj: &Rc<Obj>,
        context: &quntuan_gateway::supergraph::ContextArgument,
    ) -> Result<Option<Value>> {
        let mut ancestor = obj.parent.clone();
        while let Some(a) = ancestor {
            for (setter, selection) in &context.selections {
                if self.applies(&a.ty, setter) && self.sets_context(setter, &context.context) {
                    let Some(Value::Object(map)) = self.field_set(&a, selection)? else {
                        return Ok(None);
                    };
                    return Ok(map.into_iter().next().map(|(_, v)| v));
                }
            }
            ancestor = a.parent.clone();
        }
        Ok(None)
    }

    pub(super) fn sets_context(&self, ty: &str, context: &str) -> bool {
        self.supergraph
            .type_info(ty)
            .is_some_and(|t| t.contexts.iter().any(|c| c == context))
    }
}
