//! The shaping plan: the client's selection compiled once per query plan into what the walk
//! over the merged data needs, so no request repeats it.
//!
//! Compiling does, once, what shaping used to do for every object of every response:
//! CollectFields (which fragments apply to a runtime type; fields with the same response key
//! merged), the schema lookups (is the field's type an enum, an object, an interface or a
//! union; which types may stand for an abstract one), and escaping each response key into the
//! `"key":` text written before its value. The walk ([`super::walk`]) then only reads the data.
//!
//! Field lists are shared: one list per distinct group of selected fields (and whether the
//! runtime type is an object type), so an interface with many implementations that the
//! selection does not tell apart compiles its fields once, not once per implementation.

use crate::data::{FastMap, write};
use crate::selection::{Field, Selection, SelectionSet};
use apollo_compiler::ast::Type;
use apollo_compiler::schema::{EnumType, ExtendedType};
use apollo_compiler::validation::Valid;
use apollo_compiler::{Name, Node, Schema};
use std::sync::Arc;

/// The compiled selection of one operation on its root type.
#[derive(Debug)]
pub struct ShapePlan {
    pub(super) root_type: Name,
    pub(super) root: Fields,
    /// How many field shapes the plan holds (shared lists counted once): its size in a cache.
    field_count: usize,
}

/// The fields written for an object of one runtime type, in response order.
pub(super) type Fields = Arc<[FieldShape]>;

#[derive(Debug)]
pub(super) struct FieldShape {
    /// The response key (alias or name): what is looked up in the merged data.
    pub key: Name,
    /// `"key":` as JSON text, escaped once.
    pub key_json: Box<[u8]>,
    /// The field's name in the schema, for error messages.
    pub name: Name,
    /// The field's type: its list and non-null wrappers drive completion.
    pub ty: Type,
    pub value: ValueShape,
}

#[derive(Debug)]
pub(super) enum ValueShape {
    /// `__typename` of an object type: its name.
    Typename,
    /// `__typename` asked of an object known only by an abstract type's name (an
    /// `@interfaceObject` subgraph's answer no other subgraph resolved): it cannot be answered.
    UnresolvedTypename,
    /// Built-in and custom scalars: written as the subgraph sent them.
    Scalar,
    /// An enum: the value is checked against the API schema's values.
    Enum(Node<EnumType>),
    /// An object type: its runtime type is the declared one.
    Object { typename: Name, fields: Fields },
    /// An interface or union: the runtime type is the object's `__typename` (the declared name
    /// when it has none); `variants` holds every name that may stand there, and a name not in
    /// it is not a type of the API schema that fits.
    Abstract {
        declared: Name,
        variants: FastMap<Name, Fields>,
    },
}

impl ShapePlan {
    /// Compiles `selection` on `root_type` against the API schema.
    pub fn new(schema: &Valid<Schema>, selection: &SelectionSet, root_type: &Name) -> Self {
        let mut compiler = Compiler {
            schema,
            lists: FastMap::default(),
            possible: FastMap::default(),
            field_count: 0,
        };
        let is_object = compiler.is_object_type(root_type);
        let root = compiler.fields(&[selection], root_type, is_object);
        Self {
            root_type: root_type.clone(),
            root,
            field_count: compiler.field_count,
        }
    }

    /// The estimated bytes the plan holds.
    pub fn weight(&self) -> u64 {
        (self.field_count * (size_of::<FieldShape>() + 48)) as u64
    }
}

struct Compiler<'s> {
    schema: &'s Valid<Schema>,
    /// Compiled field lists by the addresses of the fields collected into them (the selection
    /// outlives the compiler, so an address names one field), their types on the runtime type
    /// and whether the runtime type is an object type.
    lists: FastMap<(Vec<usize>, Vec<Type>, bool), Fields>,
    /// The names that may stand for an abstract type, by the abstract type's name.
    possible: FastMap<Name, Arc<[Name]>>,
    field_count: usize,
}

