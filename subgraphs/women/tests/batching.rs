//! Batching: the number of SQL statements does not grow with the number of entities.

mod common;

use common::{clerk, counted_schema};
use quntuan_kit::testing::{region_representations, statements_of};
use quntuan_kit::{RegionTree, Scale};
use serde_json::{Value, json};

#[tokio::test]
async fn region_figures_cost_one_statement() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($reps: [_Any!]!) {
        _entities(representations: $reps) {
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

    let statements_for_two = statements_of(
        &schema,
        &counter,
        clerk(),
        query,
        region_representations(&["510104", "510104001"]),
    )
    .await;
    let statements_for_eighty = statements_of(
        &schema,
        &counter,
        clerk(),
        query,
        region_representations(&all),
    )
    .await;

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
        counts
            .push(statements_of(&schema, &counter, clerk(), query, json!({"limit": limit})).await);
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
        counts.push(
            statements_of(
                &schema,
                &counter,
                clerk(),
                query,
                json!({"representations": representations}),
            )
            .await,
        );
    }
    // organisations + assistance; then the assistance records' organisations.
    assert_eq!(counts, vec![3, 3]);
}
