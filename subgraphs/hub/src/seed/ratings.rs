//! Seeded satisfaction ratings, and the per-centre totals kept on `service_center`.

use std::collections::HashMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use quntuan_kit::catalog::{Org, ServiceCenterSkeleton};
use quntuan_kit::{Progress, Rng, Scale, bulk_insert};
use sea_orm::{DatabaseConnection, DbErr, Value};

pub(crate) struct RatingRow {
    pub(crate) center_id: String,
    pub(crate) organization: Option<&'static str>,
    pub(crate) score: i16,
    pub(crate) comment: Option<&'static str>,
    pub(crate) rated_at: DateTime<Utc>,
    pub(crate) rated_by: String,
}

const COMMENTS: [&str; 6] = [
    "服务热情，办事高效",
    "活动丰富，很有收获",
    "场地干净，设施齐全",
    "希望延长开放时间",
    "排队时间有点长",
    "工作人员耐心细致",
];

/// 60 ratings at demo scale, 20,000 at full scale.
pub(crate) fn generate(scale: Scale, centers: &[ServiceCenterSkeleton]) -> Vec<RatingRow> {
    let total = scale.count(60, 20_000);
    let mut rng = Rng::for_stream("hub.ratings");
    let start = Utc
        .with_ymd_and_hms(2024, 1, 1, 8, 0, 0)
        .single()
        .unwrap_or_default();
    (0..total)
        .filter_map(|n| {
            let center = rng.pick(centers)?;
            let score = match rng.below(100) {
                0..45 => 5,
                45..80 => 4,
                80..92 => 3,
                92..97 => 2,
                _ => 1,
            };
            let organization = if rng.chance(0.7) {
                rng.pick(&Org::ALL).map(|o| o.as_str())
            } else {
                None
            };
            let comment = if rng.chance(0.4) {
                rng.pick(&COMMENTS).copied()
            } else {
                None
            };
            let rated_at = start + Duration::minutes(rng.range(0, 2 * 365 * 24 * 60));
            Some(RatingRow {
                center_id: center.id.clone(),
                organization,
                score,
                comment,
                rated_at,
                rated_by: format!("resident-{:05}", n + 1),
            })
        })
        .collect()
}

/// `(count, sum of scores)` per centre id.
pub(crate) fn totals_by_center(ratings: &[RatingRow]) -> HashMap<&str, (i64, i64)> {
    let mut totals: HashMap<&str, (i64, i64)> = HashMap::new();
    for r in ratings {
        let entry = totals.entry(r.center_id.as_str()).or_default();
        entry.0 += 1;
        entry.1 += i64::from(r.score);
    }
    totals
}

pub(crate) async fn insert(
    db: &DatabaseConnection,
    ratings: &[RatingRow],
    progress: &Progress,
) -> Result<(), DbErr> {
    let stage = progress.stage("hub: satisfaction ratings", ratings.len() as u64);
    // No id column: the database numbers the rows (in insertion order), so the sequence
    // stays in step for ratings added later by `rateService`.
    let rows: super::Rows<'_> = Box::new(ratings.iter().map(|r| {
        vec![
            Value::from(r.center_id.clone()),
            r.organization.map(str::to_string).into(),
            r.score.into(),
            r.comment.map(str::to_string).into(),
            r.rated_at.into(),
            r.rated_by.clone().into(),
        ]
    }));
    bulk_insert(
        db,
        "satisfaction_rating",
        &[
            "service_center_id",
            "organization",
            "score",
            "comment",
            "rated_at",
            "rated_by",
        ],
        rows,
        &stage,
    )
    .await?;
    stage.finish();
    Ok(())
}
