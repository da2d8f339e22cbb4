//! Deterministic seed data. Organisations, accessibility services and awards come from the
//! kit's directory generators (so hub lists the same ids, names and regions); workers and
//! the registry from this subgraph's own streams. Every table is written with the kit's
//! batched multi-row inserts, one transaction per table.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::names::{id_number, person_name, phone_number};
use quntuan_kit::reexports::sea_orm::{DatabaseConnection, DbErr};
use quntuan_kit::seed::{advance_id_sequences, date, insert_awards, insert_located, with_region};
use quntuan_kit::{KitError, Progress, RegionRef, RegionTree, Rng, Scale};

use crate::service::lists::DisabilityCategory;

/// Seeds a migrated, empty disability database.
pub(crate) async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    let fail = |context: &str| {
        let context = context.to_string();
        move |source: DbErr| KitError::Seed {
            subgraph: "disability",
            context,
            source,
        }
    };
    let units: Vec<(i64, RegionRef)> = catalog::disability_organizations(scale)
        .map(|u| (i64::from(u.seq), u.region))
        .collect();
    let total = units.len();
    insert_located(
        db,
        progress,
        "disability",
        "disability_organizations",
        &["id", "name", "kind", "member_count", "founded_on"],
        total,
        catalog::disability_organizations(scale).map(|u| {
            with_region(
                vec![
                    i64::from(u.seq).into(),
                    u.name.into(),
                    u.kind.into(),
                    (u.member_count as i32).into(),
                    u.founded_on.into(),
                ],
                &u.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting organisations"))?;

    let workers = workers(scale, &units);
    insert_located(
        db,
        progress,
        "disability",
        "disability_workers",
        &[
            "id",
            "name",
            "id_number",
            "phone",
            "role",
            "organization_id",
            "service_center_id",
            "hired_on",
        ],
        workers.len(),
        workers.into_iter().map(|w| {
            with_region(
                vec![
                    w.id.into(),
                    w.name.into(),
                    w.id_number.into(),
                    w.phone.into(),
                    w.role.into(),
                    w.organization_id.into(),
                    w.service_center_id.into(),
                    w.hired_on.into(),
                ],
                &w.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting workers"))?;

    let mut by_community: HashMap<String, Vec<i64>> = HashMap::new();
    let mut by_district: HashMap<String, Vec<i64>> = HashMap::new();
    for (id, region) in &units {
        by_community
            .entry(region.region_code.clone())
            .or_default()
            .push(*id);
        by_district
            .entry(region.district_code.clone())
            .or_default()
            .push(*id);
    }
    let persons_total = scale.count(150, 120_000) as usize;
    insert_located(
        db,
        progress,
        "disability",
        "disability_persons",
        &[
            "id",
            "name",
            "id_number",
            "phone",
            "category",
            "grade",
            "organization_id",
            "registered_on",
        ],
        persons_total,
        persons(scale, by_community).map(|p| {
            with_region(
                vec![
                    p.id.into(),
                    p.name.into(),
                    p.id_number.into(),
                    p.phone.into(),
                    p.category.as_str().into(),
                    p.grade.into(),
                    p.organization_id.into(),
                    p.registered_on.into(),
                ],
                &p.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting the registry"))?;

    let mut links = Rng::for_stream("disability.services.links");
    let total = catalog::disability_activities(scale).count();
    insert_located(
        db,
        progress,
        "disability",
        "disability_services",
        &[
            "id",
            "title",
            "kind",
            "held_on",
            "participant_count",
            "organization_id",
            "service_center_id",
        ],
        total,
        catalog::disability_activities(scale).map(move |a| {
            let roll = links.below(10);
            // Four in ten run by an organisation of the same district (when there is one),
            // three in ten at the street's shared centre.
            let organization: Option<i64> = match by_district.get(&a.region.district_code) {
                Some(ids) if roll < 4 => links.pick(ids).copied(),
                _ => None,
            };
            let center: Option<String> = links
                .chance(0.3)
                .then(|| street_center_id(&a.region.street_code));
            with_region(
                vec![
                    i64::from(a.seq).into(),
                    a.title.into(),
                    a.kind.into(),
                    a.held_on.into(),
                    (a.participant_count as i32).into(),
                    organization.into(),
                    center.into(),
                ],
                &a.region,
            )
        }),
    )
    .await
    .map_err(fail("inserting accessibility services"))?;

    insert_awards(
        db,
        progress,
        "disability",
        "disability_awards",
        catalog::disability_awards(scale),
    )
    .await
    .map_err(fail("inserting awards"))?;

    advance_id_sequences(
        db,
        &[
            "disability_organizations",
            "disability_workers",
            "disability_persons",
            "disability_services",
            "disability_awards",
        ],
    )
    .await
    .map_err(fail("advancing id sequences"))?;
    // The per-region summary `Region.disability` reads, from the rows written.
    crate::service::figures::SUMMARY
        .fill(db)
        .await
        .map_err(fail("filling the per-region figures"))
}

struct WorkerSeed {
    id: i64,
    name: String,
    id_number: String,
    phone: String,
    role: &'static str,
    organization_id: Option<i64>,
    service_center_id: Option<String>,
    hired_on: NaiveDate,
    region: RegionRef,
}

/// Disability workers: 3,205 at full scale, 30 at demo scale. Eight in ten serve a
/// grassroots organisation (and work in its community); four in ten are full-time.
fn workers(scale: Scale, units: &[(i64, RegionRef)]) -> Vec<WorkerSeed> {
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("disability.workers");
    (1..=i64::from(scale.count(30, 3_205)))
        .map(|id| {
            let unit = if rng.chance(0.8) {
                rng.pick(units)
            } else {
                None
            };
            let region = match unit {
                Some((_, region)) => region.clone(),
                None => tree.pick_street(&mut rng).1,
            };
            let birth = rng.date_between(date(1965, 1, 1), date(2000, 12, 31));
            WorkerSeed {
                id,
                name: person_name(&mut rng),
                id_number: id_number(&mut rng, &region.district_code, birth),
                phone: phone_number(&mut rng),
                role: if rng.chance(0.4) { "专职" } else { "兼职" },
                organization_id: unit.map(|(id, _)| *id),
                service_center_id: rng
                    .chance(0.5)
                    .then(|| street_center_id(&region.street_code)),
                hired_on: rng.date_between(date(2010, 1, 1), date(2025, 6, 30)),
                region,
            }
        })
        .collect()
}

struct PersonSeed {
    id: i64,
    name: String,
    id_number: String,
    phone: String,
    category: DisabilityCategory,
    grade: i16,
    organization_id: Option<i64>,
    registered_on: NaiveDate,
    region: RegionRef,
}

/// Rough shares of the categories in a city registry (physical disability most common).
const CATEGORY_WEIGHTS: [(DisabilityCategory, u64); 7] = [
    (DisabilityCategory::Physical, 40),
    (DisabilityCategory::Hearing, 15),
    (DisabilityCategory::Mental, 14),
    (DisabilityCategory::Visual, 12),
    (DisabilityCategory::Intellectual, 10),
    (DisabilityCategory::Multiple, 7),
    (DisabilityCategory::Speech, 2),
];

/// The registry: 120,000 people at full scale (DOMAIN.md gives no figure; assumed), 150
/// at demo scale. People attach to their community's organisation when it has one; ID
/// numbers are unique.
fn persons(
    scale: Scale,
    by_community: HashMap<String, Vec<i64>>,
) -> impl Iterator<Item = PersonSeed> {
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("disability.persons");
    let mut seen: HashSet<String> = HashSet::new();
    (1..=i64::from(scale.count(150, 120_000))).map(move |id| {
        let (_, region) = tree.pick_community(&mut rng);
        let organization_id = match by_community.get(&region.region_code) {
            Some(ids) if rng.chance(0.8) => rng.pick(ids).copied(),
            _ => None,
        };
        let mut roll = rng.below(100);
        let mut category = DisabilityCategory::Physical;
        for (candidate, weight) in CATEGORY_WEIGHTS {
            if roll < weight {
                category = candidate;
                break;
            }
            roll -= weight;
        }
        let grade = match rng.below(10) {
            0 => 1,
            1..=2 => 2,
            3..=5 => 3,
            _ => 4,
        };
        let birth = rng.date_between(date(1940, 1, 1), date(2015, 12, 31));
        let name = person_name(&mut rng);
        let mut number = id_number(&mut rng, &region.district_code, birth);
        while !seen.insert(number.clone()) {
            number = id_number(&mut rng, &region.district_code, birth);
        }
        PersonSeed {
            id,
            name,
            id_number: number,
            phone: phone_number(&mut rng),
            category,
            grade,
            organization_id,
            registered_on: rng.date_between(date(2008, 1, 1), date(2025, 6, 30)),
            region,
        }
    })
}
