//! The deterministic seed of the unions tables, demo or full scale.
//!
//! Directory rows (grassroots unions, activities, awards) come unchanged from the kit's
//! catalog generators, so `hub`'s directory and these tables agree row by row. The other
//! records are generated from independent named PRNG streams over the shared region tree.

mod cases;
mod directory;
mod records;

use quntuan_kit::seed::write_data_set;
use quntuan_kit::{KitError, Progress, Scale};
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};

/// Every table the seed fills (the tests count their rows to show a refused write wrote
/// nothing).
pub const TABLES: [&str; 9] = [
    "grassroots_union",
    "workers_home",
    "labor_dispute",
    "labor_dispute_step",
    "labor_award",
    "union_social_worker",
    "craftsman",
    "labor_social_organization",
    "union_activity",
];

/// How many of each non-directory record a scale has. Figures from DOMAIN.md where it
/// gives one; craftsmen and ordinary workers' homes are assumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    /// All workers' homes, model ones included.
    pub workers_homes: u32,
    /// Model workers' homes at national, provincial and city level.
    pub model_homes: [u32; 3],
    pub disputes: u32,
    pub social_workers: u32,
    pub craftsmen: u32,
    pub labor_social_organizations: u32,
}

impl Counts {
    pub fn of(scale: Scale) -> Counts {
        match scale {
            Scale::Demo => Counts {
                workers_homes: 24,
                model_homes: [1, 3, 6],
                disputes: 40,
                social_workers: 12,
                craftsmen: 8,
                labor_social_organizations: 6,
            },
            Scale::Full => Counts {
                workers_homes: 4_800,
                // 1,647 model workers' homes (DOMAIN.md).
                model_homes: [45, 312, 1_290],
                disputes: 7_859,
                social_workers: 485,
                craftsmen: 300,
                labor_social_organizations: 72,
            },
        }
    }
}

/// Fills a migrated, empty unions database in one transaction, the per-region figures
/// summary last (set-based, from the rows just written), so a failed seed leaves nothing.
pub async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    write_data_set("unions", scale, async {
        let txn = db.begin().await?;
        seed_tables(&txn, scale, progress).await?;
        crate::service::figures::SUMMARY.fill(&txn).await?;
        txn.commit().await
    })
    .await
}

async fn seed_tables(
    db: &DatabaseTransaction,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let counts = Counts::of(scale);
    let unions = directory::seed_unions(db, scale, progress).await?;
    directory::seed_activities(db, scale, progress).await?;
    directory::seed_awards(db, scale, progress).await?;
    records::seed_homes(db, &unions, counts, progress).await?;
    records::seed_social_workers(db, scale, &unions, counts, progress).await?;
    records::seed_craftsmen(db, scale, counts, progress).await?;
    records::seed_labor_organizations(db, scale, counts, progress).await?;
    cases::seed_disputes(db, scale, &unions, counts, progress).await?;
    Ok(())
}
