//! Rights-assistance records on `unions`' labour-dispute cases.

use chrono::{Days, TimeDelta};
use quntuan_kit::seed::{Seeded, date, insert_located, with_region};
use quntuan_kit::{Progress, Rng};
use sea_orm::{ActiveEnum, DatabaseConnection, DbErr, Iterable, Value};

use super::Counts;
use crate::model::enums::RightsAssistanceKind;
use crate::service::assistance::{ASSISTANCE_ID_PREFIX, DISPUTE_ID_PREFIX};

fn note(kind: RightsAssistanceKind) -> &'static str {
    match kind {
        RightsAssistanceKind::LegalAid => "联系公益律师，为当事女职工提供法律咨询",
        RightsAssistanceKind::PsychologicalCounselling => "安排心理咨询师开展情绪疏导",
        RightsAssistanceKind::MediationAccompaniment => "妇联干部陪同当事人参加调解",
        RightsAssistanceKind::HardshipRelief => "为困难女职工家庭申请临时帮扶金",
    }
}

/// Distinct cases, each assisted once by a random organisation; a quarter get a second,
/// different kind of assistance a little later.
pub(crate) async fn seed_assistance(
    db: &DatabaseConnection,
    organizations: &[Seeded],
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    let mut rng = Rng::for_stream("women.rights_assistance");
    let mut cases: Vec<u32> = (1..=counts.unions_disputes).collect();
    rng.shuffle(&mut cases);
    cases.truncate(counts.assisted_disputes as usize);
    cases.sort_unstable();
    let kinds: Vec<RightsAssistanceKind> = RightsAssistanceKind::iter().collect();
    let mut rows = Vec::new();
    for case in cases {
        let dispute_id = format!("{DISPUTE_ID_PREFIX}{case:06}");
        let Some(organization) = rng.pick(organizations) else {
            break;
        };
        let mut day = rng.date_between(date(2021, 1, 1), date(2025, 6, 30));
        let first = rng.index(kinds.len());
        let visits = if rng.chance(0.25) { 2 } else { 1 };
        for visit in 0..visits {
            let kind = kinds[(first + visit) % kinds.len()];
            if visit > 0 {
                day = day + Days::new(rng.range(3, 20) as u64);
            }
            let recorded_at = day.and_hms_opt(2, 0, 0).unwrap_or_default().and_utc()
                + TimeDelta::minutes(rng.range(0, 360));
            let row: Vec<Value> = vec![
                format!("{ASSISTANCE_ID_PREFIX}{:06}", rows.len() + 1).into(),
                dispute_id.clone().into(),
                organization.id.clone().into(),
                kind.to_value().into(),
                note(kind).into(),
                day.into(),
                "seed".into(),
                recorded_at.into(),
            ];
            rows.push(with_region(row, &organization.region));
        }
    }
    let columns = [
        "id",
        "dispute_id",
        "organization_id",
        "kind",
        "note",
        "assisted_on",
        "recorded_by",
        "recorded_at",
    ];
    insert_located(
        db,
        progress,
        "women",
        "rights_assistance",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(())
}
