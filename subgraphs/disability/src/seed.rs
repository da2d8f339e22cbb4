//! Deterministic seed data. Organisations, accessibility services and awards come from the
//! kit's directory generators (so hub lists the same ids, names and regions); workers and
//! the registry from this subgraph's own streams. Every table is written with the kit's
//! batched multi-row inserts, one transaction per table.

use std::collections::HashMap;

use chrono::NaiveDate;
use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::names::{UniqueIdNumbers, id_number, person_name, phone_number};
use quntuan_kit::reexports::sea_orm::DatabaseConnection;
use quntuan_kit::seed::{
    advance_id_sequences, date, district_links, ids_by_region, insert_activities, insert_awards,
    seed_failed,
};
use quntuan_kit::{KitError, Progress, RegionRef, RegionTree, Rng, Scale};

use crate::service::lists::DisabilityCategory;

/// Seeds a migrated, empty disability database.
pub(crate) async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    let fail = |context: &str| seed_failed("disability", context);
    let units: Vec<(i64, RegionRef)> = catalog::disability_organizations(scale)
        .map(|u| (i64::from(u.seq), u.region))
        .collect();
    quntuan_kit::insert_located! {
        db, progress, "disability", "disability_organizations", units.len(),
        for u in catalog::disability_organizations(scale) => region u.region, {
            id: i64::from(u.seq),
            name: u.name,
            kind: u.kind,
            member_count: u.member_count as i32,
            founded_on: u.founded_on,
        }
    }
    .await
    .map_err(fail("inserting organisations"))?;

    let workers = workers(scale, &units);
    WorkerSeed::insert(db, progress, workers.len(), workers)
        .await
        .map_err(fail("inserting workers"))?;

    let by_community = ids_by_region(units.iter().map(|(id, r)| (r.region_code.clone(), *id)));
    let by_district = ids_by_region(units.iter().map(|(id, r)| (r.district_code.clone(), *id)));
    let total = scale.count(150, 120_000) as usize;
    PersonSeed::insert(db, progress, total, persons(scale, by_community))
        .await
        .map_err(fail("inserting the registry"))?;

    // Four in ten run by an organisation of the same district (when there is one), three
    // in ten at the street's shared centre.
    let links = district_links(
        Rng::for_stream("disability.services.links"),
        &by_district,
        4,
        0.3,
    );
    insert_activities(
        db,
        progress,
        "disability",
        ("disability_services", "organization_id"),
        catalog::disability_activities(scale),
        links,
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

quntuan_kit::seed_record! {
    struct WorkerSeed in "disability", "disability_workers" {
        id: i64,
        name: String,
        id_number: String,
        phone: String,
        role: &'static str,
        organization_id: Option<i64>,
        service_center_id: Option<String>,
        hired_on: NaiveDate,
    }
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

quntuan_kit::seed_record! {
    struct PersonSeed in "disability", "disability_persons" {
        id: i64,
        name: String,
        id_number: String,
        phone: String,
        /// As stored ([`DisabilityCategory::as_str`]).
        category: &'static str,
        grade: i16,
        organization_id: Option<i64>,
        registered_on: NaiveDate,
    }
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
    let mut id_numbers = UniqueIdNumbers::default();
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
        PersonSeed {
            id,
            name,
            id_number: id_numbers.next(&mut rng, &region.district_code, birth),
            phone: phone_number(&mut rng),
            category: category.as_str(),
            grade,
            organization_id,
            registered_on: rng.date_between(date(2008, 1, 1), date(2025, 6, 30)),
            region,
        }
    })
}
