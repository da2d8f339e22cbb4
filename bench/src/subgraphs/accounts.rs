//! The `accounts` subgraph: owns `User` (`id`, `name`, `username`) and `Query.me`/`Query.users`.

use async_graphql::{EmptyMutation, EmptySubscription, ID, Object, Schema};

use crate::data::{self, dataset};

pub type AccountsSchema = Schema<Query, EmptyMutation, EmptySubscription>;

pub fn schema() -> AccountsSchema {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .enable_federation()
        .finish()
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
}

pub struct Query;

#[Object]
impl Query {
    // The signed-in user: the benchmark has no sessions, so it is always the first user.
    async fn me(&self) -> Option<User> {
        dataset().users.first().map(User)
    }

    async fn users(&self) -> Option<Vec<Option<User>>> {
        Some(dataset().users.iter().map(|u| Some(User(u))).collect())
    }

    #[graphql(entity)]
    async fn find_user_by_id(&self, id: ID) -> Option<User> {
        dataset().user(&id).map(User)
    }
}
