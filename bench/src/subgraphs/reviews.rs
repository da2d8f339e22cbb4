//! The `reviews` subgraph: owns `Review`, adds `reviews` to `User` and `Product`, and
//! `@provides` the author's `username` so that a gateway need not ask accounts for it.

use async_graphql::{EmptyMutation, EmptySubscription, ID, Object, Schema};

use crate::data::{self, dataset};

pub type ReviewsSchema = Schema<Query, EmptyMutation, EmptySubscription>;

pub fn schema() -> ReviewsSchema {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .enable_federation()
        .finish()
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

    #[graphql(provides = "username")]
    async fn author(&self) -> Option<User> {
        dataset().users.get(self.0.author).map(User)
    }

    async fn product(&self) -> Option<Product> {
        dataset().products.get(self.0.product).map(Product)
    }
}

pub struct User(&'static data::User);

#[Object]
impl User {
    async fn id(&self) -> &ID {
        &self.0.id
    }

    // Owned by accounts; this subgraph keeps a copy so it can honour `@provides`.
    #[graphql(external)]
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

    async fn reviews(&self) -> Option<Vec<Option<Review>>> {
        Some(reviews(&self.0.reviews))
    }
}

fn reviews(indices: &[usize]) -> Vec<Option<Review>> {
    let all = &dataset().reviews;
    indices.iter().map(|&i| all.get(i).map(Review)).collect()
}

pub struct Query;

#[Object]
impl Query {
    #[graphql(entity)]
    async fn find_review_by_id(&self, id: ID) -> Option<Review> {
        dataset().review(&id).map(Review)
    }

    #[graphql(entity)]
    async fn find_user_by_id(&self, id: ID) -> Option<User> {
        dataset().user(&id).map(User)
    }

    #[graphql(entity)]
    async fn find_product_by_upc(&self, upc: String) -> Option<Product> {
        dataset().product(&upc).map(Product)
    }
}
