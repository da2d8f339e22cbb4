//! The per-region summary always equals the live aggregate of the tables
//! (`SUMMARY.live`, the SQL `Region.unions` would otherwise run), for every region
//! and every figure: after the seed, after each kind of mutation, and unchanged by a
//! rejected mutation. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.

use std::collections::BTreeMap;

use quntuan_kit::region::CITY_CODE;
use quntuan_kit::seed::date;
use quntuan_kit::testing::region_summary::{
    assert_rows_cover_the_demo_tree, assert_summary_matches_live, figure_changes, plus_rows,
    summary_codes,
};
use quntuan_kit::testing::{row_counts, seeded_test_database, test_now};
use quntuan_kit::{ApiResult, EventBus, RegionTree, Scale};
use quntuan_unions_migration::DISPUTE_STATUS_COLUMNS;
use sea_orm::{DatabaseConnection, Iterable};

use super::figures::SUMMARY;
use super::unions::{self, RegisterGrassrootsUnionInput};
use super::workflow::{self, ReceiveLaborDisputeInput, RecordLaborDisputeStepInput};
use crate::model::enums::{GrassrootsUnionKind, LaborDisputeCategory};
use crate::model::status::LaborDisputeStatus;

/// The subgraph's summary table.
const SUMMARY_TABLE: &str = "unions_region_figures";

/// A street and a community of the demo tree.
const STREET: &str = "510116001";
const COMMUNITY: &str = "510116001002";

/// A community of the full tree that the demo seed never uses (no summary row yet).
fn new_community() -> String {
    let demo = RegionTree::get(Scale::Demo);
    RegionTree::get(Scale::Full)
        .all()
        .iter()
        .find(|r| r.code.len() == 12 && demo.region(&r.code).is_none())
        .map(|r| r.code.clone())
        .expect("the full tree has communities the demo tree lacks")
}

async fn seeded() -> DatabaseConnection {
    seeded_test_database(&crate::Unions).await
}

/// Every figure of every region of the tree, of the summary and of `extra`, keyed by
/// (code, index of the table among the summary's sources), after asserting the summary equals the live aggregate for each.
pub(super) async fn assert_summary_is_exact(
    db: &DatabaseConnection,
    extra: &[&str],
) -> BTreeMap<(String, usize), Vec<i64>> {
    let rows = assert_summary_matches_live(db, &SUMMARY, extra, "").await;
    let mut figures = BTreeMap::new();
    for (code, row) in rows {
        for index in 0..SUMMARY.sources.len() {
            let columns = SUMMARY.source_columns(index);
            figures.insert((code.clone(), index), row[columns].to_vec());
        }
    }
    figures
}

pub(super) async fn table_counts(db: &DatabaseConnection) -> Vec<(String, i64)> {
    row_counts(db, &crate::seed::TABLES).await
}

/// Registers union `name` of 86 members in `region` (the fixed test clock, events heard
/// by nobody).
async fn register(
    db: &DatabaseConnection,
    region: &str,
    name: &str,
) -> ApiResult<crate::model::grassroots_union::Model> {
    let input = RegisterGrassrootsUnionInput {
        name: name.into(),
        kind: GrassrootsUnionKind::Enterprise,
        region_code: region.into(),
        member_count: 86,
        founded_on: date(2025, 6, 18),
        chair_name: "李华".into(),
        chair_phone: "13900001111".into(),
        service_center_id: None,
    };
    unions::register(db, &EventBus::default(), input, test_now().date_naive()).await
}

/// Receives a wage-arrears case in `region`, of `union_id` if given, as the tests' clerk.
async fn receive(
    db: &DatabaseConnection,
    region: &str,
    union_id: Option<&str>,
) -> ApiResult<crate::model::labor_dispute::Model> {
    let input = ReceiveLaborDisputeInput {
        title: "拖欠工资纠纷".into(),
        category: LaborDisputeCategory::WageArrears,
        worker_count: 3,
        amount_claimed_yuan: 26_400,
        received_on: date(2025, 6, 30),
        claimant_name: "王芳".into(),
        claimant_phone: "13800002222".into(),
        claimant_id_number: "11010519491231002X".into(),
        region_code: region.into(),
        union_id: union_id.map(String::from),
        service_center_id: None,
        note: None,
    };
    workflow::receive(db, &EventBus::default(), input, "clerk-7", test_now()).await
}

/// Moves case `dispute_id` to `to` as the tests' clerk; the refusal's message.
async fn record_step(
    db: &DatabaseConnection,
    dispute_id: &str,
    to: LaborDisputeStatus,
) -> Result<(), String> {
    let input = RecordLaborDisputeStepInput {
        dispute_id: dispute_id.into(),
        to_status: to,
        note: "调解".into(),
    };
    workflow::record_step(db, &EventBus::default(), input, "clerk-7", test_now())
        .await
        .map(|_| ())
        .map_err(|e| async_graphql::Error::from(e).message)
}

#[test]
fn the_status_columns_follow_the_workflow_order() {
    let statuses: Vec<&str> = DISPUTE_STATUS_COLUMNS.iter().map(|(s, _)| *s).collect();
    let workflow: Vec<&str> = LaborDisputeStatus::iter().map(|s| s.as_str()).collect();
    assert_eq!(statuses, workflow);
}

