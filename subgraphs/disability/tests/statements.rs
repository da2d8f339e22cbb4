//! Batching: a page of N records with nested fields costs the same, constant number of SQL
//! statements whatever N is (dataloaders, one aggregate per batch of regions).

mod common;

use quntuan_kit::testing::region_representations;
use serde_json::json;

const PAGE: &str = r#"query($limit: Int!) { disabledPersons(limit: $limit) { totalCount items { id organizationUnit { id name registeredPersonCount workers { id } } region { code disability { organizationCount workerCount } } } } }"#;

const REGION_FIGURES: &str = r#"query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { disability { organizationCount workerCount registeredPersonCount } } } }"#;

quntuan_kit::statement_tests! {
    on common::seeded().await, as common::anonymous();
    /// COUNT + page, then one batch each: organisations, people per organisation, workers
    /// per organisation, region figures.
    a_page_of_the_registry_costs_a_constant_number_of_statements: PAGE,
        [json!({"limit": 10}), json!({"limit": 20}), json!({"limit": 30})] => 6;
    region_figures_of_many_regions_are_one_statement: REGION_FIGURES, [region_representations(&[
        "510100",
        "510104",
        "510185",
        "510104001",
        "510104003001",
    ])] => 1;
}
