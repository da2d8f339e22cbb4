//! The shared service venues (owned by `hub`; organisations attach what they run there).
//!
//! Ids are derived from region codes so an organisation can link a record to the venue of
//! its street without a lookup: `sc-510100` (city hub), `sc-{district}` (district hubs),
//! `sc-hall-01`..`sc-hall-16` (demonstration halls), `sc-{street}` (street centres).

use super::date;
use crate::region::{COUNTIES, RegionRef, RegionTree};
use crate::rng::Rng;
use crate::scale::Scale;
use chrono::NaiveDate;

/// Number of demonstration service halls 示范性群团综合服务体验馆 (DOMAIN.md).
pub const DEMONSTRATION_HALLS: u32 = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CenterKind {
    /// 成都市一体化枢纽型群团服务中心
    CityHub,
    /// 区（市）县一体化枢纽型群团服务中心
    DistrictHub,
    /// 示范性群团综合服务体验馆
    DemonstrationHall,
    /// 街道（镇）党群服务中心
    StreetCenter,
}

impl CenterKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CenterKind::CityHub => "CITY_HUB",
            CenterKind::DistrictHub => "DISTRICT_HUB",
            CenterKind::DemonstrationHall => "DEMONSTRATION_HALL",
            CenterKind::StreetCenter => "STREET_CENTER",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceCenterSkeleton {
    pub id: String,
    pub name: String,
    pub kind: CenterKind,
    pub region: RegionRef,
    pub opened_on: NaiveDate,
}

pub fn city_center_id() -> String {
    "sc-510100".to_string()
}

pub fn district_center_id(district_code: &str) -> String {
    format!("sc-{district_code}")
}

pub fn street_center_id(street_code: &str) -> String {
    format!("sc-{street_code}")
}

/// `n` in `1..=16`.
pub fn demonstration_hall_id(n: u32) -> String {
    format!("sc-hall-{n:02}")
}

/// Every venue: the city hub, one hub per county-level division, the 16 demonstration
/// halls (one in each of the first 16 divisions), and one centre per street.
pub fn service_centers(scale: Scale) -> Vec<ServiceCenterSkeleton> {
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream("kit.catalog.service_centers");
    let mut out = Vec::new();
    let first_street = |district: &str| format!("{district}001");
    let at_street = |code: &str| {
        RegionRef::of(code).unwrap_or_else(|| RegionRef {
            region_code: code.to_string(),
            street_code: code.to_string(),
            district_code: code.get(..6).unwrap_or(code).to_string(),
        })
    };
    out.push(ServiceCenterSkeleton {
        id: city_center_id(),
        name: "成都市一体化枢纽型群团服务中心".to_string(),
        kind: CenterKind::CityHub,
        region: at_street(&first_street("510104")),
        opened_on: date(2019, 5, 1),
    });
    for county in &COUNTIES {
        out.push(ServiceCenterSkeleton {
            id: district_center_id(county.code),
            name: format!("{}一体化枢纽型群团服务中心", county.name),
            kind: CenterKind::DistrictHub,
            region: at_street(&first_street(county.code)),
            opened_on: rng.date_between(date(2019, 6, 1), date(2021, 12, 31)),
        });
    }
    for (n, county) in (1..=DEMONSTRATION_HALLS).zip(COUNTIES.iter()) {
        let communities: Vec<_> = tree
            .communities()
            .filter(|c| c.code.starts_with(county.code))
            .collect();
        let community = rng.pick(&communities).copied();
        let code = community
            .map(|c| c.code.clone())
            .unwrap_or_else(|| first_street(county.code));
        let place = community.map(|c| c.name.as_str()).unwrap_or(county.name);
        out.push(ServiceCenterSkeleton {
            id: demonstration_hall_id(n),
            name: format!("{}{place}示范性群团综合服务体验馆", county.name),
            kind: CenterKind::DemonstrationHall,
            region: at_street(&code),
            opened_on: rng.date_between(date(2021, 1, 1), date(2023, 12, 31)),
        });
    }
    for street in tree.streets() {
        out.push(ServiceCenterSkeleton {
            id: street_center_id(&street.code),
            name: format!("{}党群服务中心", street.name),
            kind: CenterKind::StreetCenter,
            region: at_street(&street.code),
            opened_on: rng.date_between(date(2018, 1, 1), date(2024, 6, 30)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn venues_cover_city_districts_halls_and_streets() {
        let demo = service_centers(Scale::Demo);
        assert_eq!(demo.len(), 1 + 20 + 16 + 60);
        let halls = demo
            .iter()
            .filter(|c| c.kind == CenterKind::DemonstrationHall)
            .count();
        assert_eq!(halls, 16);
        assert_eq!(demo[0].id, "sc-510100");
        assert_eq!(demo[1].id, "sc-510104");
        assert_eq!(demo[1].region.region_code, "510104001");
        assert!(demo.iter().any(|c| c.id == street_center_id("510185003")));
        assert_eq!(service_centers(Scale::Full).len(), 1 + 20 + 16 + 260);
        assert_eq!(demo, service_centers(Scale::Demo));
    }
}
