//! Renames non-default root types (`schema { query: QueryRoot }`) to `Query`,
//! `Mutation` and `Subscription`, as Apollo's composition does before merging.

use apollo_compiler::Name;
use apollo_compiler::ast::{self, Definition, OperationType, Type};
use std::collections::HashMap;

/// Returns the document with root types renamed to their default names.
pub(crate) fn rename_root_types(doc: &mut ast::Document) {
    let mut renames: HashMap<Name, Name> = HashMap::new();
    for def in &doc.definitions {
        let roots = match def {
            Definition::SchemaDefinition(s) => &s.root_operations,
            Definition::SchemaExtension(s) => &s.root_operations,
            _ => continue,
        };
        for root in roots {
            let (kind, name) = &**root;
            let default = match kind {
                OperationType::Query => "Query",
                OperationType::Mutation => "Mutation",
                OperationType::Subscription => "Subscription",
            };
            if name != default {
                renames.insert(name.clone(), Name::new_unchecked(default));
            }
        }
    }
    if renames.is_empty() {
        return;
    }
    let rename = |n: &mut Name| {
        if let Some(new) = renames.get(n) {
            *n = new.clone();
        }
    };
    fn rename_type(ty: &mut Type, renames: &HashMap<Name, Name>) {
        match ty {
            Type::Named(n) | Type::NonNullNamed(n) => {
                if let Some(new) = renames.get(n) {
                    *n = new.clone();
                }
            }
            Type::List(inner) | Type::NonNullList(inner) => rename_type(inner, renames),
        }
    }
    let rename_fields = |fields: &mut Vec<apollo_compiler::Node<ast::FieldDefinition>>| {
        for f in fields {
            let f = f.make_mut();
            rename_type(&mut f.ty, &renames);
            for a in &mut f.arguments {
                rename_type(a.make_mut().ty.make_mut(), &renames);
            }
        }
    };
    for def in &mut doc.definitions {
        match def {
            Definition::SchemaDefinition(s) => {
                for r in &mut s.make_mut().root_operations {
                    rename(&mut r.make_mut().1);
                }
            }
            Definition::SchemaExtension(s) => {
                for r in &mut s.make_mut().root_operations {
                    rename(&mut r.make_mut().1);
                }
            }
            Definition::ObjectTypeDefinition(o) => {
                let o = o.make_mut();
                rename(&mut o.name);
                rename_fields(&mut o.fields);
            }
            Definition::ObjectTypeExtension(o) => {
                let o = o.make_mut();
                rename(&mut o.name);
                rename_fields(&mut o.fields);
            }
            Definition::InterfaceTypeDefinition(o) => rename_fields(&mut o.make_mut().fields),
            Definition::InterfaceTypeExtension(o) => rename_fields(&mut o.make_mut().fields),
            Definition::UnionTypeDefinition(u) => {
                for m in &mut u.make_mut().members {
                    rename(m);
                }
            }
            Definition::UnionTypeExtension(u) => {
                for m in &mut u.make_mut().members {
                    rename(m);
                }
            }
            _ => {}
        }
    }
}
