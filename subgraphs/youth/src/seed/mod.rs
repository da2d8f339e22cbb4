//! Deterministic seed data. Branches, activities and awards come from the kit's directory
//! generators (so hub lists the same ids, names and regions); homes, volunteers, service
//! logs and social workers from this subgraph's own streams. Every table is written with
//! the kit's batched multi-row inserts, all in one transaction, which ends by filling the
//! per-region figures summary from the rows written.

use std::collections::HashMap;

mod generate;

use generate::{homes, service_logs, social_workers, volunteers};

use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::reexports::sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, Statement,
    TransactionTrait, Value,
};
use quntuan_kit::seed::{advance_id_sequences, insert_awards, insert_located, with_region};
use quntuan_kit::{KitError, Progress, RegionRef, Rng, Scale};

/// SQLite page cache for the seed connection (in KiB, as a negative `cache_size`): the
/// secondary indexes of 733,000 volunteers outgrow the 2 MiB default, and index pages
/// evicted and re-read dominate the load time.
const SEED_CACHE_KIB: i64 = 256 * 1024;

fn fail(context: &str) -> impl FnOnce(DbErr) -> KitError {
    let context = context.to_string();
    move |source: DbErr| KitError::Seed {
        subgraph: "youth",
        context,
        source,
    }
}

/// Seeds a migrated, empty youth database in one transaction: a failed seed leaves the
/// database empty.
pub(crate) async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    let txn = db
        .begin()
        .await
        .map_err(fail("starting the seed transaction"))?;
    if txn.get_database_backend() == DbBackend::Sqlite {
        txn.execute_unprepared(&format!("PRAGMA cache_size = -{SEED_CACHE_KIB}"))
            .await
            .map_err(fail("enlarging the SQLite page cache"))?;
    }
    seed_tables(&txn, scale, progress).await?;
    txn.commit().await.map_err(fail("committing the seed"))
}

