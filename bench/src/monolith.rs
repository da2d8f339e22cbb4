//! The monolith baseline: one non-federated schema over the same data that answers the whole
//! deep query by itself, so the gateway can be compared with "no federation at all".

use async_graphql::{EmptyMutation, EmptySubscription, ID, Object, Schema};

use crate::data::{self, dataset, shipping_estimate};
use crate::subgraphs::products::top;

pub type MonolithSchema = Schema<Query, EmptyMutation, EmptySubscription>;

pub fn schema() -> MonolithSchema {
    Schema::build(Query, EmptyMutation, EmptySubscription).finish()
}

pub struct User(&'static data::User);

#[Object]
impl User {
    async fn id(&self) -> &ID {
        &self.0.id
    }

    async fn name(&self) -> Option<&str> {
        Some(&self.0.name)
    }

    async fn username(&self) -> Option<&str> {
        Some(&self.0.username)
    }

    async fn reviews(&self) -> Option<Vec<Option<Review>>> {
        Some(reviews(&self.0.reviews))
    }
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

    async fn in_stock(&self) -> Option<bool> {
        Some(self.0.in_stock)
    }

    async fn shipping_estimate(&self) -> Option<i32> {
        Some(shipping_estimate(self.0.price, self.0.weight))
    }

    async fn reviews(&self) -> Option<Vec<Option<Review>>> {
        Some(reviews(&self.0.reviews))
    }
}

pub struct Review(&'static data::Review);

#[Object]
impl Review {
    async fn id(&self) -> &ID {
        &self.0.id
    }

    async fn body(&self) -> Option<&str> {
        Some(&self.0.body)
    }

    async fn author(&self) -> Option<User> {
        dataset().users.get(self.0.author).map(User)
    }

    async fn product(&self) -> Option<Product> {
        dataset().products.get(self.0.product).map(Product)
    }
}

fn reviews(indices: &[usize]) -> Vec<Option<Review>> {
    let all = &dataset().reviews;
    indices.iter().map(|&i| all.get(i).map(Review)).collect()
}

pub struct Query;

#[Object]
impl Query {
    // The signed-in user; as in accounts, always the first user.
    async fn me(&self) -> Option<User> {
        dataset().users.first().map(User)
    }

    async fn users(&self) -> Option<Vec<Option<User>>> {
        Some(dataset().users.iter().map(|u| Some(User(u))).collect())
    }

    async fn top_products(
        &self,
        #[graphql(default_with = "Some(5)")] first: Option<i32>,
    ) -> Option<Vec<Option<Product>>> {
        Some(top(first).map(|p| Some(Product(p))).collect())
    }
}
