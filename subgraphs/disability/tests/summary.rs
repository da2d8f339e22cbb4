//! The oracle of `disability_region_figures`: after the seed the summary `Region.disability`
//! reads equals the live aggregate over the tables, for every region of the demo hierarchy
//! (the federation has no mutations yet), and a database migrated after it was seeded gets
//! its figures on start.

use quntuan_disability::Disability;
use quntuan_disability::service::figures::SUMMARY;
use quntuan_kit::testing::seeded_test_database;
use quntuan_kit::{RegionTree, Scale, SubgraphService};
use sea_orm::{ConnectionTrait, DatabaseConnection};

fn all_codes() -> Vec<String> {
    let mut codes: Vec<String> = RegionTree::get(Scale::Demo)
        .all()
        .iter()
        .map(|r| r.code.clone())
        .collect();
    codes.push("510100".into());
    codes
}

async fn assert_summary_is_live(db: &DatabaseConnection) {
    let codes = all_codes();
    let summary = SUMMARY.read(db, &codes).await.expect("the summary reads");
    let live = SUMMARY.live(db, &codes).await.expect("the aggregate runs");
    for code in &codes {
        assert_eq!(summary[code], live[code], "region {code}");
    }
    assert!(
        summary["510100"].iter().all(|n| *n > 0),
        "{:?}",
        summary["510100"]
    );
}

#[tokio::test]
async fn the_summary_equals_the_live_aggregate_after_the_seed() {
    let db = seeded_test_database(&Disability).await;
    assert_summary_is_live(&db).await;
}

#[tokio::test]
async fn an_emptied_summary_is_filled_again_on_start() {
    let db = seeded_test_database(&Disability).await;
    db.execute_unprepared("DELETE FROM disability_region_figures")
        .await
        .expect("the summary empties");
    Disability
        .migrate(&db)
        .await
        .expect("migrating again works");
    assert_summary_is_live(&db).await;
}
