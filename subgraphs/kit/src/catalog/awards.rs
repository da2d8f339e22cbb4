//! Awards (honours) of each organisation.

use super::{AwardSkeleton, Org, region_name};
use crate::names::{company_name, person_name};
use crate::region::RegionTree;
use crate::rng::Rng;
use crate::scale::Scale;

per_organisation! { awards -> AwardSkeleton {
    /// May Day labour certificates (99) then medals (558), epidemic special, 2020; demo 3 + 9.
    union_awards: Unions,
    /// May Fourth Red Flag league organisations 五四红旗团组织 (count assumed): 60 / demo 4.
    youth_awards: Youth,
    /// March 8th Red Banner collectives 三八红旗集体: 20 at full scale, 4 at demo.
    women_awards: Women,
    /// Most beautiful science workers 最美科技工作者: 10 at full scale, 3 at demo.
    science_awards: Science,
    /// Advanced collectives in helping the disabled 助残先进集体 (count assumed): 40 / demo 3.
    disability_awards: Disability,
}}

/// The awards of one organisation, in `seq` order.
pub fn awards(org: Org, scale: Scale) -> impl Iterator<Item = AwardSkeleton> {
    // Unions: certificates (collectives) come first, then medals (individuals).
    let (certificates, medals) = (scale.count(3, 99), scale.count(9, 558));
    let total = match org {
        Org::Unions => certificates + medals,
        Org::Youth => scale.count(4, 60),
        Org::Women => scale.count(4, 20),
        Org::Science => scale.count(3, 10),
        Org::Disability => scale.count(3, 40),
    };
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream(&format!("kit.catalog.awards.{}", org.as_str()));
    (1..=total).map(move |seq| {
        let (community, region) = tree.pick_community(&mut rng);
        let street = region_name(tree, &region.street_code);
        let firm = company_name(&mut rng);
        let year = 2020 + rng.below(5) as i32;
        let (title, recipient_unit, recipient_person, year) = match org {
            Org::Unions if seq <= certificates => (
                "成都市五一劳动奖状（抗疫专项）".to_string(),
                firm,
                None,
                2020,
            ),
            Org::Unions => (
                "成都市五一劳动奖章（抗疫专项）".to_string(),
                firm,
                Some(person_name(&mut rng)),
                2020,
            ),
            Org::Youth => (
                "成都市五四红旗团组织".to_string(),
                format!("{firm}团委"),
                None,
                year,
            ),
            Org::Women => (
                "成都市三八红旗集体".to_string(),
                format!("{street}{}妇女联合会", community.name),
                None,
                year,
            ),
            Org::Science => (
                "成都最美科技工作者".to_string(),
                firm,
                Some(person_name(&mut rng)),
                year,
            ),
            Org::Disability => (
                "成都市助残先进集体".to_string(),
                format!("{street}{}", community.name),
                None,
                year,
            ),
        };
        AwardSkeleton {
            id: format!("{}-award-{seq:04}", org.as_str()),
            org,
            seq,
            title,
            recipient_unit,
            recipient_person,
            year,
            region,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_scale_table() {
        let unions: Vec<_> = union_awards(Scale::Full).collect();
        assert_eq!(unions.len(), 657);
        let certificates = unions
            .iter()
            .filter(|a| a.recipient_person.is_none())
            .count();
        assert_eq!(certificates, 99);
        assert_eq!(women_awards(Scale::Full).count(), 20);
        assert_eq!(science_awards(Scale::Full).count(), 10);
        assert_eq!(union_awards(Scale::Demo).count(), 12);
    }

    #[test]
    fn science_awards_name_people() {
        let a: Vec<_> = science_awards(Scale::Demo).collect();
        assert_eq!(a[0].id, "science-award-0001");
        assert!(a.iter().all(|x| x.recipient_person.is_some()));
        assert_eq!(a, science_awards(Scale::Demo).collect::<Vec<_>>());
    }
}
