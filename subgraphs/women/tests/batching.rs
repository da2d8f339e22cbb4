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
async fn region_figures_cost_one_statement() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            ... on Region { women { organizationCount memberCount womensHomeCount
                                    officerCount chairAndViceChairCount executiveMemberCount } }
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

    // One read of the per-region summary, whatever the regions and figures asked.
    assert_eq!((statements_for_two, statements_for_eighty), (1, 1));
}

#[tokio::test]
async fn lists_under_parents_cost_one_statement_per_kind_of_child() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($limit: Int!) {
        womenOrganizations(limit: $limit) {
            items { id womensHomes { id activities { id } } childrensHomes { id } officers { id role } }
        }
    }"#;
    let mut counts = Vec::new();
    for limit in [10, 40] {
        counter.reset();
        let response = run(&schema, clerk(), query, json!({"limit": limit})).await;
        assert!(response.get("errors").is_none(), "{response}");
        counts.push(counter.count());
    }
    // COUNT + page, then one batch per kind of child (women's homes, children's homes,
    // officers), then one more level: the homes' activities.
    assert_eq!(counts, vec![6, 6]);
}

#[tokio::test]
async fn entity_batches_cost_one_statement_per_type() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            ... on WomenOrganization { id name }
            ... on LaborDispute { id rightsAssistance { id organization { id } } }
        }
    }"#;
    let mut counts = Vec::new();
    for n in [5, 30] {
        let representations: Vec<Value> = (1..=n)
            .flat_map(|i| {
                [
                    json!({"__typename": "WomenOrganization", "id": format!("women-unit-{i:06}")}),
                    json!({"__typename": "LaborDispute", "id": format!("unions-dispute-{:06}", i + 9)}),
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
    // organisations + assistance; then the assistance records' organisations.
    assert_eq!(counts, vec![3, 3]);
}
