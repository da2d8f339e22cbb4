//! Random valid operations over a supergraph's API schema, for the differential test: fields
//! (nested entities and `@requires` chains come from walking the schema), aliases, inline and
//! named fragments on abstract types, variables with and without defaults, `@skip` and
//! `@include`. Seeded and bounded: the same seed gives the same operations.
//!
//! Argument values come from the mock data (`field(arg: value)` keys), so a generated
//! argument is one the mocks answer; a required argument the data never names gets a plain
//! value of its type. Whatever the mocks lack, both executors see the same gap.

use apollo_compiler::Schema;
use apollo_compiler::ast::Type;
use apollo_compiler::schema::ExtendedType;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// splitmix64: small, seedable, good enough to pick schema elements.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// True with probability `percent`%.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A generated request: the document and its variables.
pub(crate) struct Operation {
    pub(crate) text: String,
    pub(crate) variables: Map<String, Value>,
}

pub(crate) struct Generator<'s> {
    schema: &'s Schema,
    /// Field name -> argument lists the mock data answers (`a: 1, b: "x"`).
    known_arguments: HashMap<String, Vec<Vec<(String, String)>>>,
    rng: Rng,
    // Per operation:
    definitions: Vec<String>,
    variables: Map<String, Value>,
    fragments: Vec<String>,
    counter: usize,
}

const MAX_DEPTH: usize = 4;

/// A field to pick: name, type, arguments (name, type, required).
type FieldChoice = (String, Type, Vec<(String, Type, bool)>);

impl<'s> Generator<'s> {
    pub(crate) fn new(schema: &'s Schema, mock_data: &Value, seed: u64) -> Self {
        let mut known_arguments = HashMap::new();
        collect_arguments(mock_data, &mut known_arguments);
        Generator {
            schema,
            known_arguments,
            rng: Rng::new(seed),
            definitions: Vec::new(),
            variables: Map::new(),
            fragments: Vec::new(),
            counter: 0,
        }
    }

