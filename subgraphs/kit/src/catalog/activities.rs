//! Activities and service events of each organisation.

use super::{ActivitySkeleton, Org, date, region_name};
use crate::region::RegionTree;
use crate::rng::Rng;
use crate::scale::Scale;

per_organisation! { activities -> ActivitySkeleton {
    /// Themed lecture events 主题宣讲活动 run by the unions: 3,000 at full scale, 30 at demo.
    union_activities: Unions,
    /// Youth social-scene activities 青年社交场景活动: 13,000 at full scale, 40 at demo.
    youth_activities: Youth,
    /// Family-education services 家庭教育服务 (count assumed): 2,400 at full, 20 at demo.
    women_activities: Women,
    /// Science-popularisation events 科普活动 (count assumed): 1,800 at full, 15 at demo.
    science_activities: Science,
    /// Accessibility services 有爱无碍 (count assumed): 1,200 at full, 15 at demo.
    disability_activities: Disability,
}}

/// The kinds an organisation's activities take (what its subgraph's mutations accept).
pub fn activity_kinds(org: Org) -> &'static [&'static str] {
    match org {
        Org::Unions => &["主题宣讲"],
        Org::Youth => &[
            "青年交友",
            "城市漫步",
            "读书会",
            "运动社交",
            "音乐市集",
            "志愿服务",
        ],
        Org::Women => &["家庭教育讲座", "亲子阅读", "家风家教", "心理辅导"],
        Org::Science => &["科普讲座", "科技周展览", "青少年科创营", "科普进社区"],
        Org::Disability => &["无障碍出行服务", "康复指导", "就业帮扶", "文体活动"],
    }
}

/// The activities of one organisation, in `seq` order.
pub fn activities(org: Org, scale: Scale) -> impl Iterator<Item = ActivitySkeleton> {
    let total = match org {
        Org::Unions => scale.count(30, 3_000),
        Org::Youth => scale.count(40, 13_000),
        Org::Women => scale.count(20, 2_400),
        Org::Science => scale.count(15, 1_800),
        Org::Disability => scale.count(15, 1_200),
    };
    let kinds = activity_kinds(org);
    const THEMES: [&str; 5] = [
        "劳模精神",
        "工匠精神",
        "职工权益",
        "安全生产",
        "产业工人队伍建设改革",
    ];
    let tree = RegionTree::get(scale);
    let mut rng = Rng::for_stream(&format!("kit.catalog.activities.{}", org.as_str()));
    (1..=total).map(move |seq| {
        let (community, region) = tree.pick_community(&mut rng);
        let street = region_name(tree, &region.street_code);
        let kind = rng.pick(kinds).copied().unwrap_or_default();
        let title = match org {
            Org::Unions => {
                let theme = rng.pick(&THEMES).copied().unwrap_or_default();
                format!("{street}{}“{theme}”主题宣讲", community.name)
            }
            Org::Youth => format!("{street}青年{kind}"),
            Org::Women | Org::Science | Org::Disability => format!("{}{kind}", community.name),
        };
        let held_on = rng.date_between(date(2023, 1, 1), date(2025, 12, 31));
        let participant_count = rng.range(15, 300) as u32;
        ActivitySkeleton {
            id: format!("{}-act-{seq:06}", org.as_str()),
            org,
            seq,
            title,
            kind,
            region,
            held_on,
            participant_count,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_scale_table() {
        assert_eq!(youth_activities(Scale::Full).count(), 13_000);
        assert_eq!(union_activities(Scale::Full).count(), 3_000);
        assert_eq!(science_activities(Scale::Demo).count(), 15);
    }

    #[test]
    fn activities_are_deterministic() {
        let a: Vec<_> = union_activities(Scale::Demo).collect();
        assert_eq!(a, union_activities(Scale::Demo).collect::<Vec<_>>());
        assert_eq!(a[0].id, "unions-act-000001");
        assert_eq!(a[0].kind, "主题宣讲");
        assert!(a[0].title.ends_with("主题宣讲"));
    }
}
