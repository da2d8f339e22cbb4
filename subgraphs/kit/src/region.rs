//! The region hierarchy shared by every subgraph's seed: city 510100 成都市, its 20 real
//! county-level divisions, and generated streets (9-digit codes) and communities
//! (12-digit codes). Every subgraph generates the same tree, so figures join across them.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::rng::Rng;
use crate::scale::Scale;

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
}

/// One node of the hierarchy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub level: RegionLevel,
    pub parent_code: Option<String>,
}

/// A county-level division of Chengdu with its street count at full scale.
#[derive(Clone, Copy, Debug)]
pub struct County {
    pub code: &'static str,
    pub name: &'static str,
    /// Urban districts have 街道 and 社区; the others mostly 镇 and 村.
    pub urban: bool,
    pub streets_full: u32,
}

/// The 20 real county-level divisions (DOMAIN.md); street counts approximate reality and
/// add up to 260.
pub const COUNTIES: [County; 20] = [
    County {
        code: "510104",
        name: "锦江区",
        urban: true,
        streets_full: 11,
    },
    County {
        code: "510105",
        name: "青羊区",
        urban: true,
        streets_full: 11,
    },
    County {
        code: "510106",
        name: "金牛区",
        urban: true,
        streets_full: 13,
    },
    County {
        code: "510107",
        name: "武侯区",
        urban: true,
        streets_full: 15,
    },
    County {
        code: "510108",
        name: "成华区",
        urban: true,
        streets_full: 14,
    },
    County {
        code: "510112",
        name: "龙泉驿区",
        urban: true,
        streets_full: 12,
    },
    County {
        code: "510113",
        name: "青白江区",
        urban: true,
        streets_full: 9,
    },
    County {
        code: "510114",
        name: "新都区",
        urban: true,
        streets_full: 13,
    },
    County {
        code: "510115",
        name: "温江区",
        urban: true,
        streets_full: 9,
    },
    County {
        code: "510116",
        name: "双流区",
        urban: true,
        streets_full: 14,
    },
    County {
        code: "510117",
        name: "郫都区",
        urban: true,
        streets_full: 14,
    },
    County {
        code: "510118",
        name: "新津区",
        urban: false,
        streets_full: 8,
    },
    County {
        code: "510121",
        name: "金堂县",
        urban: false,
        streets_full: 17,
    },
    County {
        code: "510129",
        name: "大邑县",
        urban: false,
        streets_full: 11,
    },
    County {
        code: "510131",
        name: "蒲江县",
        urban: false,
        streets_full: 8,
    },
    County {
        code: "510181",
        name: "都江堰市",
        urban: false,
        streets_full: 11,
    },
    County {
        code: "510182",
        name: "彭州市",
        urban: false,
        streets_full: 13,
    },
    County {
        code: "510183",
        name: "邛崃市",
        urban: false,
        streets_full: 17,
    },
    County {
        code: "510184",
        name: "崇州市",
        urban: false,
        streets_full: 15,
    },
    County {
        code: "510185",
        name: "简阳市",
        urban: false,
        streets_full: 25,
    },
];

const DEMO_STREETS_PER_COUNTY: u32 = 3;
const DEMO_COMMUNITIES_PER_STREET: u32 = 2;

const STREET_WORDS: [&str; 84] = [
    "春熙",
    "书院",
    "合江",
    "东华",
    "牛市口",
    "锦官",
    "沙河",
    "双桥",
    "府南",
    "草市",
    "西御",
    "少城",
    "金沙",
    "光华",
    "苏坡",
    "文家",
    "荷花池",
    "驷马桥",
    "茶店子",
    "抚琴",
    "簇桥",
    "晋阳",
    "玉林",
    "望江",
    "红牌楼",
    "桂溪",
    "石羊",
    "芳草",
    "建设",
    "猛追湾",
    "跳蹬河",
    "保和",
    "龙潭",
    "青龙",
    "白莲池",
    "十陵",
    "同安",
    "大面",
    "洪河",
    "柏合",
    "大弯",
    "红阳",
    "弥牟",
    "城厢",
    "大丰",
    "三河",
    "柳城",
    "公平",
    "涌泉",
    "东升",
    "九江",
    "黄甲",
    "犀浦",
    "团结",
    "安德",
    "花源",
    "五津",
    "赵镇",
    "淮口",
    "晋原",
    "安仁",
    "鹤山",
    "寿安",
    "灌口",
    "聚源",
    "天彭",
    "丽春",
    "临邛",
    "羊安",
    "崇阳",
    "怀远",
    "简城",
    "石桥",
    "东溪",
    "新市",
    "石板滩",
    "清泉",
    "永宁",
    "万春",
    "和盛",
    "永兴",
    "普兴",
    "大塘",
    "甘溪",
];

const COMMUNITY_WORDS: [&str; 60] = [
    "和平", "幸福", "光明", "新华", "建设", "团结", "友谊", "长青", "金桂", "玉兰", "锦绣", "晨光",
    "翠竹", "桂花", "梧桐", "枫林", "莲花", "清水", "石桥", "柳荫", "白鹤", "青杠", "红星", "向阳",
    "东风", "新民", "永安", "太平", "兴隆", "丰收", "民主", "先锋", "胜利", "五星", "双河", "三圣",
    "花园", "滨江", "锦苑", "文苑", "书香", "紫荆", "芙蓉", "银杏", "月牙", "鹭岛", "沙湾", "荷塘",
    "春晓", "秋实", "泉水", "龙井", "凤凰", "麒麟", "金鱼", "黄龙", "宝林", "福田", "安居", "乐业",
];

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
