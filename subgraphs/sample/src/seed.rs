//! Deterministic seed data: units spread over the region tree from an independent stream,
//! written with the kit's batched inserts, then the summary filled from them.

use quntuan_kit::reexports::sea_orm::{DatabaseConnection, DbErr};
use quntuan_kit::seed::{advance_id_sequences, date, insert_located, with_region};
use quntuan_kit::{KitError, Progress, RegionTree, Rng, Scale};

const KINDS: [&str; 2] = ["社区组织", "企业组织"];

/// Seeds a migrated, empty sample database: 40 units at demo scale, 2,000 at full.
pub(crate) async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    let fail = |context: &'static str| {
        move |source: DbErr| KitError::Seed {
            subgraph: "sample",
            context: context.to_string(),
            source,
        }
    };
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("sample.units");
    let total = scale.count(40, 2_000);
    let rows: Vec<_> = (1..=i64::from(total))
        .map(|id| {
            let (community, region) = tree.pick_community(&mut rng);
            let kind = rng.pick(&KINDS).copied().unwrap_or(KINDS[0]);
            let row = vec![
                id.into(),
                format!("{}{kind}", community.name).into(),
                kind.into(),
                (rng.range(10, 400) as i32).into(),
                rng.date_between(date(2000, 1, 1), date(2025, 6, 30)).into(),
            ];
            with_region(row, &region)
        })
        .collect();
    let columns = ["id", "name", "kind", "member_count", "founded_on"];
    insert_located(
        db,
        progress,
        "sample",
        "sample_units",
        &columns,
        rows.len(),
        rows,
    )
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
