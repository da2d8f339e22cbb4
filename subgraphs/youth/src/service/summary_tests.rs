//! The per-region summary always equals the live aggregate of the tables (the SQL
//! `Region.youth` ran before the summary existed), for every region: after the seed, after
//! each kind of mutation, and unchanged by a rejected mutation. Runs on SQLite, and on
//! PostgreSQL when DATABASE_URL is set.

use std::collections::BTreeMap;

use async_graphql::ID;
use chrono::NaiveDate;
use quntuan_kit::region::CITY_CODE;
use quntuan_kit::seed::date;
use quntuan_kit::testing::region_summary::{
    assert_rows_cover_the_demo_tree, figure_changes, regions_to_check, summary_codes,
};
use quntuan_kit::testing::{row_counts, seeded_test_database};
use quntuan_kit::{ApiResult, EventBus};
use sea_orm::DatabaseConnection;

use super::figures::{LIVE_SOURCES, region_figures};
use super::mutations::{self, LogServiceHoursInput, RecordActivityInput, RegisterVolunteerInput};
use super::summary::SUMMARY;
use quntuan_youth_migration::FIGURE_COLUMNS;

pub(super) const COUNTED_TABLES: [&str; 7] = [
    "youth_branches",
    "youth_volunteers",
    "youth_service_logs",
    "youth_homes",
    "youth_activities",
    "youth_social_workers",
    "youth_awards",
];

/// The subgraph's summary table.
const SUMMARY_TABLE: &str = "youth_region_figures";

/// A street and a community of the demo tree, and a community code no seeded record uses
/// (its summary row is created by the first mutation there).
const STREET: &str = "510104003";
const COMMUNITY: &str = "510104003001";
const NEW_COMMUNITY: &str = "510112999999";

fn today() -> NaiveDate {
    date(2030, 1, 1)
}

async fn seeded() -> DatabaseConnection {
    seeded_test_database(&crate::Youth).await
}

/// Every region of the tree, every region in the summary and `extra`, with the summary's
/// figures, after asserting they equal the live aggregate region by region.
pub(super) async fn assert_summary_is_exact(
    db: &DatabaseConnection,
    extra: &[&str],
) -> BTreeMap<String, Vec<i64>> {
    let codes = regions_to_check(db, SUMMARY_TABLE, extra).await;
    let summary: BTreeMap<_, _> = SUMMARY
        .read(db, &codes)
        .await
        .expect("summary reads")
        .into_iter()
        .collect();
    let live: BTreeMap<_, _> = region_figures(db, LIVE_SOURCES, &codes)
        .await
        .expect("live aggregate reads")
        .into_iter()
        .collect();
    assert_eq!(summary.len(), codes.len());
    for code in &codes {
        assert_eq!(summary[code], live[code], "figures of region {code}");
    }
    summary
}

pub(super) async fn table_counts(db: &DatabaseConnection) -> Vec<(String, i64)> {
    row_counts(db, &COUNTED_TABLES).await
}

/// Registers volunteer 李青 with `id_number` in `region`, in `branch` if given.
async fn register(
    db: &DatabaseConnection,
    region: &str,
    id_number: &str,
    branch: Option<&str>,
) -> ApiResult<crate::entity::volunteer::Model> {
    let input = RegisterVolunteerInput {
        name: "李青".into(),
        id_number: id_number.into(),
        phone: "13900001111".into(),
        region_code: region.into(),
        branch_id: branch.map(ID::from),
        registered_on: date(2024, 3, 1),
    };
    mutations::register_volunteer(db, &EventBus::default(), input, today()).await
}

/// Logs `hours` of community service by `volunteer_id` on `served_on`.
async fn log(
    db: &DatabaseConnection,
    volunteer_id: String,
    served_on: NaiveDate,
    hours: f64,
) -> ApiResult<crate::entity::service_log::Model> {
    let input = LogServiceHoursInput {
        volunteer_id: ID::from(volunteer_id),
        served_on,
        hours,
        description: "社区服务".into(),
    };
    mutations::log_service_hours(db, input, today()).await
}