impl Compiler<'_> {
    /// The fields of `sets` (the selections of one response key, merged) for an object of
    /// runtime type `typename`.
    fn fields(&mut self, sets: &[&SelectionSet], typename: &str, is_object: bool) -> Fields {
        // CollectFields over the sets in order: fragments that apply to the runtime type
        // flattened, fields with one response key and the same source grouped.
        let mut groups: Vec<Vec<&Field>> = Vec::new();
        for set in sets {
            self.collect(set, typename, &mut groups);
        }
        // A field's type is its definition's on the runtime type, as the spec's ExecuteField
        // reads it: an implementation may narrow an interface's field (`Book.similar: Book`
        // under `Product.similar: Product`), and the selection recorded the type of whichever
        // level it was written on.
        let types: Vec<Type> = groups
            .iter()
            .map(|group| self.field_type(typename, group[0]))
            .collect();
        let signature = groups
            .iter()
            .flatten()
            .map(|field| *field as *const Field as usize)
            .collect::<Vec<_>>();
        let key = (signature, types, is_object);
        if let Some(compiled) = self.lists.get(&key) {
            return compiled.clone();
        }
        let compiled: Fields = groups
            .iter()
            .zip(&key.1)
            .map(|(group, ty)| self.field(group, ty, is_object))
            .collect();
        self.field_count += compiled.len();
        self.lists.insert(key, compiled.clone());
        compiled
    }

    /// The type of `field` on an object of runtime type `typename`: the schema's definition
    /// there, or the one the selection recorded when the runtime type has no such field (the
    /// abstract type's own name standing in for an unknown concrete type).
    fn field_type(&self, typename: &str, field: &Field) -> Type {
        match self.schema.type_field(typename, &field.name) {
            Ok(definition) => definition.ty.clone(),
            Err(_) => field.ty.clone(),
        }
    }

    fn collect<'a>(&self, set: &'a SelectionSet, typename: &str, groups: &mut Vec<Vec<&'a Field>>) {
        for item in &set.items {
            match item {
                Selection::Field(field) => {
                    match groups.iter_mut().find(|group| {
                        group[0].response_key() == field.response_key()
                            && group[0].same_source(field)
                    }) {
                        Some(group) => group.push(field),
                        None => groups.push(vec![field]),
                    }
                }
                Selection::InlineFragment(inline) => {
                    if self.applies(inline.type_condition.as_ref(), typename) {
                        self.collect(&inline.selection_set, typename, groups);
                    }
                }
            }
        }
    }

    /// One response key's fields (same name and arguments), compiled.
    fn field(&mut self, group: &[&Field], ty: &Type, parent_is_object: bool) -> FieldShape {
        let first = group[0];
        let key = first.response_key().clone();
        let mut key_json = Vec::with_capacity(key.len() + 3);
        write::string(&mut key_json, key.as_str());
        key_json.push(b':');
        let value = if first.name == "__typename" {
            if parent_is_object {
                ValueShape::Typename
            } else {
                ValueShape::UnresolvedTypename
            }
        } else {
            let sets: Vec<&SelectionSet> = group
                .iter()
                .filter_map(|field| field.selection_set.as_ref())
                .collect();
            self.value(ty.inner_named_type(), &sets)
        };
        FieldShape {
            key,
            key_json: key_json.into_boxed_slice(),
            name: first.name.clone(),
            ty: ty.clone(),
            value,
        }
    }

    fn value(&mut self, named: &Name, sets: &[&SelectionSet]) -> ValueShape {
        match self.schema.types.get(named) {
            Some(ExtendedType::Enum(enum_type)) => ValueShape::Enum(enum_type.clone()),
            Some(ExtendedType::Object(_)) if !sets.is_empty() => ValueShape::Object {
                typename: named.clone(),
                fields: self.fields(sets, named, true),
            },
            Some(ExtendedType::Interface(_) | ExtendedType::Union(_)) if !sets.is_empty() => {
                let mut variants = FastMap::default();
                for name in self.possible_names(named).iter() {
                    let is_object = self.is_object_type(name);
                    variants.insert(name.clone(), self.fields(sets, name, is_object));
                }
                ValueShape::Abstract {
                    declared: named.clone(),
                    variants,
                }
            }
            _ => ValueShape::Scalar,
        }
    }

    /// The runtime types an object of the abstract type `declared` may name in `__typename`:
    /// the type itself (an answer that names no concrete type), its union members or the
    /// object types and interfaces implementing it.
    fn possible_names(&mut self, declared: &Name) -> Arc<[Name]> {
        if let Some(names) = self.possible.get(declared) {
            return names.clone();
        }
        let mut names = vec![declared.clone()];
        match self.schema.types.get(declared) {
            Some(ExtendedType::Union(union)) => {
                names.extend(union.members.iter().map(|member| member.name.clone()));
            }
            Some(ExtendedType::Interface(_)) => {
                for (name, ty) in &self.schema.types {
                    let implements = match ty {
                        ExtendedType::Object(object) => &object.implements_interfaces,
                        ExtendedType::Interface(interface) => &interface.implements_interfaces,
                        _ => continue,
                    };
                    if implements.iter().any(|i| i.name == *declared) {
                        names.push(name.clone());
                    }
                }
            }
            _ => {}
        }
        let names: Arc<[Name]> = names.into();
        self.possible.insert(declared.clone(), names.clone());
        names
    }

    fn is_object_type(&self, typename: &str) -> bool {
        matches!(
            self.schema.types.get(typename),
            Some(ExtendedType::Object(_))
        )
    }

    /// Whether a fragment with `condition` applies to an object of runtime type `typename`.
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selection::NoVariables;
    use apollo_compiler::ExecutableDocument;

    const SCHEMA: &str = r#"
        type Query { things: [Thing] }
        interface Thing { id: ID! next: Thing }
        type A implements Thing { id: ID! a: Int next: A }
        type B implements Thing { id: ID! b: Int next: Thing }
        type C implements Thing { id: ID! next: Thing }
    "#;

    fn compile(operation: &str) -> ShapePlan {
        let schema = Schema::parse_and_validate(SCHEMA, "schema.graphql").expect("schema");
        let document = ExecutableDocument::parse_and_validate(&schema, operation, "op.graphql")
            .expect("operation");
        let operation = document.operations.get(None).expect("one operation");
        let selection = SelectionSet::from_executable(
            &operation.selection_set,
            &document.fragments,
            &NoVariables,
        );
        ShapePlan::new(&schema, &selection, &operation.selection_set.ty)
    }

    fn variants(plan: &ShapePlan) -> &FastMap<Name, Fields> {
        match &plan.root[0].value {
            ValueShape::Abstract { variants, .. } => variants,
            other => panic!("`things` compiled as {other:?}"),
        }
    }

    fn keys(fields: &Fields) -> Vec<&str> {
        fields.iter().map(|field| field.key.as_str()).collect()
    }

    #[test]
    fn implementations_the_selection_does_not_tell_apart_share_one_field_list() {
        let plan = compile("{ things { id __typename } }");
        let variants = variants(&plan);
        assert_eq!(variants.len(), 4, "Thing itself, A, B and C");
        assert!(Arc::ptr_eq(&variants["A"], &variants["B"]));
        assert!(Arc::ptr_eq(&variants["A"], &variants["C"]));
        // The interface's own name cannot answer `__typename`, so its list is its own.
        assert!(!Arc::ptr_eq(&variants["A"], &variants["Thing"]));
        assert!(matches!(
            variants["Thing"][1].value,
            ValueShape::UnresolvedTypename
        ));
    }

    #[test]
    fn fragments_give_each_implementation_its_own_fields() {
        let plan = compile("{ things { id ... on A { a } ... on B { b } } }");
        let variants = variants(&plan);
        assert_eq!(keys(&variants["A"]), ["id", "a"]);
        assert_eq!(keys(&variants["B"]), ["id", "b"]);
        assert_eq!(keys(&variants["C"]), ["id"]);
        assert_eq!(keys(&variants["Thing"]), ["id"]);
    }

    #[test]
    fn one_key_selected_at_several_levels_collects_every_selection_of_it() {
        let plan = compile(
            "{ things { next { ... on B { b } } next { ... on B { id } } ... on B { next { next { id } ... on B { b } } } } }",
        );
        let things = variants(&plan);
        let next = match &things["B"][0].value {
            ValueShape::Abstract { variants, .. } => variants,
            other => panic!("`next` compiled as {other:?}"),
        };
        assert_eq!(keys(&next["B"]), ["b", "id", "next"]);
    }

    #[test]
    fn a_field_takes_its_type_from_the_runtime_type_that_narrows_it() {
        // `next` is `Thing` on the interface and `A` on `A`: selected on the interface, then
        // again inside `... on A`, an `A`'s `next` is an `A` whatever `__typename` says.
        let plan = compile("{ things { next { id } ... on A { next { a } } } }");
        let things = variants(&plan);
        match &things["A"][0].value {
            ValueShape::Object { typename, fields } => {
                assert_eq!((typename.as_str(), keys(fields)), ("A", vec!["id", "a"]));
            }
            other => panic!("`next` of an A compiled as {other:?}"),
        }
        assert!(matches!(things["B"][0].value, ValueShape::Abstract { .. }));
    }

    #[test]
    fn keys_are_escaped_once_with_their_colon() {
        let plan = compile("{ things { id } }");
        assert_eq!(&*plan.root[0].key_json, br#""things":"#);
    }
}
