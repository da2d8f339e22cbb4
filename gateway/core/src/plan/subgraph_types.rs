//! Field types as each subgraph declares them. A subgraph operation must be valid against the
//! subgraph's own schema, whose types may be narrower than the supergraph's: `@join__field(type:
//! "Book")` on a field that is the union `Media` in the supergraph, or an implementation that
//! narrows an interface field (`Book.similar: [Book]` under `Similar.similar: [Product]`).
//! Planning below a field therefore starts from the concrete parent's field in the subgraph,
//! which drops the type conditions impossible there and folds in the matching one.

use super::planner::Planner;
use crate::selection::{Field, Selection, SelectionSet, typename_field};
use crate::supergraph::{GraphId, TypeInfo};
use apollo_compiler::Name;
use apollo_compiler::ast::Type;

impl Planner<'_> {
    /// The type of `ty.field` as `graph` declares it on that parent type: what the subgraph
    /// operation below the field must be valid against. It may be narrower than the type the
    /// client's selection was read with (`Similar.similar: [Product]` selected on a `Book`
    /// whose `similar` is `[Book]`, or `@join__field(type: "Book")` on a union field).
    pub(super) fn field_type_in(&self, graph: GraphId, ty: &Name, field: &Field) -> Type {
        self.supergraph
            .type_info(ty)
            .and_then(|info| info.fields.get(&field.name))
            .map_or_else(|| field.ty.clone(), |info| info.type_in(graph).clone())
    }

    /// A field the client reads as an interface or union but the subgraph returns as one
    /// object type: the response is still shaped by the abstract type, which needs each
    /// object's `__typename`, so the subgraph selection asks for it.
    pub(super) fn with_typename_if_narrowed(
        &self,
        field: &Field,
        planned_type: &Name,
        mut set: SelectionSet,
    ) -> SelectionSet {
        let client_type = field.ty.inner_named_type();
        let narrowed = client_type != planned_type
            && self
                .supergraph
                .type_info(client_type)
                .is_some_and(TypeInfo::is_abstract)
            && self
                .supergraph
                .type_info(planned_type)
                .is_some_and(|t| !t.is_abstract());
        if narrowed && !set.has_typename() {
            set.items.insert(0, Selection::Field(typename_field()));
        }
        set
    }
}
