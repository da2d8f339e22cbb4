//! Labour-dispute cases and the steps that brought each to its current status.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Utc};
use quntuan_kit::catalog::{district_center_id, street_center_id};
use quntuan_kit::rows::group_by_key;
use quntuan_kit::seed::{date, insert_located, with_region};
use quntuan_kit::{Progress, RegionTree, Rng, Scale, bulk_insert, names};
use sea_orm::{ActiveEnum, DatabaseTransaction, DbErr, Value};

use super::Counts;
use crate::model::enums::LaborDisputeCategory;
use crate::model::status::LaborDisputeStatus;
use crate::service::workflow::{DISPUTE_ID_PREFIX, case_number};
use quntuan_kit::seed::Seeded;

/// Who recorded the seeded steps.
const SEED_AUTHOR: &str = "seed";

fn category_label(category: LaborDisputeCategory) -> &'static str {
    match category {
        LaborDisputeCategory::WageArrears => "拖欠工资",
        LaborDisputeCategory::LaborContract => "劳动合同",
        LaborDisputeCategory::SocialInsurance => "社会保险",
        LaborDisputeCategory::WorkInjury => "工伤待遇",
        LaborDisputeCategory::Dismissal => "解除劳动关系",
        LaborDisputeCategory::WorkingHours => "加班工时",
    }
}

fn step_note(to: LaborDisputeStatus) -> &'static str {
    match to {
        LaborDisputeStatus::Received => "案件受理，登记申请人诉求",
        LaborDisputeStatus::Mediating => "启动调解，通知用人单位到场",
        LaborDisputeStatus::Resolved => "调解成功，双方签订调解协议",
        LaborDisputeStatus::ReferredToArbitration => "调解未达成一致，引导申请劳动仲裁",
        LaborDisputeStatus::Withdrawn => "申请人撤回调解申请",
    }
}

/// The path from receipt to a final or current status.
fn path_to(rng: &mut Rng) -> Vec<LaborDisputeStatus> {
    use LaborDisputeStatus::*;
    match rng.below(100) {
        0..68 => vec![Received, Mediating, Resolved],
        68..80 => vec![Received, Mediating, ReferredToArbitration],
        80..84 => vec![Received, Withdrawn],
        84..88 => vec![Received, Mediating, Withdrawn],
        88..95 => vec![Received, Mediating],
        _ => vec![Received],
    }
}

fn at_nine(day: NaiveDate) -> DateTime<Utc> {
    // 09:00 Beijing time is 01:00 UTC.
    day.and_hms_opt(1, 0, 0).unwrap_or_default().and_utc()
}

pub(crate) async fn seed_disputes(
    db: &DatabaseTransaction,
    scale: Scale,
    unions: &[Seeded],
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    use LaborDisputeCategory::*;
    const CATEGORIES: [LaborDisputeCategory; 10] = [
        WageArrears,
        WageArrears,
        WageArrears,
        WageArrears,
        LaborContract,
        LaborContract,
        SocialInsurance,
        WorkInjury,
        Dismissal,
        WorkingHours,
    ];
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("unions.labor_disputes");
    let by_district = group_by_key(unions.iter().collect(), |u: &&Seeded| {
        u.region.district_code.clone()
    });
    let mut cases = Vec::new();
    let mut steps = Vec::new();
    for seq in 1..=counts.disputes {
        let id = format!("{DISPUTE_ID_PREFIX}{seq:06}");
        let (_, region) = tree.pick_community(&mut rng);
        let category = rng.pick(&CATEGORIES).copied().unwrap_or(WageArrears);
        let received_on = rng.date_between(date(2021, 1, 1), date(2025, 6, 30));
        let local = by_district
            .get(region.district_code.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let involved = rng.chance(0.6);
        let union_id = rng.pick(local).filter(|_| involved).map(|u| u.id.clone());
        let center = if rng.chance(0.75) {
            street_center_id(&region.street_code)
        } else {
            district_center_id(&region.district_code)
        };
        let employer = names::company_name(&mut rng);
        let birth = rng.date_between(date(1965, 1, 1), date(2004, 12, 31));
        let path = path_to(&mut rng);
        let mut day = received_on;
        let mut updated_at = at_nine(received_on);
        for (n, status) in path.iter().enumerate() {
            if n > 0 {
                day = day + Days::new(rng.range(1, 30) as u64);
            }
            updated_at = at_nine(day) + TimeDelta::minutes(rng.range(0, 480));
            steps.push(vec![
                Value::from(id.clone()),
                Value::from(n as i32 + 1),
                Value::from(
                    n.checked_sub(1)
                        .and_then(|p| path.get(p))
                        .map(|s| s.to_value()),
                ),
                Value::from(status.to_value()),
                Value::from(step_note(*status)),
                Value::from(SEED_AUTHOR),
                Value::from(updated_at),
            ]);
        }
        let status = path.last().copied().unwrap_or(LaborDisputeStatus::Received);
        let worker_count = if rng.chance(0.85) {
            1
        } else {
            rng.range(2, 40) as i32
        };
        let row: Vec<Value> = vec![
            id.clone().into(),
            case_number(received_on.year(), u64::from(seq)).into(),
            format!("{employer}{}纠纷", category_label(category)).into(),
            category.to_value().into(),
            worker_count.into(),
            (rng.range(20, 5_000) * 100 * i64::from(worker_count)).into(),
            status.to_value().into(),
            received_on.into(),
            updated_at.into(),
            names::person_name(&mut rng).into(),
            names::phone_number(&mut rng).into(),
            names::id_number(&mut rng, &region.district_code, birth).into(),
            union_id.into(),
            Some(center).into(),
        ];
        cases.push(with_region(row, &region));
    }
    let columns = [
        "id",
        "case_number",
        "title",
        "category",
        "worker_count",
        "amount_claimed_yuan",
        "status",
        "received_on",
        "updated_at",
        "claimant_name",
        "claimant_phone",
        "claimant_id_number",
        "union_id",
        "service_center_id",
    ];
    insert_located(
        db,
        progress,
        "unions",
        "labor_dispute",
        &columns,
        cases.len(),
        cases,
    )
    .await?;
    let step_stage = progress.stage("unions: dispute steps", steps.len() as u64);
    let step_columns = [
        "dispute_id",
        "seq",
        "from_status",
        "to_status",
        "note",
        "recorded_by",
        "recorded_at",
    ];
    bulk_insert(db, "labor_dispute_step", &step_columns, steps, &step_stage).await?;
    step_stage.finish();
    Ok(())
}
