//! The oracle of `disability_region_figures`: after the seed the summary `Region.disability`
//! reads equals the live aggregate over the tables, for every region of the demo hierarchy
//! (the federation has no mutations yet), and a database migrated after it was seeded gets
//! its figures on start.

use quntuan_disability::Disability;
use quntuan_disability::service::figures::SUMMARY;
use quntuan_kit::SubgraphService;
use quntuan_kit::region::CITY_CODE;
use quntuan_kit::testing::{region_summary, seeded_test_database};
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// The summary equals the live aggregate, and the city counts records in every column.
async fn assert_summary_is_live(db: &DatabaseConnection, when: &str) {
    let figures = region_summary::assert_summary_is_live(db, &SUMMARY, when).await;
    let city = &figures[CITY_CODE];
    assert!(city.iter().all(|n| *n > 0), "{city:?}");
}

#[tokio::test]
async fn the_summary_equals_the_live_aggregate_after_the_seed() {
    let db = seeded_test_database(&Disability).await;
    assert_summary_is_live(&db, "after the seed").await;
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
    assert_summary_is_live(&db, "after migrating an emptied summary").await;
}
