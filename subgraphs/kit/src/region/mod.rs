//! The region hierarchy shared by every subgraph's seed: city 510100 成都市, its 20 real
//! county-level divisions, and generated streets (9-digit codes) and communities
//! (12-digit codes). Every subgraph generates the same tree, so figures join across them.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::rng::Rng;
use crate::scale::Scale;

mod divisions;

use divisions::{
    COMMUNITY_WORDS, DEMO_COMMUNITIES_PER_STREET, DEMO_STREETS_PER_COUNTY, STREET_WORDS,
};
pub use divisions::{COUNTIES, County};

pub const CITY_CODE: &str = "510100";
pub const CITY_NAME: &str = "成都市";

/// Level of a region in the county – street – community service system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionLevel {
    City,
    District,
    Street,
    Community,
}

impl RegionLevel {
    /// Level of a division code, by its length (6 city/district, 9 street, 12 community).
    pub fn of_code(code: &str) -> Option<RegionLevel> {
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match code.len() {
            6 if code == CITY_CODE => Some(RegionLevel::City),
            6 if code.starts_with("5101") => Some(RegionLevel::District),
            9 => Some(RegionLevel::Street),
            12 => Some(RegionLevel::Community),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RegionLevel::City => "CITY",
            RegionLevel::District => "DISTRICT",
            RegionLevel::Street => "STREET",
            RegionLevel::Community => "COMMUNITY",
        }
    }

    /// The level [`as_str`](Self::as_str) stored; `None` for any other text.
    pub fn from_stored(level: &str) -> Option<RegionLevel> {
        [Self::City, Self::District, Self::Street, Self::Community]
            .into_iter()
            .find(|candidate| candidate.as_str() == level)
    }
}

/// One node of the hierarchy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub level: RegionLevel,
    pub parent_code: Option<String>,
}

/// The codes a record stores: its own region (community or street) plus the denormalised
/// street and district, so per-region aggregates are one `GROUP BY`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RegionRef {
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

impl RegionRef {
    /// Derives the street and district codes from a street or community code.
    pub fn of(code: &str) -> Option<RegionRef> {
        match RegionLevel::of_code(code)? {
            RegionLevel::Street | RegionLevel::Community => Some(RegionRef {
                region_code: code.to_string(),
                street_code: code.get(..9)?.to_string(),
                district_code: code.get(..6)?.to_string(),
            }),
            RegionLevel::City | RegionLevel::District => None,
        }
    }
}

/// How a filter "in region X (and everything below it)" applies to a table with
/// `region_code`, `street_code` and `district_code` columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegionScope {
    /// The city: no restriction.
    All,
    District(String),
    Street(String),
    Community(String),
}

impl RegionScope {
    /// `None` when the code is not a division code of this city.
    pub fn of(code: &str) -> Option<RegionScope> {
        Some(match RegionLevel::of_code(code)? {
            RegionLevel::City => RegionScope::All,
            RegionLevel::District => RegionScope::District(code.to_string()),
            RegionLevel::Street => RegionScope::Street(code.to_string()),
            RegionLevel::Community => RegionScope::Community(code.to_string()),
        })
    }

    /// The column to compare (`district_code`, `street_code`, `region_code`) and the
    /// value; `None` for the whole city.
    pub fn column_and_value(&self) -> Option<(&'static str, &str)> {
        match self {
            RegionScope::All => None,
            RegionScope::District(c) => Some(("district_code", c)),
            RegionScope::Street(c) => Some(("street_code", c)),
            RegionScope::Community(c) => Some(("region_code", c)),
        }
    }
}

/// The generated hierarchy for one scale.
#[derive(Debug)]
pub struct RegionTree {
    regions: Vec<Region>,
    by_code: HashMap<String, usize>,
    streets: Vec<usize>,
    communities: Vec<usize>,
}