    pub(crate) fn operation(&mut self) -> Option<Operation> {
        self.definitions.clear();
        self.variables = Map::new();
        self.fragments.clear();
        self.counter = 0;
        let root = self.schema.schema_definition.query.as_ref()?.name.clone();
        let body = self.selection_set(root.as_str(), 0);
        let variables = if self.definitions.is_empty() {
            String::new()
        } else {
            format!("({})", self.definitions.join(", "))
        };
        let mut text = format!("query Q{variables} {body}");
        for fragment in &self.fragments {
            text.push('\n');
            text.push_str(fragment);
        }
        Some(Operation {
            text,
            variables: std::mem::take(&mut self.variables),
        })
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}{}", self.counter)
    }

    fn selection_set(&mut self, ty: &str, depth: usize) -> String {
        let mut items = Vec::new();
        match self.schema.types.get(ty) {
            Some(ExtendedType::Object(_)) => self.fields(ty, depth, &mut items),
            Some(ExtendedType::Interface(_)) => {
                if self.rng.chance(50) {
                    self.fields(ty, depth, &mut items);
                }
                self.fragments_on_members(ty, depth, &mut items);
            }
            Some(ExtendedType::Union(_)) => self.fragments_on_members(ty, depth, &mut items),
            _ => {}
        }
        if items.is_empty() || self.rng.chance(15) {
            items.push("__typename".to_string());
        }
        format!("{{ {} }}", items.join(" "))
    }

    fn fragments_on_members(&mut self, ty: &str, depth: usize, items: &mut Vec<String>) {
        let members: Vec<String> = self
            .schema
            .types
            .values()
            .filter_map(|t| match t {
                ExtendedType::Object(o)
                    if o.implements_interfaces.iter().any(|i| i.name == ty)
                        || matches!(self.schema.types.get(ty), Some(ExtendedType::Union(u)) if u.members.iter().any(|m| m.name == o.name)) =>
                {
                    Some(o.name.to_string())
                }
                _ => None,
            })
            .collect();
        if members.is_empty() {
            return;
        }
        for _ in 0..1 + self.rng.below(2) {
            let member = members[self.rng.below(members.len())].clone();
            let inner = self.selection_set(&member, depth);
            let directives = self.conditions();
            if self.rng.chance(25) {
                let name = self.fresh("F");
                self.fragments
                    .push(format!("fragment {name} on {member} {inner}"));
                items.push(format!("...{name}{directives}"));
            } else {
                items.push(format!("... on {member}{directives} {inner}"));
            }
        }
    }

    fn fields(&mut self, ty: &str, depth: usize, items: &mut Vec<String>) {
        let fields: Vec<FieldChoice> = match self.schema.types.get(ty) {
            Some(ExtendedType::Object(o)) => o
                .fields
                .values()
                .map(|f| (f.name.to_string(), f.ty.clone(), arguments(&f.arguments)))
                .collect(),
            Some(ExtendedType::Interface(i)) => i
                .fields
                .values()
                .map(|f| (f.name.to_string(), f.ty.clone(), arguments(&f.arguments)))
                .collect(),
            _ => return,
        };
        let fields: Vec<_> = fields
            .into_iter()
            .filter(|(name, ty, _)| {
                !name.starts_with("__")
                    && (depth < MAX_DEPTH || self.is_leaf(ty.inner_named_type().as_str()))
            })
            .collect();
        if fields.is_empty() {
            return;
        }
        for _ in 0..1 + self.rng.below(3) {
            let (name, field_ty, args) = fields[self.rng.below(fields.len())].clone();
            let Some(arguments) = self.arguments_text(&name, &args) else {
                continue;
            };
            let alias = if self.rng.chance(20) {
                format!("{}: ", self.fresh("a"))
            } else {
                String::new()
            };
            let directives = self.conditions();
            let named = field_ty.inner_named_type().to_string();
            let sub = if self.is_leaf(&named) {
                String::new()
            } else {
                format!(" {}", self.selection_set(&named, depth + 1))
            };
            items.push(format!("{alias}{name}{arguments}{directives}{sub}"));
        }
    }

    fn is_leaf(&self, named: &str) -> bool {
        matches!(
            self.schema.types.get(named),
            Some(ExtendedType::Scalar(_) | ExtendedType::Enum(_)) | None
        )
    }

    /// `@skip`/`@include`, sometimes, with a literal or a variable (with or without default).
    fn conditions(&mut self) -> String {
        if !self.rng.chance(12) {
            return String::new();
        }
        let directive = if self.rng.chance(50) {
            "skip"
        } else {
            "include"
        };
        let value = self.rng.chance(50);
        if self.rng.chance(50) {
            return format!(" @{directive}(if: {value})");
        }
        let name = self.fresh("c");
        if self.rng.chance(50) {
            self.definitions.push(format!("${name}: Boolean = {value}"));
            if self.rng.chance(50) {
                self.variables.insert(name.clone(), Value::Bool(value));
            }
        } else {
            self.definitions.push(format!("${name}: Boolean!"));
            self.variables.insert(name.clone(), Value::Bool(value));
        }
        format!(" @{directive}(if: ${name})")
    }

    /// Arguments for a field: a list the mock data answers, else only required ones with
    /// plain values; some become variables. `None` when a required one has no usable value.
    fn arguments_text(&mut self, field: &str, args: &[(String, Type, bool)]) -> Option<String> {
        if args.is_empty() {
            return Some(String::new());
        }
        let known: Vec<Vec<(String, String)>> = self
            .known_arguments
            .get(field)
            .map(|lists| {
                lists
                    .iter()
                    .filter(|list| {
                        list.iter()
                            .all(|(n, _)| args.iter().any(|(a, _, _)| a == n))
                    })
                    .filter(|list| {
                        args.iter()
                            .filter(|(_, _, required)| *required)
                            .all(|(a, _, _)| list.iter().any(|(n, _)| n == a))
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let chosen: Vec<(String, String)> = if !known.is_empty() && self.rng.chance(85) {
            known[self.rng.below(known.len())].clone()
        } else {
            let mut plain = Vec::new();
            for (name, ty, required) in args {
                if *required {
                    plain.push((name.clone(), plain_value(ty)?));
                }
            }
            plain
        };
        if chosen.is_empty() {
            return Some(String::new());
        }
        let mut parts = Vec::new();
        for (name, value) in chosen {
            let ty = args
                .iter()
                .find(|(a, _, _)| *a == name)
                .map(|(_, t, _)| t.clone())?;
            // The mock writes enum values as strings; the operation needs them bare.
            let value = match self.schema.types.get(ty.inner_named_type()) {
                Some(ExtendedType::Enum(_)) => value.trim_matches('"').to_string(),
                _ => value,
            };
            let json: Option<Value> = serde_json::from_str(&value)
                .ok()
                .or_else(|| Some(Value::String(value.clone())));
            match json {
                Some(json) if self.rng.chance(30) => {
                    let variable = self.fresh("v");
                    if self.rng.chance(50) {
                        // Nullable with a default, even where the argument is non-null.
                        let nullable = match &ty {
                            Type::NonNullNamed(n) => Type::Named(n.clone()),
                            Type::NonNullList(i) => Type::List(i.clone()),
                            other => other.clone(),
                        };
                        self.definitions
                            .push(format!("${variable}: {nullable} = {value}"));
                        if self.rng.chance(50) {
                            self.variables.insert(variable.clone(), json);
                        }
                    } else {
                        self.definitions.push(format!("${variable}: {ty}"));
                        self.variables.insert(variable.clone(), json);
                    }
                    parts.push(format!("{name}: ${variable}"));
                }
                _ => parts.push(format!("{name}: {value}")),
            }
        }
        Some(format!("({})", parts.join(", ")))
    }
}

fn arguments(
    definitions: &[apollo_compiler::Node<apollo_compiler::ast::InputValueDefinition>],
) -> Vec<(String, Type, bool)> {
    definitions
        .iter()
        .map(|a| {
            (
                a.name.to_string(),
                (*a.ty).clone(),
                a.ty.is_non_null() && a.default_value.is_none(),
            )
        })
        .collect()
}

/// A value of a built-in scalar type, as a literal; `None` for other types.
fn plain_value(ty: &Type) -> Option<String> {
    match ty.inner_named_type().as_str() {
        _ if ty.is_list() => Some("[]".into()),
        "Int" => Some("1".into()),
        "Float" => Some("1.5".into()),
        "String" | "ID" => Some("\"1\"".into()),
        "Boolean" => Some("true".into()),
        _ => None,
    }
}

/// Every `name(args)` key in the mock data: field name -> its argument lists.
fn collect_arguments(value: &Value, out: &mut HashMap<String, Vec<Vec<(String, String)>>>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if let Some((name, rest)) = key.split_once('(')
                    && let Some(args) = rest.strip_suffix(')')
                    && let Some(list) = split_arguments(args)
                {
                    let lists = out.entry(name.to_string()).or_default();
                    if !lists.contains(&list) {
                        lists.push(list);
                    }
                }
                collect_arguments(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_arguments(i, out)),
        _ => {}
    }
}

/// `a: 1, b: "x, y"` -> [(a, 1), (b, "x, y")]; only scalar literals (no lists or objects).
fn split_arguments(text: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let (name, after) = rest.split_once(':')?;
        let after = after.trim_start();
        let (value, tail) = if let Some(stripped) = after.strip_prefix('"') {
            let end = stripped.find('"')?;
            (&after[..end + 2], &stripped[end + 1..])
        } else {
            match after.find(',') {
                Some(i) => (&after[..i], &after[i..]),
                None => (after, ""),
            }
        };
        if value.starts_with('[') || value.starts_with('{') {
            return None;
        }
        out.push((name.trim().to_string(), value.trim().to_string()));
        rest = tail.trim_start().trim_start_matches(',').trim_start();
    }
    Some(out)
}
