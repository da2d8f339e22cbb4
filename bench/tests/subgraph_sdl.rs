//! Every subgraph answers `_service { sdl }` with the checked-in SDL in `bench/subgraphs/`, the
//! files a composer (or a reader of `supergraph.graphql`) works from.

mod common;

use common::{assert_golden, graphql_json, spawn};
use quntuan_bench::server::graphql_router;
use quntuan_bench::subgraphs::{accounts, inventory, products, reviews};
use quntuan_bench::ticker;

async fn served_sdl(base: &str) -> String {
    let answer = graphql_json(base, "{ _service { sdl } }").await;
    answer["data"]["_service"]["sdl"]
        .as_str()
        .unwrap_or_else(|| panic!("no _service.sdl in {answer}"))
        .to_owned()
}

#[tokio::test]
async fn accounts_serves_its_checked_in_sdl() {
    let base = spawn("accounts", graphql_router(accounts::schema())).await;
    assert_golden("subgraphs/accounts.graphql", &served_sdl(&base).await);
}

#[tokio::test]
async fn inventory_serves_its_checked_in_sdl() {
    let base = spawn("inventory", graphql_router(inventory::schema())).await;
    assert_golden("subgraphs/inventory.graphql", &served_sdl(&base).await);
}

#[tokio::test]
async fn products_serves_its_checked_in_sdl() {
    let base = spawn("products", graphql_router(products::schema())).await;
    assert_golden("subgraphs/products.graphql", &served_sdl(&base).await);
}

#[tokio::test]
async fn reviews_serves_its_checked_in_sdl() {
    let base = spawn("reviews", graphql_router(reviews::schema())).await;
    assert_golden("subgraphs/reviews.graphql", &served_sdl(&base).await);
}

/// The ticker's SDL is what `bench/supergraph-subscriptions.graphql` is composed from
/// (`quntuan compose --config bench/subscriptions.yaml`); it must keep `Subscription`.
#[tokio::test]
async fn ticker_serves_its_checked_in_sdl_with_its_subscription() {
    let base = spawn("ticker", ticker::router()).await;
    let sdl = served_sdl(&base).await;
    assert!(sdl.contains("type Subscription {"), "{sdl}");
    assert_golden("subgraphs/ticker.graphql", &sdl);
}
