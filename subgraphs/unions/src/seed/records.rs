//! Workers' homes, union social workers, craftsmen and labour-sector social organisations.

use quntuan_kit::catalog::{district_center_id, street_center_id};
use quntuan_kit::rows::group_by_key;
use quntuan_kit::seed::date;
use quntuan_kit::{Progress, RegionTree, Rng, Scale, names};
use sea_orm::{ActiveEnum, DatabaseTransaction, DbErr, Iterable};

use super::Counts;
use crate::model::enums::{
    CraftsmanLevel, LaborSocialOrganizationField, ModelHomeLevel, UnionSocialWorkerSpecialty,
};
use quntuan_kit::seed::Seeded;

/// Homes go to distinct unions (a union runs at most one home) and sit in the union's
/// community; exactly the configured number of model homes per level.
pub(crate) async fn seed_homes(
    db: &DatabaseTransaction,
    unions: &[Seeded],
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    let total = (counts.workers_homes as usize).min(unions.len());
    let mut rng = Rng::for_stream("unions.workers_homes");
    let mut owners: Vec<&Seeded> = unions.iter().collect();
    rng.shuffle(&mut owners);
    let [national, provincial, city] = counts.model_homes.map(|n| n as usize);
    let mut levels: Vec<Option<ModelHomeLevel>> =
        std::iter::repeat_n(Some(ModelHomeLevel::National), national)
            .chain(std::iter::repeat_n(
                Some(ModelHomeLevel::Provincial),
                provincial,
            ))
            .chain(std::iter::repeat_n(Some(ModelHomeLevel::City), city))
            .chain(std::iter::repeat(None))
            .take(total)
            .collect();
    rng.shuffle(&mut levels);
    quntuan_kit::insert_located! {
        db, progress, "unions", "workers_home", total,
        // Owned rows to map over (see rust-lang/rust#102211).
        for (n, (owner, level)) in owners.into_iter().cloned().zip(levels).enumerate() =>
            let base = owner.name.strip_suffix("工会").unwrap_or(&owner.name);
            let center = rng.chance(0.4).then(|| street_center_id(&owner.region.street_code));
            region owner.region, {
            id: format!("unions-home-{:06}", n + 1),
            name: format!("{base}职工之家"),
            union_id: owner.id.clone(),
            model_level: level.map(|l| l.to_value()),
            area_sqm: rng.range(60, 800) as i32,
            opened_on: rng.date_between(date(2010, 1, 1), date(2024, 12, 31)),
            service_center_id: center,
        }
    }
    .await?;
    Ok(())
}

/// Social workers are stationed at street centres and mostly assigned to a union of the
/// same street when there is one.
pub(crate) async fn seed_social_workers(
    db: &DatabaseTransaction,
    scale: Scale,
    unions: &[Seeded],
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("unions.social_workers");
    let specialties: Vec<UnionSocialWorkerSpecialty> = UnionSocialWorkerSpecialty::iter().collect();
    let by_street = group_by_key(unions.iter().collect(), |u: &&Seeded| {
        u.region.street_code.clone()
    });
    quntuan_kit::insert_located! {
        db, progress, "unions", "union_social_worker", counts.social_workers as usize,
        for n in 1..=counts.social_workers =>
            let (_, region) = tree.pick_community(&mut rng);
            let same_street = by_street.get(region.street_code.as_str()).map(Vec::as_slice);
            let assigned = rng.chance(0.8);
            let union_id = rng.pick(same_street.unwrap_or(&[])).filter(|_| assigned).map(|u| u.id.clone());
            let birth = rng.date_between(date(1970, 1, 1), date(2000, 12, 31));
            let specialty = rng.pick(&specialties).copied().unwrap_or(UnionSocialWorkerSpecialty::Organizing);
            let center = rng.chance(0.8).then(|| street_center_id(&region.street_code));
            region region, {
            id: format!("unions-worker-{n:06}"),
            name: names::person_name(&mut rng),
            id_number: names::id_number(&mut rng, &region.district_code, birth),
            phone: names::phone_number(&mut rng),
            specialty: specialty.to_value(),
            hired_on: rng.date_between(date(2018, 1, 1), date(2025, 6, 30)),
            union_id: union_id,
            service_center_id: center,
        }
    }
    .await?;
    Ok(())
}

const TRADES: [&str; 10] = [
    "数控加工",
    "电工",
    "焊工",
    "汽车维修",
    "川菜烹饪",
    "蜀绣",
    "竹编",
    "精密装配",
    "建筑施工",
    "软件开发",
];

pub(crate) async fn seed_craftsmen(
    db: &DatabaseTransaction,
    scale: Scale,
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("unions.craftsmen");
    quntuan_kit::insert_located! {
        db, progress, "unions", "craftsman", counts.craftsmen as usize,
        for n in 1..=counts.craftsmen =>
            let (_, region) = tree.pick_community(&mut rng);
            let level = if rng.chance(0.3) { CraftsmanLevel::City } else { CraftsmanLevel::District };
            region region, {
            id: format!("unions-craftsman-{n:06}"),
            name: names::person_name(&mut rng),
            phone: names::phone_number(&mut rng),
            trade: rng.pick(&TRADES).copied().unwrap_or("电工"),
            level: level.to_value(),
            employer: names::company_name(&mut rng),
            honoured_year: rng.range(2018, 2024) as i32,
        }
    }
    .await?;
    Ok(())
}

fn field_label(field: LaborSocialOrganizationField) -> &'static str {
    match field {
        LaborSocialOrganizationField::LegalAid => "职工法律援助服务中心",
        LaborSocialOrganizationField::SkillsTraining => "职业技能培训中心",
        LaborSocialOrganizationField::WorkerCare => "职工关爱服务社",
        LaborSocialOrganizationField::EmploymentService => "就业服务促进会",
    }
}

/// Labour-sector social organisations work at county level, half of them from the
/// district hub.
pub(crate) async fn seed_labor_organizations(
    db: &DatabaseTransaction,
    scale: Scale,
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    const WORDS: [&str; 8] = [
        "同心", "安心", "暖心", "匠心", "启航", "蓉漂", "和谐", "助力",
    ];
    let total = counts.labor_social_organizations;
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("unions.labor_social_organizations");
    let fields: Vec<LaborSocialOrganizationField> = LaborSocialOrganizationField::iter().collect();
    quntuan_kit::insert_located! {
        db, progress, "unions", "labor_social_organization", total as usize,
        for n in 1..=total =>
            let (_, region) = tree.pick_street(&mut rng);
            let district = tree.region(&region.district_code).map(|r| r.name.as_str()).unwrap_or("");
            let field = rng.pick(&fields).copied().unwrap_or(LaborSocialOrganizationField::LegalAid);
            let word = rng.pick(&WORDS).copied().unwrap_or("同心");
            let center = rng.chance(0.5).then(|| district_center_id(&region.district_code));
            region region, {
            id: format!("unions-lso-{n:04}"),
            name: format!("{district}{word}{}", field_label(field)),
            field: field.to_value(),
            registered_on: rng.date_between(date(2012, 1, 1), date(2024, 12, 31)),
            service_center_id: center,
        }
    }
    .await?;
    Ok(())
}
