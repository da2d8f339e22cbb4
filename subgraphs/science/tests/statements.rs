//! Batching: a page of N records with nested fields costs the same, constant number of SQL
//! statements whatever N is (dataloaders, one aggregate per batch of regions).

mod common;

use quntuan_kit::testing::region_representations;
use serde_json::json;

const PAGE: &str = r#"query($limit: Int!) { scienceActivities(limit: $limit) { totalCount items { id association { id name activities { id } } region { code science { activityCount } } } } }"#;

const REGION_FIGURES: &str = r#"query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { science { associationCount workstationCount } } } }"#;

quntuan_kit::statement_tests! {
    on common::seeded().await, as common::anonymous();
    /// COUNT + page, then one batch each: associations, activities per association, region
    /// figures.
    a_page_of_activities_costs_a_constant_number_of_statements: PAGE,
        [json!({"limit": 5}), json!({"limit": 10}), json!({"limit": 15})] => 5;
    region_figures_of_many_regions_are_one_statement: REGION_FIGURES, [region_representations(&[
        "510100",
        "510104",
        "510105",
        "510104001",
        "510104001001",
        "510185003002",
    ])] => 1;
}
