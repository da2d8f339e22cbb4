//! Batching: the number of SQL statements does not grow with the number of entities.

mod common;

use common::{clerk, counted_schema, run};
use quntuan_kit::{RegionTree, Scale};
use serde_json::{Value, json};

fn regions(codes: &[&str]) -> Value {
    let representations: Vec<Value> = codes
        .iter()
        .map(|code| json!({"__typename": "Region", "code": code}))
        .collect();
    json!({"representations": representations})
}

#[tokio::test]
async fn region_figures_cost_one_statement_per_batch() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            ... on Region { unions { grassrootsUnionCount memberCount workersHomeCount
                                     disputeCount openDisputeCount disputesByStatus { count } } }
        }
    }"#;
    let tree = RegionTree::get(Scale::Demo);
    let all: Vec<&str> = tree
        .districts()
        .chain(tree.streets())
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(all.len(), 80);

    counter.reset();
    let few = run(&schema, clerk(), query, regions(&["510104", "510104001"])).await;
    assert!(few.get("errors").is_none(), "{few}");
    let statements_for_two = counter.count();

    counter.reset();
    let many = run(&schema, clerk(), query, regions(&all)).await;
    assert!(many.get("errors").is_none(), "{many}");
    let statements_for_eighty = counter.count();

    // One read of the per-region summary, whatever the tables and levels asked for.
    assert_eq!((statements_for_two, statements_for_eighty), (1, 1));
}

#[tokio::test]
async fn lists_under_parents_cost_one_statement_per_kind_of_child() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($limit: Int!) {
        grassrootsUnions(limit: $limit) {
            items { id workersHomes { id union { id } } socialWorkers { id } }
        }
        laborDisputes(limit: $limit) {
            items { id steps { seq } serviceCenter { id } }
        }
    }"#;
    let mut counts = Vec::new();
    for limit in [10, 40] {
        counter.reset();
        let response = run(&schema, clerk(), query, json!({"limit": limit})).await;
        assert!(response.get("errors").is_none(), "{response}");
        counts.push(counter.count());
    }
    // 2 lists x (COUNT + page), then one batch per kind of child: homes, social workers,
    // steps; then one more level: the homes' unions.
    assert_eq!(counts, vec![8, 8]);
}

#[tokio::test]
async fn entity_batches_cost_one_statement_per_type() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            ... on GrassrootsUnion { id name }
            ... on LaborDispute { id steps { seq } }
        }
    }"#;
    let mut counts = Vec::new();
    for n in [1, 30] {
        let representations: Vec<Value> = (1..=n)
            .flat_map(|i| {
                [
                    json!({"__typename": "GrassrootsUnion", "id": format!("unions-unit-{i:06}")}),
                    json!({"__typename": "LaborDispute", "id": format!("unions-dispute-{i:06}")}),
                ]
            })
            .collect();
        counter.reset();
        let response = run(
            &schema,
            clerk(),
            query,
            json!({"representations": representations}),
        )
        .await;
        assert!(response.get("errors").is_none(), "{response}");
        counts.push(counter.count());
    }
    // unions + disputes + steps.
    assert_eq!(counts, vec![3, 3]);
}
