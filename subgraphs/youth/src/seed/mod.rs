//! Deterministic seed data. Branches, activities and awards come from the kit's directory
//! generators (so hub lists the same ids, names and regions); homes, volunteers, service
//! logs and social workers from this subgraph's own streams. Every table is written with
//! the kit's batched multi-row inserts, all in one transaction, which ends by filling the
//! per-region figures summary from the rows written.

mod generate;

use generate::{
    HomeSeed, LogSeed, VolunteerSeed, WorkerSeed, homes, service_logs, social_workers, volunteers,
};

use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::reexports::sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, Statement,
    TransactionTrait, Value,
};
use quntuan_kit::seed::{
    advance_id_sequences, ids_by_region, insert_activities, insert_awards, seed_failed,
};
use quntuan_kit::{KitError, Progress, RegionRef, Rng, Scale};

/// SQLite page cache for the seed connection (in KiB, as a negative `cache_size`): the
/// secondary indexes of 733,000 volunteers outgrow the 2 MiB default, and index pages
/// evicted and re-read dominate the load time.
const SEED_CACHE_KIB: i64 = 256 * 1024;

fn fail(context: &str) -> impl FnOnce(DbErr) -> KitError + use<> {
    seed_failed("youth", context)
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
    quntuan_kit::insert_located! {
        db, progress, "youth", "youth_branches", branch_regions.len(),
        for b in catalog::youth_branches(scale) => region b.region, {
            id: i64::from(b.seq),
            name: b.name,
            kind: b.kind,
            member_count: b.member_count as i32,
            founded_on: b.founded_on,
        }
    }
    .await
    .map_err(fail("inserting league branches"))?;

    let homes = homes(scale);
    let homes_by_district =
        ids_by_region(homes.iter().map(|h| (h.region.district_code.clone(), h.id)));
    HomeSeed::insert(db, progress, homes.len(), homes)
        .await
        .map_err(fail("inserting youth homes"))?;

    // Building the big tables' secondary indexes once after the load is much cheaper than
    // maintaining them row by row.
    let suspended = suspend_indexes(db, &["youth_volunteers", "youth_service_logs"])
        .await
        .map_err(fail("suspending secondary indexes"))?;
    let volunteer_total = scale.count(200, 733_000) as usize;
    VolunteerSeed::insert(
        db,
        progress,
        volunteer_total,
        volunteers(scale, &branch_regions),
    )
    .await
    .map_err(fail("inserting volunteers"))?;

    // The logs follow the volunteers they belong to: regenerate the (deterministic)
    // volunteer stream rather than keep 733,000 volunteers in memory.
    let log_estimate = match scale {
        Scale::Demo => volunteer_total * 3 / 2,
        Scale::Full => volunteer_total / 2,
    };
    let logs = service_logs(scale, volunteers(scale, &branch_regions));
    LogSeed::insert(db, progress, log_estimate, logs)
        .await
        .map_err(fail("inserting service logs"))?;
    restore_indexes(db, suspended)
        .await
        .map_err(fail("rebuilding secondary indexes"))?;

    let mut links = Rng::for_stream("youth.activities.links");
    insert_activities(
        db,
        progress,
        "youth",
        ("youth_activities", "youth_home_id"),
        catalog::youth_activities(scale),
        |a| {
            // A third at a youth home of the same district (when it has one), a fifth at
            // the street's shared centre.
            let roll = links.below(10);
            let home = match homes_by_district.get(&a.region.district_code) {
                Some(ids) if roll < 3 => links.pick(ids).copied(),
                _ => None,
            };
            let center = (3..5)
                .contains(&roll)
                .then(|| street_center_id(&a.region.street_code));
            (home, center)
        },
    )
    .await
    .map_err(fail("inserting activities"))?;

    let workers = social_workers(scale);
    WorkerSeed::insert(db, progress, workers.len(), workers)
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
    crate::service::summary::SUMMARY
        .fill(db)
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
