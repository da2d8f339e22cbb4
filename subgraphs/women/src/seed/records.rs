//! Women's and children's homes, supported social organisations and officers.

use quntuan_kit::catalog::street_center_id;
use quntuan_kit::seed::{Seeded, date};
use quntuan_kit::{Progress, RegionTree, Rng, Scale, names};
use sea_orm::{ActiveEnum, DatabaseConnection, DbErr, Iterable};

use super::Counts;
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
    let owners = owners(organizations, counts.womens_homes, &mut rng);
    let homes: Vec<Seeded> = owners
        .iter()
        .enumerate()
        .map(|(n, owner)| Seeded {
            id: format!("women-home-{:06}", n + 1),
            name: format!("{}妇女之家", place_of(&owner.name)),
            region: owner.region.clone(),
        })
        .collect();
    let organization_ids: Vec<String> = owners.iter().map(|owner| owner.id.clone()).collect();
    quntuan_kit::insert_located! {
        db, progress, "women", "womens_home", homes.len(),
        for (home, organization_id) in homes.clone().into_iter().zip(organization_ids) =>
            let center = rng.chance(0.35).then(|| street_center_id(&home.region.street_code));
            region home.region, {
            id: home.id,
            name: home.name,
            organization_id: organization_id,
            area_sqm: rng.range(40, 400) as i32,
            opened_on: rng.date_between(date(2012, 1, 1), date(2024, 12, 31)),
            service_center_id: center,
        }
    }
    .await?;
    Ok(homes)
}

pub(crate) async fn seed_childrens_homes(
    db: &DatabaseConnection,
    organizations: &[Seeded],
    counts: Counts,
    progress: &Progress,
) -> Result<(), DbErr> {
    let mut rng = Rng::for_stream("women.childrens_homes");
    let owners = owners(organizations, counts.childrens_homes, &mut rng);
    quntuan_kit::insert_located! {
        db, progress, "women", "childrens_home", owners.len(),
        // Owned rows to map over (see rust-lang/rust#102211).
        for (n, owner) in owners.into_iter().cloned().enumerate() =>
            let center = rng.chance(0.3).then(|| street_center_id(&owner.region.street_code));
            region owner.region, {
            id: format!("women-child-home-{:06}", n + 1),
            name: format!("{}儿童之家", place_of(&owner.name)),
            organization_id: owner.id.clone(),
            capacity: rng.range(20, 120) as i32,
            opened_on: rng.date_between(date(2014, 1, 1), date(2024, 12, 31)),
            service_center_id: center,
        }
    }
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
    quntuan_kit::insert_located! {
        db, progress, "women", "women_social_organization", counts.social_organizations as usize,
        for n in 1..=counts.social_organizations =>
            let (_, region) = tree.pick_street(&mut rng);
            let district = tree.region(&region.district_code).map(|r| r.name.as_str()).unwrap_or("");
            let field = rng.pick(&fields).copied().unwrap_or(WomenSocialOrganizationField::FamilyService);
            let word = rng.pick(&WORDS).copied().unwrap_or("同心");
            region region, {
            id: format!("women-sorg-{n:04}"),
            name: format!("{district}{word}{}", field_label(field)),
            field: field.to_value(),
            supported_since: rng.date_between(date(2015, 1, 1), date(2024, 12, 31)),
            funding_yuan: rng.range(20, 500) * 1_000,
        }
    }
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
    // Owned rows to map over (see rust-lang/rust#102211).
    let seats: Vec<(WomenOfficerRole, Seeded)> = seats
        .into_iter()
        .map(|(role, o)| (role, o.clone()))
        .collect();
    quntuan_kit::insert_located! {
        db, progress, "women", "women_officer", seats.len(),
        for (n, (role, organization)) in seats.into_iter().enumerate() =>
            let birth = rng.date_between(date(1960, 1, 1), date(2000, 12, 31));
            let term = [date(2016, 6, 1), date(2021, 6, 1)];
            region organization.region, {
            id: format!("women-officer-{:06}", n + 1),
            organization_id: organization.id.clone(),
            role: role.to_value(),
            name: names::person_name(&mut rng),
            id_number: names::id_number(&mut rng, &organization.region.district_code, birth),
            phone: names::phone_number(&mut rng),
            term_started_on: rng.pick(&term).copied().unwrap_or(term[1]),
        }
    }
    .await?;
    Ok(())
}
