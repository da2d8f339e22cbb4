//! The response stage: from the merged subgraph data, exactly what the client asked for.
//!
//! Entry point: [`shape`]. It walks the client's selection over the merged data: aliases and
//! `__typename` answered, fragments applied by the object's runtime type (a fragment that does
//! not apply contributes nothing, so an object may be `{}`), internal fields the planner added
//! left out, enum values checked against the API schema, and nulls propagated per the GraphQL
//! spec (a null in a non-null position nulls the nearest nullable parent).

use crate::error::{ErrorCode, GraphqlError, PathItem};
use crate::selection::{Selection, SelectionSet};
use apollo_compiler::ast::Type;
use apollo_compiler::schema::ExtendedType;
use apollo_compiler::validation::Valid;
use apollo_compiler::{Name, Schema};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::rc::Rc;

/// Shapes `data` for the client's `selection` on `root_type`; adds errors for what it had to null.
pub fn shape(
    schema: &Valid<Schema>,
    selection: &SelectionSet,
    root_type: &Name,
    data: &Value,
    errors: &mut Vec<GraphqlError>,
    had_fetch_failure: bool,
) -> Value {
    let mut shaper = Shaper {
        schema,
        errors,
        had_fetch_failure,
        path: Vec::new(),
        existing_errors: 0,
        collected: HashMap::new(),
    };
    shaper.existing_errors = shaper.errors.len();
    let empty = Map::new();
    let object = data.as_object().unwrap_or(&empty);
    match shaper.object(selection, root_type, object) {
        Some(map) => Value::Object(map),
        None => Value::Null,
    }
}

struct Shaper<'a> {
    schema: &'a Valid<Schema>,
    errors: &'a mut Vec<GraphqlError>,
    had_fetch_failure: bool,
    /// Where the walk is; keys are cheap `Name` clones, turned into strings only for errors.
    path: Vec<PathStep>,
    existing_errors: usize,
    /// CollectFields results by (selection address, runtime type): a list of a hundred objects
    /// with fragments collects its fields once, not a hundred times.
    collected: HashMap<usize, Vec<(String, Rc<SelectionSet>)>>,
}

#[derive(Clone)]
enum PathStep {
    Key(Name),
    Index(usize),
}

impl PathStep {
    fn to_item(&self) -> PathItem {
        match self {
            Self::Key(name) => PathItem::Key(name.to_string()),
            Self::Index(i) => PathItem::Index(*i),
        }
    }

    fn matches(&self, item: &PathItem) -> bool {
        match (self, item) {
            (Self::Key(a), PathItem::Key(b)) => a.as_str() == b,
            (Self::Index(a), PathItem::Index(b)) => a == b,
            _ => false,
        }
    }
}

/// A null reached a non-null position: the caller must null itself.
struct Propagate;

