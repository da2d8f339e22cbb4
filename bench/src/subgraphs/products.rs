//! The `products` subgraph: owns `Product` (`upc`, `name`, `price`, `weight`) and
//! `Query.topProducts`.

use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema};

use crate::data::{self, dataset};

pub type ProductsSchema = Schema<Query, EmptyMutation, EmptySubscription>;

pub fn schema() -> ProductsSchema {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .enable_federation()
        .finish()
}

pub struct Product(&'static data::Product);

#[Object]
impl Product {
    async fn upc(&self) -> &str {
        &self.0.upc
    }

    async fn name(&self) -> Option<&str> {
        Some(&self.0.name)
    }

    async fn price(&self) -> Option<i32> {
        Some(self.0.price)
    }

    async fn weight(&self) -> Option<i32> {
        Some(self.0.weight)
    }
}

pub struct Query;

#[Object]
impl Query {
    // The first `first` products (all of them when `first` exceeds the catalogue, none when it
    // is negative).
    async fn top_products(
        &self,
        #[graphql(default_with = "Some(5)")] first: Option<i32>,
    ) -> Option<Vec<Option<Product>>> {
        Some(top(first).map(|p| Some(Product(p))).collect())
    }

    #[graphql(entity)]
    async fn find_product_by_upc(&self, upc: String) -> Option<Product> {
        dataset().product(&upc).map(Product)
    }
}

/// The products `topProducts(first:)` returns; shared with the monolith so both agree.
pub(crate) fn top(first: Option<i32>) -> impl Iterator<Item = &'static data::Product> {
    let count = first.map_or(0, |n| usize::try_from(n).unwrap_or(0));
    dataset().products.iter().take(count)
}
