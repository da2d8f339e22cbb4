//! Deterministic seed of the hub database for `Scale::Demo` and `Scale::Full`: the region
//! tree, the service centres, joint meetings and projects, satisfaction ratings, and the
//! shared directory (from the kit catalog, so it equals the organisations' own rows).

mod coordination;
mod directory;
mod ratings;

use quntuan_kit::seed::{insert_located, seed_failed, with_region};
use quntuan_kit::{KitError, Progress, RegionTree, Scale, bulk_insert, catalog};
use sea_orm::{DatabaseConnection, DbErr, Value};

pub(crate) const SUBGRAPH: &str = "hub";

/// Seeds a migrated, empty hub database.
pub async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    seed_regions(db, scale, progress)
        .await
        .map_err(seed_failed(SUBGRAPH, "writing regions"))?;
    let centers = catalog::service_centers(scale);
    let ratings = ratings::generate(scale, &centers);
    seed_centers(db, &centers, &ratings, progress)
        .await
        .map_err(seed_failed(SUBGRAPH, "writing service centres"))?;
    ratings::insert(db, &ratings, progress)
        .await
        .map_err(seed_failed(SUBGRAPH, "writing satisfaction ratings"))?;
    coordination::seed_meetings(db, scale, progress)
        .await
        .map_err(seed_failed(SUBGRAPH, "writing joint meetings"))?;
    coordination::seed_projects(db, scale, progress)
        .await
        .map_err(seed_failed(SUBGRAPH, "writing joint projects"))?;
    directory::seed(db, scale, progress)
        .await
        .map_err(seed_failed(SUBGRAPH, "writing the directory"))?;
    Ok(())
}

async fn seed_regions(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let tree = RegionTree::get(scale);
    let stage = progress.stage("hub: regions", tree.all().len() as u64);
    // Parents come before children in `all()`, so the self-referencing key holds.
    let rows: Rows<'_> = Box::new(tree.all().iter().map(|r| {
        vec![
            Value::from(r.code.clone()),
            r.name.clone().into(),
            r.level.as_str().into(),
            r.parent_code.clone().into(),
        ]
    }));
    bulk_insert(
        db,
        "region",
        &["code", "name", "level", "parent_code"],
        rows,
        &stage,
    )
    .await?;
    stage.finish();
    Ok(())
}

async fn seed_centers(
    db: &DatabaseConnection,
    centers: &[catalog::ServiceCenterSkeleton],
    ratings: &[ratings::RatingRow],
    progress: &Progress,
) -> Result<(), DbErr> {
    let totals = ratings::totals_by_center(ratings);
    let rows: Rows<'_> = Box::new(centers.iter().map(|c| {
        let (count, sum) = totals.get(c.id.as_str()).copied().unwrap_or((0, 0));
        let row = vec![
            Value::from(c.id.clone()),
            c.name.clone().into(),
            c.kind.as_str().into(),
            c.opened_on.into(),
            count.into(),
            sum.into(),
        ];
        with_region(row, &c.region)
    }));
    let columns = [
        "id",
        "name",
        "kind",
        "opened_on",
        "rating_count",
        "rating_sum",
    ];
    insert_located(
        db,
        progress,
        SUBGRAPH,
        "service_center",
        &columns,
        centers.len(),
        rows,
    )
    .await?;
    Ok(())
}

/// Rows for `bulk_insert`, boxed: an iterator adapter over borrowed data with a closure
/// taking a reference trips rustc's higher-ranked `Send` check when the seed future is
/// boxed as `Send` (rust-lang/rust#102211); the trait object hides the closure type.
pub(crate) type Rows<'a> = Box<dyn Iterator<Item = Vec<Value>> + Send + 'a>;
