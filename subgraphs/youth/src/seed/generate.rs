//! The youth league's own seed records (homes, volunteers, service logs, social workers),
//! each from an independent deterministic stream over the kit's region tree.

use chrono::NaiveDate;
use quntuan_kit::catalog::street_center_id;
use quntuan_kit::names::{UniqueIdNumbers, company_name, id_number, person_name, phone_number};
use quntuan_kit::seed::date;
use quntuan_kit::{RegionRef, RegionTree, Rng, Scale};

quntuan_kit::seed_record! {
    pub(super) struct HomeSeed in "youth", "youth_homes" {
        id: i64,
        name: String,
        partner: String,
        service_center_id: Option<String>,
        opened_on: NaiveDate,
    }
}

/// Youth homes: 728 at full scale, 12 at demo scale.
pub(super) fn homes(scale: Scale) -> Vec<HomeSeed> {
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("youth.homes");
    (1..=i64::from(scale.count(12, 728)))
        .map(|id| {
            let (community, region) = tree.pick_community(&mut rng);
            let partner = company_name(&mut rng);
            // Half of the homes sit in their street's shared service centre.
            let service_center_id = rng
                .chance(0.5)
                .then(|| street_center_id(&region.street_code));
            HomeSeed {
                id,
                name: format!("{}青年之家", community.name),
                partner,
                service_center_id,
                opened_on: rng.date_between(date(2019, 1, 1), date(2025, 6, 30)),
                region,
            }
        })
        .collect()
}

quntuan_kit::seed_record! {
    pub(super) struct VolunteerSeed in "youth", "youth_volunteers" {
        id: i64,
        name: String,
        id_number: String,
        phone: String,
        branch_id: Option<i64>,
        registered_on: NaiveDate,
    }
}

/// Volunteers: 733,000 at full scale, 200 at demo scale. Seven in ten belong to a branch
/// and live in its community; ID numbers are unique.
pub(super) fn volunteers<'a>(
    scale: Scale,
    branch_regions: &'a [RegionRef],
) -> impl Iterator<Item = VolunteerSeed> + 'a {
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("youth.volunteers");
    let mut id_numbers = UniqueIdNumbers::default();
    (1..=i64::from(scale.count(200, 733_000))).map(move |id| {
        let branch = (rng.chance(0.7) && !branch_regions.is_empty())
            .then(|| rng.index(branch_regions.len()));
        let region = match branch.and_then(|i| branch_regions.get(i)) {
            Some(region) => region.clone(),
            None => tree.pick_community(&mut rng).1,
        };
        let name = person_name(&mut rng);
        let birth = rng.date_between(date(1988, 1, 1), date(2007, 12, 31));
        VolunteerSeed {
            id,
            name,
            id_number: id_numbers.next(&mut rng, &region.district_code, birth),
            phone: phone_number(&mut rng),
            branch_id: branch.map(|i| i as i64 + 1),
            registered_on: rng.date_between(date(2016, 1, 1), date(2025, 6, 30)),
            region,
        }
    })
}

quntuan_kit::seed_record! {
    pub(super) struct LogSeed in "youth", "youth_service_logs" {
        id: i64,
        volunteer_id: i64,
        served_on: NaiveDate,
        minutes: i32,
        description: &'static str,
    }
}

const SERVICES: [&str; 8] = [
    "社区环境整治",
    "关爱空巢老人",
    "青少年课业辅导",
    "大型赛会服务",
    "文明交通劝导",
    "反诈宣传",
    "应急救援演练",
    "图书馆志愿服务",
];

/// Service logs: about one for every two volunteers at full scale, 1.5 each at demo.
pub(super) fn service_logs(
    scale: Scale,
    volunteers: impl Iterator<Item = VolunteerSeed>,
) -> impl Iterator<Item = LogSeed> {
    let mut rng = Rng::for_stream("youth.service_logs");
    let mut next_id = 0i64;
    volunteers.flat_map(move |v| {
        let count = match scale {
            Scale::Demo => rng.below(4),
            Scale::Full => {
                if rng.chance(0.35) {
                    1 + rng.below(2)
                } else {
                    0
                }
            }
        };
        let mut logs = Vec::with_capacity(count as usize);
        for _ in 0..count {
            next_id += 1;
            logs.push(LogSeed {
                id: next_id,
                volunteer_id: v.id,
                served_on: rng.date_between(v.registered_on, date(2025, 12, 31)),
                minutes: [60, 90, 120, 180, 240][rng.index(5)],
                description: SERVICES[rng.index(SERVICES.len())],
                region: v.region.clone(),
            });
        }
        logs
    })
}

quntuan_kit::seed_record! {
    pub(super) struct WorkerSeed in "youth", "youth_social_workers" {
        id: i64,
        name: String,
        id_number: String,
        phone: String,
        specialty: &'static str,
        hired_on: NaiveDate,
        service_center_id: Option<String>,
    }
}

const SPECIALTIES: [&str; 5] = ["青少年心理", "社区矫正", "困境儿童", "就业创业", "禁毒宣传"];

/// Youth affairs social workers: 252 at full scale, 10 at demo scale; most work from
/// their street's shared service centre.
pub(super) fn social_workers(scale: Scale) -> Vec<WorkerSeed> {
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("youth.social_workers");
    (1..=i64::from(scale.count(10, 252)))
        .map(|id| {
            let (_, region) = tree.pick_street(&mut rng);
            let birth = rng.date_between(date(1975, 1, 1), date(2000, 12, 31));
            WorkerSeed {
                id,
                name: person_name(&mut rng),
                id_number: id_number(&mut rng, &region.district_code, birth),
                phone: phone_number(&mut rng),
                specialty: SPECIALTIES[rng.index(SPECIALTIES.len())],
                hired_on: rng.date_between(date(2015, 1, 1), date(2025, 6, 30)),
                service_center_id: rng
                    .chance(0.7)
                    .then(|| street_center_id(&region.street_code)),
                region,
            }
        })
        .collect()
}
