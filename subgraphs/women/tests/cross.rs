//! The rights-assistance records point at labour disputes `unions` really seeds.

mod common;

use std::collections::BTreeSet;

use quntuan_kit::{Progress, Scale, SubgraphService, test_database};
use quntuan_unions::Unions;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

#[test]
fn both_seeds_agree_on_the_number_of_disputes() {
    for scale in [Scale::Demo, Scale::Full] {
        assert_eq!(
            quntuan_women::seed::Counts::of(scale).unions_disputes,
            quntuan_unions::seed::Counts::of(scale).disputes,
            "{scale}"
        );
    }
}

async fn ids(db: &DatabaseConnection, sql: &str) -> BTreeSet<String> {
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("the ids can be read");
    rows.iter()
        .map(|row| row.try_get::<String>("", "id").expect("ids are text"))
        .collect()
}

#[tokio::test]
async fn every_assisted_case_exists_in_the_unions_seed() {
    let women = common::seeded_database().await;
    let unions = test_database().await;
    Unions
        .migrate(&unions)
        .await
        .expect("the unions migrations apply");
    Unions
        .seed(&unions, Scale::Demo, &Progress::hidden())
        .await
        .expect("the unions demo seed loads");
    let assisted = ids(
        &women,
        "SELECT DISTINCT dispute_id AS id FROM rights_assistance",
    )
    .await;
    let cases = ids(&unions, "SELECT id FROM labor_dispute").await;
    assert_eq!(assisted.len(), 8);
    let missing: Vec<&String> = assisted.difference(&cases).collect();
    assert!(
        missing.is_empty(),
        "assisted cases unknown to unions: {missing:?}"
    );
}
