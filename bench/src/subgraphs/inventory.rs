//! The `inventory` subgraph: adds `inStock` and `shippingEstimate` to `Product`; the estimate
//! `@requires` the `price` and `weight` that the products subgraph owns.

use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema};

use crate::data::{dataset, shipping_estimate};

pub type InventorySchema = Schema<Query, EmptyMutation, EmptySubscription>;

pub fn schema() -> InventorySchema {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .enable_federation()
        .finish()
}

/// A product as the inventory sees it: its own stock flag plus the external fields the
/// gateway sent in the representation.
pub struct Product {
    upc: String,
    price: Option<i32>,
    weight: Option<i32>,
    in_stock: bool,
}

#[Object]
impl Product {
    async fn upc(&self) -> &str {
        &self.upc
    }

    #[graphql(external)]
    async fn weight(&self) -> Option<i32> {
        self.weight
    }

    #[graphql(external)]
    async fn price(&self) -> Option<i32> {
        self.price
    }

    async fn in_stock(&self) -> Option<bool> {
        Some(self.in_stock)
    }

    // Null when the representation lacked `price` or `weight`: the estimate cannot be made.
    #[graphql(requires = "price weight")]
    async fn shipping_estimate(&self) -> Option<i32> {
        Some(shipping_estimate(self.price?, self.weight?))
    }
}

pub struct Query;

#[Object]
impl Query {
    #[graphql(entity)]
    async fn find_product_by_upc(
        &self,
        #[graphql(key)] upc: String,
        price: Option<i32>,
        weight: Option<i32>,
    ) -> Option<Product> {
        let in_stock = dataset().product(&upc)?.in_stock;
        Some(Product {
            upc,
            price,
            weight,
            in_stock,
        })
    }
}
