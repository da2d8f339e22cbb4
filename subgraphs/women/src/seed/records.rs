//! Women's and children's homes, supported social organisations and officers.

use quntuan_kit::catalog::street_center_id;
use quntuan_kit::seed::{date, insert_located, with_region};
use quntuan_kit::{Progress, RegionTree, Rng, Scale, names};
use sea_orm::{ActiveEnum, DatabaseConnection, DbErr, Iterable, Value};

use super::{Counts, Seeded};
use crate::model::enums::{WomenOfficerRole, WomenSocialOrganizationField};

/// `政府妇女联合会` → `政府`: the place part of an organisation's name.
fn place_of(name: &str) -> &str {
    name.strip_suffix("妇女联合会")
        .or_else(|| name.strip_suffix("妇女委员会"))
        .unwrap_or(name)
}

/// `total` distinct organisations in a stream-specific order (cycling if there are fewer).
fn owners<'a>(organizations: &'a [Seeded], total: u32, rng: &mut Rng) -> Vec<&'a Seeded> {
    let mut order: Vec<&Seeded> = organizations.iter().collect();
    rng.shuffle(&mut order);
    order.iter().copied().cycle().take(total as usize).collect()
}

pub(crate) async fn seed_womens_homes(
    db: &DatabaseConnection,
    organizations: &[Seeded],
    counts: Counts,
    progress: &Progress,
) -> Result<Vec<Seeded>, DbErr> {
    let mut rng = Rng::for_stream("women.womens_homes");
    let mut seeded = Vec::new();
    let mut rows = Vec::new();
    for (n, owner) in owners(organizations, counts.womens_homes, &mut rng)
        .into_iter()
        .enumerate()
    {
        let id = format!("women-home-{:06}", n + 1);
        let name = format!("{}妇女之家", place_of(&owner.name));
        let center = rng
            .chance(0.35)
            .then(|| street_center_id(&owner.region.street_code));
        let row: Vec<Value> = vec![
            id.clone().into(),
            name.clone().into(),
            owner.id.clone().into(),
            (rng.range(40, 400) as i32).into(),
            rng.date_between(date(2012, 1, 1), date(2024, 12, 31))
                .into(),
            center.into(),
        ];
        rows.push(with_region(row, &owner.region));
        seeded.push(Seeded {
            id,
            name,
            region: owner.region.clone(),
        });
    }
    let columns = [
        "id",
        "name",
        "organization_id",
        "area_sqm",
        "opened_on",
        "service_center_id",
    ];
    insert_located(
        db,
        progress,
        "women",
        "womens_home",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(seeded)
}

pub(crate) async fn seed_childrens_homes(
    db: &DatabaseConnection,
    organizations: &[Seeded],
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    let mut rng = Rng::for_stream("women.childrens_homes");
    let mut rows = Vec::new();
    for (n, owner) in owners(organizations, counts.childrens_homes, &mut rng)
        .into_iter()
        .enumerate()
    {
        let center = rng
            .chance(0.3)
            .then(|| street_center_id(&owner.region.street_code));
        let row: Vec<Value> = vec![
            format!("women-child-home-{:06}", n + 1).into(),
            format!("{}儿童之家", place_of(&owner.name)).into(),
            owner.id.clone().into(),
            (rng.range(20, 120) as i32).into(),
            rng.date_between(date(2014, 1, 1), date(2024, 12, 31))
                .into(),
            center.into(),
        ];
        rows.push(with_region(row, &owner.region));
    }
    let columns = [
        "id",
        "name",
        "organization_id",
        "capacity",
        "opened_on",
        "service_center_id",
    ];
    insert_located(
        db,
        progress,
        "women",
        "childrens_home",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(())
}

fn field_label(field: WomenSocialOrganizationField) -> &'static str {
    match field {
        WomenSocialOrganizationField::FamilyService => "家庭服务中心",
        WomenSocialOrganizationField::ChildCare => "儿童关爱服务社",
        WomenSocialOrganizationField::LegalAid => "妇女维权服务站",
        WomenSocialOrganizationField::Employment => "巾帼就业创业促进会",
        WomenSocialOrganizationField::Health => "妇幼健康服务中心",
    }
}

pub(crate) async fn seed_social_organizations(
    db: &DatabaseConnection,
    scale: Scale,
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    const WORDS: [&str; 8] = [
        "馨悦",
        "花开",
        "同心",
        "暖阳",
        "向日葵",
        "巾帼",
        "蒲公英",
        "爱心",
    ];
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("women.social_organizations");
    let fields: Vec<WomenSocialOrganizationField> = WomenSocialOrganizationField::iter().collect();
    let mut rows = Vec::new();
    for n in 1..=counts.social_organizations {
        let (_, region) = tree.pick_street(&mut rng);
        let district = tree
            .region(&region.district_code)
            .map(|r| r.name.as_str())
            .unwrap_or("");
        let field = rng
            .pick(&fields)
            .copied()
            .unwrap_or(WomenSocialOrganizationField::FamilyService);
        let word = rng.pick(&WORDS).copied().unwrap_or("同心");
        let row: Vec<Value> = vec![
            format!("women-sorg-{n:04}").into(),
            format!("{district}{word}{}", field_label(field)).into(),
            field.to_value().into(),
            rng.date_between(date(2015, 1, 1), date(2024, 12, 31))
                .into(),
            (rng.range(20, 500) * 1_000).into(),
        ];
        rows.push(with_region(row, &region));
    }
    let columns = ["id", "name", "field", "supported_since", "funding_yuan"];
    insert_located(
        db,
        progress,
        "women",
        "women_social_organization",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(())
}

/// One chair per organisation, the other chairs' places as vice-chairs spread at random,
/// then the executive members; each officer sits in the region of their organisation.
pub(crate) async fn seed_officers(
    db: &DatabaseConnection,
    organizations: &[Seeded],
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    let chairs = organizations.len() as u32;
    let vice_chairs = counts.chairs_and_vice_chairs.saturating_sub(chairs);
    let mut rng = Rng::for_stream("women.officers");
    let mut seats: Vec<(WomenOfficerRole, &Seeded)> = organizations
        .iter()
        .map(|o| (WomenOfficerRole::Chair, o))
        .collect();
    for (role, count) in [
        (WomenOfficerRole::ViceChair, vice_chairs),
        (WomenOfficerRole::ExecutiveMember, counts.executive_members),
    ] {
        for _ in 0..count {
            if let Some(organization) = rng.pick(organizations) {
                seats.push((role, organization));
            }
        }
    }
    let mut rows = Vec::with_capacity(seats.len());
    for (n, (role, organization)) in seats.into_iter().enumerate() {
        let birth = rng.date_between(date(1960, 1, 1), date(2000, 12, 31));
        let term = [date(2016, 6, 1), date(2021, 6, 1)];
        let row: Vec<Value> = vec![
            format!("women-officer-{:06}", n + 1).into(),
            organization.id.clone().into(),
            role.to_value().into(),
            names::person_name(&mut rng).into(),
            names::id_number(&mut rng, &organization.region.district_code, birth).into(),
            names::phone_number(&mut rng).into(),
            rng.pick(&term).copied().unwrap_or(term[1]).into(),
        ];
        rows.push(with_region(row, &organization.region));
    }
    let columns = [
        "id",
        "organization_id",
        "role",
        "name",
        "id_number",
        "phone",
        "term_started_on",
    ];
    insert_located(
        db,
        progress,
        "women",
        "women_officer",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(())
}