async fn seed_tables(
    db: &DatabaseTransaction,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    let branch_regions: Vec<RegionRef> = catalog::youth_branches(scale).map(|b| b.region).collect();
    insert_located(
        db,
        progress,
        "youth",
        "youth_branches",
        &["id", "name", "kind", "member_count", "founded_on"],
        branch_regions.len(),
        catalog::youth_branches(scale).map(|b| {
            with_region(
                vec![
                    i64::from(b.seq).into(),
                    b.name.into(),
                    b.kind.into(),
                    (b.member_count as i32).into(),
                    b.founded_on.into(),
                ],
                &b.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting league branches"))?;

    let homes = homes(scale);
    let mut homes_by_district: HashMap<String, Vec<i64>> = HashMap::new();
    for home in &homes {
        homes_by_district
            .entry(home.region.district_code.clone())
            .or_default()
            .push(home.id);
    }
    insert_located(
        db,
        progress,
        "youth",
        "youth_homes",
        &["id", "name", "partner", "service_center_id", "opened_on"],
        homes.len(),
        homes.into_iter().map(|h| {
            with_region(
                vec![
                    h.id.into(),
                    h.name.clone().into(),
                    h.partner.clone().into(),
                    h.service_center_id.clone().into(),
                    h.opened_on.into(),
                ],
                &h.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting youth homes"))?;

    // Building the big tables' secondary indexes once after the load is much cheaper than
    // maintaining them row by row.
    let suspended = suspend_indexes(db, &["youth_volunteers", "youth_service_logs"])
        .await
        .map_err(fail("suspending secondary indexes"))?;
    let volunteer_total = scale.count(200, 733_000) as usize;
    insert_located(
        db,
        progress,
        "youth",
        "youth_volunteers",
        &[
            "id",
            "name",
            "id_number",
            "phone",
            "branch_id",
            "registered_on",
        ],
        volunteer_total,
        volunteers(scale, &branch_regions).map(|v| {
            with_region(
                vec![
                    v.id.into(),
                    v.name.into(),
                    v.id_number.into(),
                    v.phone.into(),
                    v.branch_id.into(),
                    v.registered_on.into(),
                ],
                &v.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting volunteers"))?;

    // The logs follow the volunteers they belong to: regenerate the (deterministic)
    // volunteer stream rather than keep 733,000 volunteers in memory.
    let log_estimate = match scale {
        Scale::Demo => volunteer_total * 3 / 2,
        Scale::Full => volunteer_total / 2,
    };
    insert_located(
        db,
        progress,
        "youth",
        "youth_service_logs",
        &["id", "volunteer_id", "served_on", "minutes", "description"],
        log_estimate,
        service_logs(scale, volunteers(scale, &branch_regions)).map(|l| {
            with_region(
                vec![
                    l.id.into(),
                    l.volunteer_id.into(),
                    l.served_on.into(),
                    l.minutes.into(),
                    l.description.into(),
                ],
                &l.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting service logs"))?;
    restore_indexes(db, suspended)
        .await
        .map_err(fail("rebuilding secondary indexes"))?;

    let mut links = Rng::for_stream("youth.activities.links");
    let activity_total = catalog::youth_activities(scale).count();
    insert_located(
        db,
        progress,
        "youth",
        "youth_activities",
        &[
            "id",
            "title",
            "kind",
            "held_on",
            "participant_count",
            "youth_home_id",
            "service_center_id",
        ],
        activity_total,
        catalog::youth_activities(scale).map(move |a| {
            let roll = links.below(10);
            // A third at a youth home of the same district (when it has one), a fifth at
            // the street's shared centre.
            let home: Option<i64> = match homes_by_district.get(&a.region.district_code) {
                Some(ids) if roll < 3 => links.pick(ids).copied(),
                _ => None,
            };
            let center: Option<String> = (3..5)
                .contains(&roll)
                .then(|| street_center_id(&a.region.street_code));
            with_region(
                vec![
                    i64::from(a.seq).into(),
                    a.title.into(),
                    a.kind.into(),
                    a.held_on.into(),
                    (a.participant_count as i32).into(),
                    home.into(),
                    center.into(),
                ],
                &a.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting activities"))?;

    let workers = social_workers(scale);
    insert_located(
        db,
        progress,
        "youth",
        "youth_social_workers",
        &[
            "id",
            "name",
            "id_number",
            "phone",
            "specialty",
            "hired_on",
            "service_center_id",
        ],
        workers.len(),
        workers.into_iter().map(|w| {
            with_region(
                vec![
                    w.id.into(),
                    w.name.into(),
                    w.id_number.into(),
                    w.phone.into(),
                    w.specialty.into(),
                    w.hired_on.into(),
                    w.service_center_id.into(),
                ],
                &w.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting social workers"))?;

    insert_awards(
        db,
        progress,
        "youth",
        "youth_awards",
        catalog::youth_awards(scale),
    )
    .await
    .map_err(fail("inserting awards"))?;

    advance_id_sequences(
        db,
        &[
            "youth_branches",
            "youth_homes",
            "youth_volunteers",
            "youth_service_logs",
            "youth_activities",
            "youth_social_workers",
            "youth_awards",
        ],
    )
    .await
    .map_err(fail("advancing id sequences"))?;

    // Last, from the rows just written: the per-region figures `Region.youth` reads.
    let stage = progress.stage("youth: region figures", 1);
    quntuan_youth_migration::fill_region_figures(db)
        .await
        .map_err(fail("summing the per-region figures"))?;
    stage.inc(1);
    stage.finish();
    Ok(())
}

/// Drops the secondary indexes of `tables` on SQLite and returns their definitions, to
/// be rebuilt by [`restore_indexes`] after a bulk load (inside the same transaction, so a
/// failed seed leaves them in place). Elsewhere it does nothing.
async fn suspend_indexes(db: &DatabaseTransaction, tables: &[&str]) -> Result<Vec<String>, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(Vec::new());
    }
    let mut definitions = Vec::new();
    for table in tables {
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(
                DbBackend::Sqlite,
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                [Value::from(table.to_string())],
            ))
            .await?;
        for row in rows {
            let name: String = row.try_get("", "name")?;
            definitions.push(row.try_get::<String>("", "sql")?);
            db.execute_unprepared(&format!("DROP INDEX \"{name}\""))
                .await?;
        }
    }
    Ok(definitions)
}

async fn restore_indexes(db: &DatabaseTransaction, definitions: Vec<String>) -> Result<(), DbErr> {
    for sql in definitions {
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}
