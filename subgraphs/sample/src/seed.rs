//! Deterministic seed data: units spread over the region tree from an independent stream,
//! written with the kit's batched inserts, then the summary filled from them.

use quntuan_kit::reexports::sea_orm::DatabaseConnection;
use quntuan_kit::seed::{advance_id_sequences, date, seed_failed};
use quntuan_kit::{KitError, Progress, RegionTree, Rng, Scale};

const KINDS: [&str; 2] = ["社区组织", "企业组织"];

/// Seeds a migrated, empty sample database: 40 units at demo scale, 2,000 at full.
pub(crate) async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    let fail = |context: &str| seed_failed("sample", context);
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("sample.units");
    let total = scale.count(40, 2_000);
    quntuan_kit::insert_located! {
        db, progress, "sample", "sample_units", total as usize,
        for id in 1..=i64::from(total) =>
            let (community, region) = tree.pick_community(&mut rng);
            let kind = rng.pick(&KINDS).copied().unwrap_or(KINDS[0]);
            region region, {
            id: id,
            name: format!("{}{kind}", community.name),
            kind: kind,
            member_count: rng.range(10, 400) as i32,
            founded_on: rng.date_between(date(2000, 1, 1), date(2025, 6, 30)),
        }
    }
    .await
    .map_err(fail("inserting units"))?;
    advance_id_sequences(db, &["sample_units"])
        .await
        .map_err(fail("advancing id sequences"))?;
    crate::service::SUMMARY
        .fill(db)
        .await
        .map_err(fail("filling the per-region figures"))
}
