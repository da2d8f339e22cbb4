//! Deterministic seed data. Associations, activities and awards come from the kit's
//! directory generators (so hub lists the same ids, names and regions); workstations from
//! this subgraph's own stream. Every table is written with the kit's batched multi-row
//! inserts, one transaction per table.

use chrono::NaiveDate;
use quntuan_kit::catalog;
use quntuan_kit::names::{company_name, person_name, phone_number};
use quntuan_kit::reexports::sea_orm::DatabaseConnection;
use quntuan_kit::seed::{
    advance_id_sequences, date, district_links, ids_by_region, insert_activities, insert_awards,
    seed_failed,
};
use quntuan_kit::{KitError, Progress, RegionTree, Rng, Scale};

const INDUSTRIES: [&str; 6] = [
    "智能制造",
    "生物医药",
    "电子信息",
    "现代农业",
    "新材料",
    "绿色低碳",
];

/// Seeds a migrated, empty science database.
pub(crate) async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), KitError> {
    let fail = |context: &str| seed_failed("science", context);
    let associations_by_district = ids_by_region(
        catalog::science_associations(scale).map(|u| (u.region.district_code, i64::from(u.seq))),
    );
    let mut industries = Rng::for_stream("science.associations.industry");
    quntuan_kit::insert_located! {
        db, progress, "science", "science_associations",
        catalog::science_associations(scale).count(),
        for u in catalog::science_associations(scale) =>
            let industry = INDUSTRIES[industries.index(INDUSTRIES.len())];
            region u.region, {
            id: i64::from(u.seq),
            name: u.name,
            kind: u.kind,
            industry: industry,
            member_count: u.member_count as i32,
            founded_on: u.founded_on,
        }
    }
    .await
    .map_err(fail("inserting science associations"))?;

    let stations = workstations(scale);
    WorkstationSeed::insert(db, progress, stations.len(), stations)
        .await
        .map_err(fail("inserting workstations"))?;

    // Four in ten run by an association of the same district (when there is one), a
    // quarter held at the street's shared centre.
    let links = district_links(
        Rng::for_stream("science.activities.links"),
        &associations_by_district,
        4,
        0.25,
    );
    insert_activities(
        db,
        progress,
        "science",
        ("science_events", "association_id"),
        catalog::science_activities(scale),
        links,
    )
    .await
    .map_err(fail("inserting science activities"))?;

    insert_awards(
        db,
        progress,
        "science",
        "science_awards",
        catalog::science_awards(scale),
    )
    .await
    .map_err(fail("inserting awards"))?;

    advance_id_sequences(
        db,
        &[
            "science_associations",
            "science_workstations",
            "science_events",
            "science_awards",
        ],
    )
    .await
    .map_err(fail("advancing id sequences"))
}

quntuan_kit::seed_record! {
    struct WorkstationSeed in "science", "science_workstations" {
        id: i64,
        name: String,
        kind: &'static str,
        host_unit: String,
        field: &'static str,
        lead_expert: String,
        expert_phone: String,
        established_on: NaiveDate,
    }
}

/// Innovation workstations: 179 at full scale, 6 at demo scale; three in ten led by an
/// academician.
fn workstations(scale: Scale) -> Vec<WorkstationSeed> {
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("science.workstations");
    (1..=i64::from(scale.count(6, 179)))
        .map(|id| {
            let (_, region) = tree.pick_community(&mut rng);
            let kind = if rng.chance(0.3) {
                "院士工作站"
            } else {
                "专家工作站"
            };
            let host_unit = company_name(&mut rng);
            let lead_expert = person_name(&mut rng);
            // The public name names the host, never the expert (personal data).
            let name = format!("{host_unit}{kind}");
            WorkstationSeed {
                id,
                name,
                kind,
                host_unit,
                field: INDUSTRIES[rng.index(INDUSTRIES.len())],
                lead_expert,
                expert_phone: phone_number(&mut rng),
                established_on: rng.date_between(date(2012, 1, 1), date(2025, 6, 30)),
                region,
            }
        })
        .collect()
}