impl RegionTree {
    /// The tree of a scale, generated once per process.
    pub fn get(scale: Scale) -> &'static RegionTree {
        static DEMO: OnceLock<RegionTree> = OnceLock::new();
        static FULL: OnceLock<RegionTree> = OnceLock::new();
        match scale {
            Scale::Demo => DEMO.get_or_init(|| RegionTree::generate(scale)),
            Scale::Full => FULL.get_or_init(|| RegionTree::generate(scale)),
        }
    }

    /// Generates the tree deterministically: city, counties, streets, communities, in
    /// that order (parents before children).
    pub fn generate(scale: Scale) -> RegionTree {
        let mut rng = Rng::for_stream("kit.regions");
        let mut regions = vec![Region {
            code: CITY_CODE.to_string(),
            name: CITY_NAME.to_string(),
            level: RegionLevel::City,
            parent_code: None,
        }];
        for county in &COUNTIES {
            regions.push(Region {
                code: county.code.to_string(),
                name: county.name.to_string(),
                level: RegionLevel::District,
                parent_code: Some(CITY_CODE.to_string()),
            });
        }
        for county in &COUNTIES {
            let streets = scale.count(DEMO_STREETS_PER_COUNTY, county.streets_full);
            let mut words = STREET_WORDS.to_vec();
            rng.shuffle(&mut words);
            for s in 0..streets as usize {
                let street_code = format!("{}{:03}", county.code, s + 1);
                let word = words.get(s % words.len()).copied().unwrap_or("新城");
                let suffix = if county.urban || s % 3 == 0 {
                    "街道"
                } else {
                    "镇"
                };
                regions.push(Region {
                    code: street_code.clone(),
                    name: format!("{word}{suffix}"),
                    level: RegionLevel::Street,
                    parent_code: Some(county.code.to_string()),
                });
                let communities = match scale {
                    Scale::Demo => DEMO_COMMUNITIES_PER_STREET,
                    Scale::Full => 8 + rng.below(9) as u32,
                };
                let mut cwords = COMMUNITY_WORDS.to_vec();
                rng.shuffle(&mut cwords);
                for c in 0..communities as usize {
                    let cword = cwords.get(c % cwords.len()).copied().unwrap_or("新村");
                    let csuffix = if county.urban || c % 2 == 0 {
                        "社区"
                    } else {
                        "村"
                    };
                    regions.push(Region {
                        code: format!("{street_code}{:03}", c + 1),
                        name: format!("{cword}{csuffix}"),
                        level: RegionLevel::Community,
                        parent_code: Some(street_code.clone()),
                    });
                }
            }
        }
        // Keep codes in ascending order so every listing is stable and readable.
        regions.sort_by(|a, b| a.code.len().cmp(&b.code.len()).then(a.code.cmp(&b.code)));
        let by_code = regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code.clone(), i))
            .collect();
        let of_level = |level| {
            regions
                .iter()
                .enumerate()
                .filter(|(_, r)| r.level == level)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        let streets = of_level(RegionLevel::Street);
        let communities = of_level(RegionLevel::Community);
        RegionTree {
            regions,
            by_code,
            streets,
            communities,
        }
    }

    /// Every region, city first, then districts, streets, communities (by code).
    pub fn all(&self) -> &[Region] {
        &self.regions
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.by_code.get(code).and_then(|i| self.regions.get(*i))
    }

    pub fn districts(&self) -> impl Iterator<Item = &Region> {
        self.regions
            .iter()
            .filter(|r| r.level == RegionLevel::District)
    }

    pub fn streets(&self) -> impl Iterator<Item = &Region> {
        self.streets.iter().filter_map(|i| self.regions.get(*i))
    }

    pub fn communities(&self) -> impl Iterator<Item = &Region> {
        self.communities.iter().filter_map(|i| self.regions.get(*i))
    }

    pub fn children<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Region> + 'a {
        self.regions
            .iter()
            .filter(move |r| r.parent_code.as_deref() == Some(code))
    }

    /// A community chosen uniformly, with its street and district codes.
    pub fn pick_community(&self, rng: &mut Rng) -> (&Region, RegionRef) {
        self.pick_from(&self.communities, rng)
    }

    /// A street chosen uniformly (for records kept at street level).
    pub fn pick_street(&self, rng: &mut Rng) -> (&Region, RegionRef) {
        self.pick_from(&self.streets, rng)
    }

    fn pick_from(&self, pool: &[usize], rng: &mut Rng) -> (&Region, RegionRef) {
        // The pools are never empty: every scale generates streets and communities.
        let idx = pool.get(rng.index(pool.len())).copied().unwrap_or(0);
        let region = &self.regions[idx.min(self.regions.len() - 1)];
        let reference = RegionRef::of(&region.code).unwrap_or_else(|| RegionRef {
            region_code: region.code.clone(),
            street_code: region.code.clone(),
            district_code: region.code.clone(),
        });
        (region, reference)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_levels_read_back() {
        for level in [
            RegionLevel::City,
            RegionLevel::District,
            RegionLevel::Street,
            RegionLevel::Community,
        ] {
            assert_eq!(RegionLevel::from_stored(level.as_str()), Some(level));
        }
        assert_eq!(RegionLevel::from_stored("city"), None);
    }

    #[test]
    fn demo_tree_has_city_counties_and_a_few_streets_and_communities() {
        let tree = RegionTree::generate(Scale::Demo);
        assert_eq!(tree.all()[0].code, CITY_CODE);
        assert_eq!(tree.districts().count(), 20);
        assert_eq!(tree.streets().count(), 60);
        assert_eq!(tree.communities().count(), 120);
        let jinjiang: Vec<_> = tree.children("510104").map(|r| r.code.as_str()).collect();
        assert_eq!(jinjiang, vec!["510104001", "510104002", "510104003"]);
        let community = tree.region("510104001002").map(|r| r.parent_code.clone());
        assert_eq!(community, Some(Some("510104001".to_string())));
    }

    #[test]
    fn full_tree_has_realistic_counts() {
        let tree = RegionTree::generate(Scale::Full);
        assert_eq!(tree.streets().count(), 260);
        let communities = tree.communities().count();
        assert!((3000..3400).contains(&communities), "{communities}");
    }

    #[test]
    fn generation_is_deterministic() {
        let a = RegionTree::generate(Scale::Demo);
        let b = RegionTree::generate(Scale::Demo);
        assert_eq!(a.all(), b.all());
    }

    #[test]
    fn codes_map_to_levels_refs_and_scopes() {
        assert_eq!(RegionLevel::of_code("510100"), Some(RegionLevel::City));
        assert_eq!(RegionLevel::of_code("510185"), Some(RegionLevel::District));
        assert_eq!(RegionLevel::of_code("510185001"), Some(RegionLevel::Street));
        assert_eq!(
            RegionLevel::of_code("510185001002"),
            Some(RegionLevel::Community)
        );
        assert_eq!(RegionLevel::of_code("51018500100x"), None);
        assert_eq!(
            RegionRef::of("510104002003"),
            Some(RegionRef {
                region_code: "510104002003".into(),
                street_code: "510104002".into(),
                district_code: "510104".into(),
            })
        );
        assert_eq!(RegionRef::of("510104"), None);
        assert_eq!(RegionScope::of("510100"), Some(RegionScope::All));
        assert_eq!(
            RegionScope::of("510104002")
                .and_then(|s| s.column_and_value().map(|(c, v)| (c, v.to_string()))),
            Some(("street_code", "510104002".to_string()))
        );
    }
}
