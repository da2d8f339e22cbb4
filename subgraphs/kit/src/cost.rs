//! `@listSize` of the cost spec (`https://specs.apollo.dev/cost/v0.1`) for paged lists, so that
//! the gateway's demand control sizes a page by its `limit` instead of a guess. Every paged
//! field takes it the same way:
//!
//! `#[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]`
//!
//! The subgraph links the spec and composes the directive (`@composeDirective`), which carries
//! it into the supergraph under its own name.

use async_graphql::TypeDirective;

/// `@listSize(slicingArguments:, sizedFields:)`: the list's size is the value of one of the
/// slicing arguments, and applies to the named child fields (a connection's `items`).
#[TypeDirective(
    name = "listSize",
    location = "FieldDefinition",
    composable = "https://specs.apollo.dev/cost/v0.1"
)]
pub fn list_size(slicing_arguments: Vec<String>, sized_fields: Vec<String>) {}
