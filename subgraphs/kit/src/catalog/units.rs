//! Grassroots units of each organisation.

use super::{Org, UnitSkeleton, date, region_name};
use crate::names::company_name;
use crate::region::RegionTree;
use crate::rng::Rng;
use crate::scale::Scale;

per_organisation! { units -> UnitSkeleton {
    /// Grassroots unions 基层工会: 31,700 at full scale, 60 at demo scale.
    grassroots_unions: Unions,
    /// League organisations 团组织: 58,000 at full scale, 80 at demo scale.
    youth_branches: Youth,
    /// Women's organisations 妇女组织: 4,726 at full scale, 40 at demo scale.
    women_organizations: Women,
    /// Enterprise science associations 企事业单位科协: 369 at full scale, 12 at demo scale.
    science_associations: Science,
    /// Grassroots disabled persons' organisations 基层残疾人组织: 4,703 at full, 40 at demo.
    disability_organizations: Disability,
}}

/// The grassroots units of one organisation, in `seq` order.
pub fn units(org: Org, scale: Scale) -> impl Iterator<Item = UnitSkeleton> {
    let total = match org {
        Org::Unions => scale.count(60, 31_700),
        Org::Youth => scale.count(80, 58_000),
        Org::Women => scale.count(40, 4_726),
        Org::Science => scale.count(12, 369),
        Org::Disability => scale.count(40, 4_703),
    };
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream(&format!("kit.catalog.units.{}", org.as_str()));
    (1..=total).map(move |seq| {
        let (community, region) = tree.pick_community(&mut rng);
        let street = region_name(tree, &region.street_code);
        let district = region_name(tree, &region.district_code);
        let roll = rng.below(100);
        let (kind, name) = match org {
            Org::Unions => match roll {
                0..70 => ("企业工会", format!("{}工会", company_name(&mut rng))),
                70..85 => {
                    let place = pick(
                        &mut rng,
                        &["中心小学", "卫生院", "社区卫生服务中心", "幼儿园", "文化站"],
                    );
                    ("机关事业单位工会", format!("{street}{place}工会"))
                }
                85..95 => (
                    "社区（村）工会联合会",
                    format!("{}工会联合会", community.name),
                ),
                _ => {
                    let trade = pick(
                        &mut rng,
                        &["快递", "餐饮", "家政", "建筑", "网约车", "物业"],
                    );
                    ("行业工会联合会", format!("{district}{trade}行业工会联合会"))
                }
            },
            Org::Youth => {
                let kind = match roll {
                    0..80 => "团支部",
                    80..92 => "团总支",
                    _ => "团委",
                };
                let place = if rng.chance(0.5) {
                    company_name(&mut rng)
                } else {
                    community.name.clone()
                };
                (kind, format!("{place}{kind}"))
            }
            Org::Women => match roll {
                0..60 => (
                    "社区（村）妇联",
                    format!("{}{}妇女联合会", street, community.name),
                ),
                60..85 => (
                    "企业妇委会",
                    format!("{}妇女委员会", company_name(&mut rng)),
                ),
                _ => {
                    let place = pick(&mut rng, &["中心小学", "卫生院", "街道办事处", "文化站"]);
                    ("机关事业单位妇委会", format!("{street}{place}妇女委员会"))
                }
            },
            Org::Science => match roll {
                0..85 => (
                    "企业科协",
                    format!("{}科学技术协会", company_name(&mut rng)),
                ),
                _ => {
                    let place = pick(
                        &mut rng,
                        &["人民医院", "职业技术学院", "中医医院", "农业科学研究所"],
                    );
                    ("事业单位科协", format!("{district}{place}科学技术协会"))
                }
            },
            Org::Disability => match roll {
                0..85 => (
                    "社区（村）残疾人协会",
                    format!("{}{}残疾人协会", street, community.name),
                ),
                _ => {
                    let assoc = pick(
                        &mut rng,
                        &[
                            "盲人协会",
                            "聋人协会",
                            "肢残人协会",
                            "智力残疾人及亲友协会",
                            "精神残疾人及亲友协会",
                        ],
                    );
                    ("专门协会", format!("{district}{assoc}"))
                }
            },
        };
        let founded_on = rng.date_between(date(1985, 1, 1), date(2024, 12, 31));
        let member_count = match org {
            Org::Unions => rng.range(25, 800),
            Org::Youth => rng.range(3, 120),
            Org::Women => rng.range(7, 60),
            Org::Science => rng.range(15, 300),
            Org::Disability => rng.range(5, 80),
        } as u32;
        UnitSkeleton {
            id: format!("{}-unit-{seq:06}", org.as_str()),
            org,
            seq,
            name,
            kind,
            region,
            founded_on,
            member_count,
        }
    })
}

fn pick(rng: &mut Rng, items: &[&'static str]) -> &'static str {
    rng.pick(items).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_scale_table() {
        assert_eq!(grassroots_unions(Scale::Full).count(), 31_700);
        assert_eq!(youth_branches(Scale::Full).count(), 58_000);
        assert_eq!(women_organizations(Scale::Full).count(), 4_726);
        assert_eq!(science_associations(Scale::Full).count(), 369);
        assert_eq!(disability_organizations(Scale::Full).count(), 4_703);
        assert_eq!(youth_branches(Scale::Demo).count(), 80);
    }

    #[test]
    fn units_are_deterministic_and_located_in_communities() {
        let a: Vec<_> = women_organizations(Scale::Demo).collect();
        let b: Vec<_> = women_organizations(Scale::Demo).collect();
        assert_eq!(a, b);
        let first = &a[0];
        assert_eq!(first.id, "women-unit-000001");
        assert_eq!(first.seq, 1);
        assert_eq!(first.region.region_code.len(), 12);
        assert!(
            first
                .region
                .region_code
                .starts_with(&first.region.street_code)
        );
        let tree = RegionTree::get(Scale::Demo);
        assert!(
            a.iter()
                .all(|u| tree.region(&u.region.region_code).is_some())
        );
    }
}
