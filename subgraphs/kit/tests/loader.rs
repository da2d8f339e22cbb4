//! The kit's dataloaders run one batch per loader per level of a query, whatever the list
//! length and however the resolvers yield, and still answer without the `Batching` extension.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, EmptyMutation, EmptySubscription, Object, Schema};
use quntuan_kit::{Batching, dataloader};

/// Answers `key * 10` and records the size of every batch it is asked for.
#[derive(Clone, Default)]
struct Tens {
    batches: Arc<Mutex<Vec<usize>>>,
}

impl Loader<i64> for Tens {
    type Value = i64;
    type Error = Arc<String>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, i64>, Self::Error> {
        self.batches.lock().unwrap().push(keys.len());
        tokio::task::yield_now().await; // a batch takes a while, as a statement does
        Ok(keys.iter().map(|k| (*k, k * 10)).collect())
    }
}

struct Item(i64);

#[Object]
impl Item {
    /// Loads after a cooperative yield, as a resolver awaiting something ready would.
    async fn tens(&self, ctx: &Context<'_>) -> i64 {
        tokio::task::yield_now().await;
        let loader = ctx.data_unchecked::<DataLoader<Tens>>();
        loader.load_one(self.0).await.unwrap().unwrap()
    }

    /// The next level: two items per item, each loading again.
    async fn children(&self, ctx: &Context<'_>) -> Vec<Item> {
        let loader = ctx.data_unchecked::<DataLoader<Tens>>();
        let base = loader.load_one(self.0).await.unwrap().unwrap();
        vec![Item(base + 1), Item(base + 2)]
    }
}

struct Query;

#[Object]
impl Query {
    async fn items(&self, n: i64) -> Vec<Item> {
        (0..n).map(Item).collect()
    }
}

fn schema(tens: &Tens, batching: bool) -> Schema<Query, EmptyMutation, EmptySubscription> {
    let builder =
        Schema::build(Query, EmptyMutation, EmptySubscription).data(dataloader(tens.clone()));
    if batching {
        builder.extension(Batching).finish()
    } else {
        builder.finish()
    }
}

async fn run(tens: &Tens, batching: bool, query: &str) -> serde_json::Value {
    let response = schema(tens, batching).execute(query).await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    serde_json::to_value(response.data).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_of_a_hundred_costs_one_batch_per_level() {
    let tens = Tens::default();
    let data = run(&tens, true, "{ items(n: 100) { tens children { tens } } }").await;
    let items = data["items"].as_array().unwrap();
    assert_eq!(items.len(), 100);
    assert_eq!(
        items[7],
        serde_json::json!({"tens": 70, "children": [{"tens": 710}, {"tens": 720}]})
    );
    // Level one: `tens` and `children` of the 100 items share one loader (100 keys); level
    // two: the 200 children (keys 1..=992, all distinct).
    assert_eq!(*tens.batches.lock().unwrap(), vec![100, 200]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loaders_still_answer_without_the_extension() {
    let tens = Tens::default();
    let data = run(&tens, false, "{ items(n: 3) { tens } }").await;
    assert_eq!(
        data,
        serde_json::json!({"items": [{"tens": 0}, {"tens": 10}, {"tens": 20}]})
    );
    let keys: usize = tens.batches.lock().unwrap().iter().sum();
    assert_eq!(keys, 3);
}