#[tokio::test]
async fn the_seed_fills_one_exact_row_per_region_with_records() {
    let db = seeded().await;
    let figures = assert_summary_is_exact(&db, &[]).await;
    // The city row holds every record: 60 demo unions, 24 homes, 40 cases.
    let city = |table: usize| figures[&(CITY_CODE.to_string(), table)].clone();
    assert_eq!(city(0)[0], 60);
    assert_eq!(city(1)[0], 24);
    assert_eq!(city(2)[0], 40);
    assert_eq!(city(2)[1..].iter().sum::<i64>(), 40, "{:?}", city(2));
    assert!((0..SUMMARY.sources.len()).all(|i| city(i)[0] > 0));
    assert_rows_cover_the_demo_tree(&db, SUMMARY_TABLE).await;
}

/// The migration that creates the summary fills it with its own statements; they must give
/// the rows the subgraph's `SUMMARY.fill` gives.
#[tokio::test]
async fn the_migration_fills_the_summary_as_the_subgraph_does() {
    let db = seeded().await;
    let codes = summary_codes(&db, SUMMARY_TABLE).await;
    let ours = SUMMARY.read(&db, &codes).await.expect("summary reads");
    quntuan_unions_migration::fill_region_figures(&db)
        .await
        .expect("the migration's fill runs");
    assert_eq!(summary_codes(&db, SUMMARY_TABLE).await, codes);
    assert_eq!(
        SUMMARY.read(&db, &codes).await.expect("summary reads"),
        ours
    );
}

#[tokio::test]
async fn every_kind_of_mutation_keeps_the_summary_exact() {
    let db = seeded().await;
    let fresh = new_community();
    let extra = [fresh.as_str()];
    let before = assert_summary_is_exact(&db, &extra).await;
    assert_eq!(before[&(fresh.clone(), 0)], vec![0, 0]);

    for (region, name) in [(fresh.as_str(), "甲工会"), (STREET, "乙工会")] {
        register(&db, region, name).await.expect("union registers");
        assert_summary_is_exact(&db, &extra).await;
    }

    let mut cases = Vec::new();
    for (region, union_id) in [
        (fresh.as_str(), None),
        (COMMUNITY, Some("unions-unit-000001")),
        (STREET, None),
    ] {
        let case = receive(&db, region, union_id)
            .await
            .expect("case is received");
        cases.push(case.id);
        assert_summary_is_exact(&db, &extra).await;
    }

    use LaborDisputeStatus::*;
    let moves = [
        (0, Mediating),
        (0, Resolved),
        (1, Withdrawn),
        (2, Mediating),
        (2, ReferredToArbitration),
    ];
    for (case, to) in moves {
        record_step(&db, &cases[case], to)
            .await
            .expect("step is recorded");
        assert_summary_is_exact(&db, &extra).await;
    }

    let after = assert_summary_is_exact(&db, &extra).await;
    let delta = |code: &str, table: usize| {
        let key = (code.to_string(), table);
        figure_changes(&after[&key], &before[&key])
    };
    assert_eq!(delta(CITY_CODE, 0), vec![2, 172]);
    // cases, then received, mediating, resolved, referred, withdrawn.
    assert_eq!(delta(CITY_CODE, 2), vec![3, 0, 0, 1, 1, 1]);
    assert_eq!(delta(&fresh, 0), vec![1, 86]);
    assert_eq!(delta(&fresh, 2), vec![1, 0, 0, 1, 0, 0]);
    assert_eq!(delta(COMMUNITY, 2), vec![1, 0, 0, 0, 0, 1]);
    assert_eq!(delta(STREET, 2), vec![2, 0, 0, 0, 1, 1]);
}

#[tokio::test]
async fn rejected_mutations_change_neither_the_tables_nor_the_summary() {
    let db = seeded().await;
    let fresh = new_community();
    let summary = assert_summary_is_exact(&db, &[]).await;
    let counts = table_counts(&db).await;

    // Each is refused inside its transaction, after validation passed.
    register(&db, &fresh, "甲工会")
        .await
        .expect("the first registration passes");
    let summary_after_one = assert_summary_is_exact(&db, &[]).await;
    let counts_after_one = table_counts(&db).await;
    let duplicate = register(&db, &fresh, "甲工会").await;
    assert!(duplicate.is_err());
    let no_union = receive(&db, COMMUNITY, Some("unions-unit-999999")).await;
    assert_eq!(
        no_union.err().map(|e| e.message().to_string()),
        Some("`unionId` `unions-unit-999999` is not a grassroots union of this subgraph".into())
    );
    let case = receive(&db, COMMUNITY, None)
        .await
        .expect("case is received");
    let summary_with_case = assert_summary_is_exact(&db, &[]).await;
    let counts_with_case = table_counts(&db).await;
    let illegal = record_step(&db, &case.id, LaborDisputeStatus::Resolved).await;
    assert!(illegal.is_err());
    let unknown = record_step(&db, "unions-dispute-999999", LaborDisputeStatus::Mediating).await;
    assert!(unknown.is_err());
    assert_eq!(table_counts(&db).await, counts_with_case);
    assert_eq!(assert_summary_is_exact(&db, &[]).await, summary_with_case);

    // The refused registration and case receipt changed nothing either.
    assert_ne!(counts_after_one, counts);
    assert_ne!(summary_after_one, summary);
    let one_case = [("labor_dispute", 1), ("labor_dispute_step", 1)];
    assert_eq!(counts_with_case, plus_rows(&counts_after_one, &one_case));
}
