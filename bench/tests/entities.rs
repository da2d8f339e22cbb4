//! Each subgraph resolves its root fields and `_entities` exactly as a gateway expects,
//! including unknown keys (null), `@requires` fields taken from the representation, and the
//! `@provides`d username.

mod common;

use common::{graphql_json, spawn};
use quntuan_bench::server::graphql_router;
use quntuan_bench::subgraphs::{accounts, inventory, products, reviews};
use serde_json::json;

#[tokio::test]
async fn accounts_resolves_users_by_id_and_its_root_fields() {
    let base = spawn("accounts", graphql_router(accounts::schema())).await;
    let entities = graphql_json(
        &base,
        r#"{ _entities(representations: [
            {__typename: "User", id: "2"}, {__typename: "User", id: "99"}
        ]) { __typename ... on User { id name username } } }"#,
    )
    .await;
    assert_eq!(
        entities,
        json!({"data": {"_entities": [
            {"__typename": "User", "id": "2", "name": "Alan Turing", "username": "@alan2"},
            null
        ]}})
    );
    let roots = graphql_json(&base, "{ me { id username } users { id } }").await;
    let ids: Vec<_> = (1..=10).map(|i| json!({"id": i.to_string()})).collect();
    assert_eq!(
        roots,
        json!({"data": {"me": {"id": "1", "username": "@ada1"}, "users": ids}})
    );
}

#[tokio::test]
async fn inventory_computes_shipping_from_the_required_fields_it_is_sent() {
    let base = spawn("inventory", graphql_router(inventory::schema())).await;
    let entities = graphql_json(
        &base,
        r#"{ _entities(representations: [
            {__typename: "Product", upc: "1", price: 99, weight: 40},
            {__typename: "Product", upc: "3", price: 1200, weight: 146},
            {__typename: "Product", upc: "2"},
            {__typename: "Product", upc: "404", price: 1, weight: 1}
        ]) { ... on Product { upc price weight inStock shippingEstimate } } }"#,
    )
    .await;
    assert_eq!(
        entities,
        json!({"data": {"_entities": [
            {"upc": "1", "price": 99, "weight": 40, "inStock": true, "shippingEstimate": 20},
            {"upc": "3", "price": 1200, "weight": 146, "inStock": false, "shippingEstimate": 0},
            {"upc": "2", "price": null, "weight": null, "inStock": true, "shippingEstimate": null},
            null
        ]}})
    );
}

#[tokio::test]
async fn products_resolves_products_by_upc_and_top_products() {
    let base = spawn("products", graphql_router(products::schema())).await;
    let entities = graphql_json(
        &base,
        r#"{ _entities(representations: [{__typename: "Product", upc: "2"}]) {
            ... on Product { upc name price weight } } }"#,
    )
    .await;
    assert_eq!(
        entities,
        json!({"data": {"_entities": [
            {"upc": "2", "name": "Walnut Chair", "price": 478, "weight": 93}
        ]}})
    );
    let top = graphql_json(
        &base,
        "{ default: topProducts { upc } two: topProducts(first: 2) { upc } \
           none: topProducts(first: -1) { upc } all: topProducts(first: 99) { upc } }",
    )
    .await;
    let upcs = |n: usize| -> Vec<_> { (1..=n).map(|i| json!({"upc": i.to_string()})).collect() };
    assert_eq!(
        top,
        json!({"data": {"default": upcs(5), "two": upcs(2), "none": [], "all": upcs(10)}})
    );
}

#[tokio::test]
async fn reviews_resolves_reviews_of_users_and_products_and_provides_usernames() {
    let base = spawn("reviews", graphql_router(reviews::schema())).await;
    let entities = graphql_json(
        &base,
        r#"{ _entities(representations: [
            {__typename: "User", id: "1"},
            {__typename: "Product", upc: "1"},
            {__typename: "Review", id: "2"},
            {__typename: "Review", id: "31"}
        ]) {
            __typename
            ... on User { id reviews { id product { upc } } }
            ... on Product { upc reviews { id author { id username } } }
            ... on Review { id body author { id username } product { upc } }
        } }"#,
    )
    .await;
    assert_eq!(
        entities,
        json!({"data": {"_entities": [
            {"__typename": "User", "id": "1", "reviews": [
                {"id": "1", "product": {"upc": "1"}},
                {"id": "11", "product": {"upc": "2"}},
                {"id": "21", "product": {"upc": "3"}}
            ]},
            {"__typename": "Product", "upc": "1", "reviews": [
                {"id": "1", "author": {"id": "1", "username": "@ada1"}},
                {"id": "20", "author": {"id": "10", "username": "@dennis10"}},
                {"id": "29", "author": {"id": "9", "username": "@margaret9"}}
            ]},
            {"__typename": "Review", "id": "2",
             "body": "Good value, although assembly took longer than promised. (review 2)",
             "author": {"id": "2", "username": "@alan2"}, "product": {"upc": "2"}},
            null
        ]}})
    );
}
