//! `@cost` and `@listSize` as the supergraph carries them (the cost spec,
//! `https://specs.apollo.dev/cost/v0.1`), read once per supergraph into maps by coordinate.

use crate::supergraph::Links;
use apollo_compiler::ast::{DirectiveList, Value};
use apollo_compiler::schema::ExtendedType;
use apollo_compiler::{Name, Schema};
use std::collections::HashMap;

/// `@listSize` on one field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListSize {
    /// The size when no slicing argument gives one.
    pub assumed_size: Option<u64>,
    /// Arguments whose value is the size of the list (`first`, `limit`).
    pub slicing_arguments: Vec<String>,
    /// Child fields the slicing size applies to (a connection's `edges`), instead of this one.
    pub sized_fields: Vec<String>,
    /// Refuse the operation unless exactly one slicing argument has a value.
    pub require_one_slicing_argument: bool,
}

/// Every `@cost` weight and `@listSize` of a supergraph.
#[derive(Debug, Clone, Default)]
pub struct CostDirectives {
    /// `@cost` on object, scalar and enum types.
    types: HashMap<Name, f64>,
    /// `@cost` on fields, by (type, field).
    fields: HashMap<(Name, Name), f64>,
    /// `@cost` on field arguments, by (type, field, argument).
    arguments: HashMap<(Name, Name, Name), f64>,
    /// `@cost` on input fields, by (input type, field).
    input_fields: HashMap<(Name, Name), f64>,
    /// `@listSize`, by (type, field).
    list_sizes: HashMap<(Name, Name), ListSize>,
}

impl CostDirectives {
    /// Reads the directives under the names the supergraph's `@link` gives them (`@cost` and
    /// `@listSize` when imported, `@cost__listSize` otherwise).
    pub fn read(schema: &Schema, links: &Links) -> Self {
        let cost = links.directive("cost", "cost");
        let list_size = links.directive("cost", "listSize");
        let weight_of = |directives: &DirectiveList| {
            directives
                .get(&cost)
                .and_then(|d| d.specified_argument_by_name("weight"))
                .and_then(|v| v.to_f64())
        };
        let mut read = Self::default();
        for (type_name, ty) in &schema.types {
            if let Some(weight) = ty
                .directives()
                .get(&cost)
                .and_then(|d| d.specified_argument_by_name("weight"))
                .and_then(|v| v.to_f64())
            {
                read.types.insert(type_name.clone(), weight);
            }
            let fields = match ty {
                ExtendedType::Object(object) => &object.fields,
                ExtendedType::Interface(interface) => &interface.fields,
                ExtendedType::InputObject(input) => {
                    for (field_name, field) in &input.fields {
                        if let Some(weight) = weight_of(&field.directives) {
                            let key = (type_name.clone(), field_name.clone());
                            read.input_fields.insert(key, weight);
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            for (field_name, field) in fields {
                let key = (type_name.clone(), field_name.clone());
                if let Some(weight) = weight_of(&field.directives) {
                    read.fields.insert(key.clone(), weight);
                }
                for argument in &field.arguments {
                    if let Some(weight) = weight_of(&argument.directives) {
                        let key = (type_name.clone(), field_name.clone(), argument.name.clone());
                        read.arguments.insert(key, weight);
                    }
                }
                if let Some(directive) = field.directives.get(&list_size) {
                    let strings = |name: &str| -> Vec<String> {
                        directive
                            .specified_argument_by_name(name)
                            .and_then(|v| v.as_list())
                            .map(|items| {
                                items
                                    .iter()
                                    .filter_map(|i| i.as_str().map(str::to_string))
                                    .collect()
                            })
                            .unwrap_or_default()
                    };
                    let size = ListSize {
                        assumed_size: directive
                            .specified_argument_by_name("assumedSize")
                            .and_then(|v| v.to_i32())
                            .map(|n| n.max(0) as u64),
                        slicing_arguments: strings("slicingArguments"),
                        sized_fields: strings("sizedFields"),
                        // The spec's default is true.
                        require_one_slicing_argument: directive
                            .specified_argument_by_name("requireOneSlicingArgument")
                            .and_then(|v| v.to_bool())
                            .unwrap_or(true),
                    };
                    read.list_sizes.insert(key, size);
                }
            }
        }
        read
    }

    /// Whether the supergraph carries any cost directive at all.
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
            && self.fields.is_empty()
            && self.arguments.is_empty()
            && self.input_fields.is_empty()
            && self.list_sizes.is_empty()
    }

    pub fn type_weight(&self, type_name: &str) -> Option<f64> {
        self.types.get(type_name).copied()
    }

    pub fn field_weight(&self, type_name: &Name, field: &Name) -> Option<f64> {
        self.fields
            .get(&(type_name.clone(), field.clone()))
            .copied()
    }

    pub fn argument_weight(&self, type_name: &Name, field: &Name, argument: &Name) -> Option<f64> {
        let key = (type_name.clone(), field.clone(), argument.clone());
        self.arguments.get(&key).copied()
    }

    pub fn input_field_weight(&self, type_name: &Name, field: &Name) -> Option<f64> {
        self.input_fields
            .get(&(type_name.clone(), field.clone()))
            .copied()
    }

    pub fn list_size(&self, type_name: &Name, field: &Name) -> Option<&ListSize> {
        self.list_sizes.get(&(type_name.clone(), field.clone()))
    }
}

/// A literal's value as a list size: negative counts as 0, non-numbers as absent.
pub(crate) fn size_of_literal(value: &Value) -> Option<f64> {
    value.to_f64().map(|n| n.max(0.0))
}