impl Shaper<'_> {
    fn applies(&self, condition: Option<&Name>, typename: &str) -> bool {
        let Some(condition) = condition else {
            return true;
        };
        if condition == typename {
            return true;
        }
        match self.schema.types.get(condition) {
            Some(ExtendedType::Union(union)) => union.members.iter().any(|m| m.name == typename),
            Some(ExtendedType::Interface(_)) => match self.schema.types.get(typename) {
                Some(ExtendedType::Object(o)) => {
                    o.implements_interfaces.iter().any(|i| i.name == *condition)
                }
                Some(ExtendedType::Interface(i)) => {
                    i.implements_interfaces.iter().any(|i| i.name == *condition)
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `None` when a non-null field of the object is null: the object itself becomes null.
    fn object(
        &mut self,
        selection: &SelectionSet,
        typename: &str,
        source: &Map<String, Value>,
    ) -> Option<Map<String, Value>> {
        let mut out = Map::with_capacity(selection.items.len());
        self.fill(selection, typename, source, &mut out).ok()?;
        Some(out)
    }

    fn fill(
        &mut self,
        selection: &SelectionSet,
        typename: &str,
        source: &Map<String, Value>,
        out: &mut Map<String, Value>,
    ) -> Result<(), Propagate> {
        let has_fragments = selection
            .items
            .iter()
            .any(|i| matches!(i, Selection::InlineFragment(_)));
        if !has_fragments {
            return self.fill_fields(selection, typename, source, out);
        }
        // CollectFields: fragments that apply to the runtime type, same keys merged.
        let collected = self.collected_fields(selection, typename);
        self.fill_fields(&collected, typename, source, out)
    }

    fn collected_fields(&mut self, selection: &SelectionSet, typename: &str) -> Rc<SelectionSet> {
        let address = selection as *const SelectionSet as usize;
        if let Some(entries) = self.collected.get(&address) {
            if let Some((_, set)) = entries.iter().find(|(t, _)| t == typename) {
                return set.clone();
            }
        }
        let mut out = SelectionSet::default();
        self.collect(selection, typename, &mut out);
        let out = Rc::new(out);
        self.collected
            .entry(address)
            .or_default()
            .push((typename.to_string(), out.clone()));
        out
    }

    fn collect(&self, selection: &SelectionSet, typename: &str, out: &mut SelectionSet) {
        for item in &selection.items {
            match item {
                Selection::Field(field) => out.merge_field(field.clone()),
                Selection::InlineFragment(inline) => {
                    if self.applies(inline.type_condition.as_ref(), typename) {
                        self.collect(&inline.selection_set, typename, out);
                    }
                }
            }
        }
    }

    fn fill_fields(
        &mut self,
        selection: &SelectionSet,
        typename: &str,
        source: &Map<String, Value>,
        out: &mut Map<String, Value>,
    ) -> Result<(), Propagate> {
        for item in &selection.items {
            let Selection::Field(field) = item else {
                continue;
            };
            let key = field.response_key();
            if field.name == "__typename" {
                out.insert(key.to_string(), Value::String(typename.to_string()));
                continue;
            }
            self.path.push(PathStep::Key(key.clone()));
            let value = self.complete(
                &field.ty,
                source.get(key.as_str()),
                field.selection_set.as_ref(),
                &field.name,
                typename,
            );
            self.path.pop();
            out.insert(key.to_string(), value?);
        }
        Ok(())
    }

    fn runtime_type(&self, declared: &Name, object: &Map<String, Value>) -> String {
        match self.schema.types.get(declared) {
            Some(ExtendedType::Interface(_) | ExtendedType::Union(_)) => object
                .get("__typename")
                .and_then(Value::as_str)
                .unwrap_or(declared.as_str())
                .to_string(),
            _ => declared.to_string(),
        }
    }

    fn complete(
        &mut self,
        ty: &Type,
        value: Option<&Value>,
        selection: Option<&SelectionSet>,
        field_name: &Name,
        parent_type: &str,
    ) -> Result<Value, Propagate> {
        let result = match value {
            None | Some(Value::Null) => Value::Null,
            Some(value) => match ty {
                Type::Named(named) | Type::NonNullNamed(named) => {
                    self.named(named, value, selection)
                }
                Type::List(inner) | Type::NonNullList(inner) => match value {
                    Value::Array(items) => {
                        let mut out = Vec::with_capacity(items.len());
                        let mut nulled = false;
                        for (i, item) in items.iter().enumerate() {
                            self.path.push(PathStep::Index(i));
                            let completed = self.complete(
                                inner,
                                Some(item),
                                selection,
                                field_name,
                                parent_type,
                            );
                            self.path.pop();
                            match completed {
                                Ok(v) => out.push(v),
                                Err(Propagate) => {
                                    nulled = true;
                                    break;
                                }
                            }
                        }
                        if nulled {
                            Value::Null
                        } else {
                            Value::Array(out)
                        }
                    }
                    _ => {
                        self.invalid(format!("expected a list for `{parent_type}.{field_name}`"));
                        Value::Null
                    }
                },
            },
        };
        if result.is_null() && ty.is_non_null() {
            let was_explicit_null = matches!(value, Some(Value::Null));
            if !self.error_covers_path() && (was_explicit_null || !self.had_fetch_failure) {
                self.errors.push(
                    GraphqlError::new(
                        format!(
                            "Cannot return null for non-nullable field {parent_type}.{field_name}"
                        ),
                        ErrorCode::NonNullViolation,
                    )
                    .with_path(self.current_path()),
                );
            }
            return Err(Propagate);
        }
        Ok(result)
    }

    fn named(&mut self, named: &Name, value: &Value, selection: Option<&SelectionSet>) -> Value {
        match (self.schema.types.get(named), selection) {
            (Some(ExtendedType::Enum(e)), _) => match value.as_str() {
                Some(v) if e.values.contains_key(v) => value.clone(),
                _ => {
                    self.invalid(format!(
                        "subgraph value {value} is not a value of enum `{named}`"
                    ));
                    Value::Null
                }
            },
            (
                Some(ExtendedType::Object(_) | ExtendedType::Interface(_) | ExtendedType::Union(_)),
                Some(sub),
            ) => {
                let Value::Object(object) = value else {
                    self.invalid(format!("expected an object of type `{named}`"));
                    return Value::Null;
                };
                let typename = self.runtime_type(named, object);
                if !self.schema.types.contains_key(typename.as_str())
                    || !self.applies(Some(named), &typename)
                {
                    self.invalid(format!("subgraph returned type `{typename}`, which is not a `{named}` of the API schema"));
                    return Value::Null;
                }
                self.object(sub, &typename, object)
                    .map(Value::Object)
                    .unwrap_or(Value::Null)
            }
            _ => value.clone(),
        }
    }

    fn invalid(&mut self, message: String) {
        self.errors.push(
            GraphqlError::new(message, ErrorCode::InvalidSubgraphValue)
                .with_path(self.current_path()),
        );
    }

    fn current_path(&self) -> Vec<PathItem> {
        self.path.iter().map(PathStep::to_item).collect()
    }

    /// Whether an error (a subgraph's, usually) already speaks of this path or a path below it.
    fn error_covers_path(&self) -> bool {
        self.errors[..self.existing_errors]
            .iter()
            .chain(self.errors[self.existing_errors..].iter())
            .any(|e| {
                e.path.as_ref().is_some_and(|p| {
                    p.len() >= self.path.len()
                        && self
                            .path
                            .iter()
                            .zip(p.iter())
                            .all(|(step, item)| step.matches(item))
                })
            })
    }
}