/// Records a reading club of 37 in `region`, at youth home `home` if given.
async fn record(
    db: &DatabaseConnection,
    region: &str,
    home: Option<&str>,
) -> ApiResult<crate::entity::activity::Model> {
    let input = RecordActivityInput {
        title: "周末读书会".into(),
        kind: "读书会".into(),
        held_on: date(2029, 5, 1),
        participant_count: 37,
        region_code: region.into(),
        youth_home_id: home.map(ID::from),
        service_center_id: None,
    };
    mutations::record_activity(db, &EventBus::default(), input, today()).await
}

#[tokio::test]
async fn the_seed_fills_one_exact_row_per_region_with_records() {
    let db = seeded().await;
    let figures = assert_summary_is_exact(&db, &[]).await;
    // The city row holds every record: 200 demo volunteers, and each table is non-empty.
    let city = &figures[CITY_CODE];
    assert_eq!(city.len(), FIGURE_COLUMNS.len());
    assert_eq!(city[2], 200, "volunteers in the city: {city:?}");
    assert!(city.iter().all(|&n| n > 0), "{city:?}");
    // A row for the city, each district and each street or community holding records.
    assert_rows_cover_the_demo_tree(&db, SUMMARY_TABLE).await;
}

#[tokio::test]
async fn every_kind_of_mutation_keeps_the_summary_exact() {
    let db = seeded().await;
    let before = assert_summary_is_exact(&db, &[NEW_COMMUNITY]).await;
    assert_eq!(before[NEW_COMMUNITY], vec![0; FIGURE_COLUMNS.len()]);

    // A volunteer in a community no record used before, one at street level.
    let mut volunteers = Vec::new();
    for (region, id_number) in [
        (NEW_COMMUNITY, "11010519491231002X"),
        (STREET, "110105194912310011"),
    ] {
        let row = register(&db, region, id_number, Some("youth-unit-000016"))
            .await
            .expect("volunteer registers");
        volunteers.push(row.id);
        assert_summary_is_exact(&db, &[NEW_COMMUNITY]).await;
    }

    for volunteer in volunteers.iter().copied().chain([1, 30]) {
        let volunteer_id = crate::ids::VOLUNTEER.format(volunteer);
        log(&db, volunteer_id, date(2029, 6, 1), 2.25)
            .await
            .expect("hours are logged");
        assert_summary_is_exact(&db, &[NEW_COMMUNITY]).await;
    }

    for (region, home) in [
        (COMMUNITY, Some("youth-home-0003")),
        (STREET, None),
        (NEW_COMMUNITY, None),
    ] {
        record(&db, region, home)
            .await
            .expect("activity is recorded");
        assert_summary_is_exact(&db, &[NEW_COMMUNITY]).await;
    }

    let after = assert_summary_is_exact(&db, &[NEW_COMMUNITY]).await;
    // volunteers, minutes (4 logs of 135), activities, participants.
    let delta = |code: &str| figure_changes(&after[code], &before[code]);
    assert_eq!(delta(CITY_CODE), vec![0, 0, 2, 540, 0, 3, 111, 0, 0]);
    assert_eq!(delta(NEW_COMMUNITY), vec![0, 0, 1, 135, 0, 1, 37, 0, 0]);
}

#[tokio::test]
async fn rejected_mutations_change_neither_the_tables_nor_the_summary() {
    let db = seeded().await;
    let summary = assert_summary_is_exact(&db, &[]).await;
    let counts = table_counts(&db).await;

    // Each is refused inside its transaction, after validation passed.
    let taken = register(&db, COMMUNITY, "510104199207310834", None).await;
    assert_eq!(
        taken.err().map(|e| e.message().to_string()),
        Some("a volunteer with this `idNumber` is already registered".to_string())
    );
    let early = log(&db, "youth-volunteer-0000030".into(), date(2001, 1, 5), 2.0).await;
    assert!(early.is_err());
    let no_home = record(&db, NEW_COMMUNITY, Some("youth-home-0999")).await;
    assert_eq!(
        no_home.err().map(|e| e.message().to_string()),
        Some("no youth home with id `youth-home-0999`".to_string())
    );

    assert_eq!(table_counts(&db).await, counts);
    assert_eq!(assert_summary_is_exact(&db, &[]).await, summary);
    assert!(
        !summary_codes(&db, SUMMARY_TABLE)
            .await
            .contains(&NEW_COMMUNITY.to_string())
    );
}
