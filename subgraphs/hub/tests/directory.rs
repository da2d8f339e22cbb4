//! The shared directory: units, activities and awards of all five organisations together,
//! filtered by region and organisation; identical to the kit catalog rows.

mod common;

use quntuan_kit::catalog::{self, Org};
use quntuan_kit::{Caller, Scale};
use serde_json::{Value, json};

#[tokio::test]
async fn units_of_all_organisations_list_together_by_region() {
    let s = common::seeded().await;
    let response = s
        .run(r#"{ grassrootsUnits(regionCode: "510104", limit: 4) { totalCount items { __typename id name kind organization regionCode region { name parent { name } } foundedOn memberCount } } }"#)
        .await;
    assert_eq!(
        response,
        json!({ "data": { "grassrootsUnits": { "totalCount": 10, "items": [
            { "__typename": "DisabilityOrganization", "id": "disability-unit-000018", "name": "城厢街道玉兰社区残疾人协会",
              "kind": "社区（村）残疾人协会", "organization": "DISABILITY", "regionCode": "510104003001",
              "region": { "name": "玉兰社区", "parent": { "name": "城厢街道" } }, "foundedOn": "1998-09-15", "memberCount": 9 },
            { "__typename": "DisabilityOrganization", "id": "disability-unit-000036", "name": "普兴街道石桥社区残疾人协会",
              "kind": "社区（村）残疾人协会", "organization": "DISABILITY", "regionCode": "510104002001",
              "region": { "name": "石桥社区", "parent": { "name": "普兴街道" } }, "foundedOn": "2007-06-16", "memberCount": 51 },
            { "__typename": "DisabilityOrganization", "id": "disability-unit-000037", "name": "城厢街道乐业社区残疾人协会",
              "kind": "社区（村）残疾人协会", "organization": "DISABILITY", "regionCode": "510104003002",
              "region": { "name": "乐业社区", "parent": { "name": "城厢街道" } }, "foundedOn": "1998-11-20", "memberCount": 59 },
            { "__typename": "GrassrootsUnion", "id": "unions-unit-000049", "name": "成都杜鹃软件有限公司工会",
              "kind": "企业工会", "organization": "UNIONS", "regionCode": "510104002001",
              "region": { "name": "石桥社区", "parent": { "name": "普兴街道" } }, "foundedOn": "2013-03-18", "memberCount": 485 }
        ] } } })
    );
}

#[tokio::test]
async fn units_filter_by_organisation_within_a_street() {
    let s = common::seeded().await;
    assert_eq!(
        s.run(r#"{ grassrootsUnits(organization: WOMEN, regionCode: "510107002", limit: 5) { totalCount items { __typename id name kind regionCode } } }"#).await,
        json!({ "data": { "grassrootsUnits": { "totalCount": 1, "items": [
            { "__typename": "WomenOrganization", "id": "women-unit-000017", "name": "成都东坡餐饮有限公司妇女委员会",
              "kind": "企业妇委会", "regionCode": "510107002002" }
        ] } } })
    );
}

#[tokio::test]
async fn the_directory_holds_exactly_the_catalog_rows() {
    let s = common::seeded().await;
    let mut listed = Vec::new();
    for offset in (0..300).step_by(100) {
        let page = s
            .run(&format!("{{ grassrootsUnits(limit: 100, offset: {offset}) {{ totalCount items {{ id name kind regionCode streetCode districtCode }} }} }}"))
            .await;
        assert_eq!(page["data"]["grassrootsUnits"]["totalCount"], json!(232));
        listed.extend(
            page["data"]["grassrootsUnits"]["items"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        );
    }
    let mut expected: Vec<Value> = Org::ALL
        .into_iter()
        .flat_map(|org| catalog::units(org, Scale::Demo))
        .map(|u| {
            json!({ "id": u.id, "name": u.name, "kind": u.kind, "regionCode": u.region.region_code,
                    "streetCode": u.region.street_code, "districtCode": u.region.district_code })
        })
        .collect();
    expected.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    assert_eq!(listed, expected);
}

#[tokio::test]
async fn activities_list_newest_first_across_organisations() {
    let s = common::seeded().await;
    assert_eq!(
        s.run(r#"{ activities(regionCode: "510104", limit: 3) { totalCount items { __typename id title kind organization heldOn participantCount region { name } } } }"#).await,
        json!({ "data": { "activities": { "totalCount": 8, "items": [
            { "__typename": "UnionActivity", "id": "unions-act-000005", "title": "普兴街道长青社区“工匠精神”主题宣讲",
              "kind": "主题宣讲", "organization": "UNIONS", "heldOn": "2025-05-09", "participantCount": 56, "region": { "name": "长青社区" } },
            { "__typename": "ScienceActivity", "id": "science-act-000013", "title": "石桥社区青少年科创营",
              "kind": "青少年科创营", "organization": "SCIENCE", "heldOn": "2025-05-05", "participantCount": 68, "region": { "name": "石桥社区" } },
            { "__typename": "WomenActivity", "id": "women-act-000002", "title": "长青社区家庭教育讲座",
              "kind": "家庭教育讲座", "organization": "WOMEN", "heldOn": "2025-02-09", "participantCount": 225, "region": { "name": "长青社区" } }
        ] } } })
    );
    assert_eq!(
        s.run(r#"{ activities(from: "2025-06-01", to: "2025-01-01") { totalCount } }"#)
            .await["errors"][0]["message"],
        json!("`from` (2025-06-01) is after `to` (2025-01-01)")
    );
}

#[tokio::test]
async fn awards_hide_recipients_without_the_scope() {
    let s = common::seeded().await;
    let query = r#"{ awards(organization: SCIENCE, limit: 2) { totalCount items { __typename id title recipientUnit recipientPerson year regionCode } } }"#;
    let forbidden = |i: usize| {
        json!({
            "message": "`ScienceAward.recipientPerson` requires the scope `science:personal`",
            "locations": [{ "line": 1, "column": 98 }],
            "path": ["awards", "items", i, "recipientPerson"],
            "extensions": { "code": "FORBIDDEN" }
        })
    };
    assert_eq!(
        s.run(query).await,
        json!({
            "data": { "awards": { "totalCount": 3, "items": [
                { "__typename": "ScienceAward", "id": "science-award-0001", "title": "成都最美科技工作者",
                  "recipientUnit": "成都邛窑机械有限公司", "recipientPerson": null, "year": 2022, "regionCode": "510183002001" },
                { "__typename": "ScienceAward", "id": "science-award-0002", "title": "成都最美科技工作者",
                  "recipientUnit": "成都川西软件有限公司", "recipientPerson": null, "year": 2023, "regionCode": "510106001002" }
            ] } },
            "errors": [forbidden(0), forbidden(1)]
        })
    );
    // With the scope the names are served, and they are the catalog's.
    let people: Vec<_> = catalog::science_awards(Scale::Demo)
        .take(2)
        .map(|a| a.recipient_person)
        .collect();
    let granted = s
        .run_as(
            query,
            Value::Null,
            Caller::new("officer", &["science:personal"]),
        )
        .await;
    assert_eq!(granted.get("errors"), None);
    assert_eq!(
        granted["data"]["awards"]["items"][0]["recipientPerson"],
        json!(people[0])
    );
    assert_eq!(
        granted["data"]["awards"]["items"][1]["recipientPerson"],
        json!(people[1])
    );
    // Another organisation's scope does not unlock them.
    let other = s
        .run_as(
            query,
            Value::Null,
            Caller::new("officer", &["youth:personal"]),
        )
        .await;
    assert_eq!(other["errors"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn collective_awards_need_no_scope() {
    let s = common::seeded().await;
    assert_eq!(
        s.run(r#"{ awards(regionCode: "510106", organization: WOMEN) { totalCount items { id recipientPerson } } }"#).await,
        json!({ "data": { "awards": { "totalCount": 0, "items": [] } } })
    );
    assert_eq!(
        s.run(r#"{ awards(organization: UNIONS, year: 2020, limit: 2) { totalCount items { id title recipientUnit recipientPerson } } }"#).await,
        json!({ "data": { "awards": { "totalCount": 12, "items": [
            { "id": "unions-award-0001", "title": "成都市五一劳动奖状（抗疫专项）",
              "recipientUnit": catalog::union_awards(Scale::Demo).next().map(|a| a.recipient_unit), "recipientPerson": null },
            { "id": "unions-award-0002", "title": "成都市五一劳动奖状（抗疫专项）",
              "recipientUnit": catalog::union_awards(Scale::Demo).nth(1).map(|a| a.recipient_unit), "recipientPerson": null }
        ] } } })
    );
}

#[tokio::test]
async fn directory_entities_resolve_by_type_and_id() {
    let s = common::seeded().await;
    let response = s
        .run_with(
            "query($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on YouthBranch { id name organization regionCode } ... on WomenActivity { id title heldOn } ... on UnionAward { id title } } }",
            json!({ "reps": [
                { "__typename": "YouthBranch", "id": "youth-unit-000001" },
                { "__typename": "YouthBranch", "id": "unions-unit-000001" },
                { "__typename": "WomenActivity", "id": "women-act-000002" },
                { "__typename": "UnionAward", "id": "unions-award-0004" }
            ] }),
        )
        .await;
    assert_eq!(
        response,
        json!({ "data": { "_entities": [
            { "__typename": "YouthBranch", "id": "youth-unit-000001", "name": "书香社区团支部", "organization": "YOUTH", "regionCode": "510107003001" },
            null,
            { "__typename": "WomenActivity", "id": "women-act-000002", "title": "长青社区家庭教育讲座", "heldOn": "2025-02-09" },
            { "__typename": "UnionAward", "id": "unions-award-0004", "title": "成都市五一劳动奖章（抗疫专项）" }
        ] } })
    );
}

#[tokio::test]
async fn bad_region_codes_and_pages_are_refused() {
    let s = common::seeded().await;
    assert_eq!(
        s.run(r#"{ grassrootsUnits(regionCode: "abc") { totalCount } }"#)
            .await,
        json!({ "data": null, "errors": [{
            "message": "`regionCode` must be a division code of Chengdu (6, 9 or 12 digits, e.g. 510104), got `abc`",
            "locations": [{ "line": 1, "column": 3 }], "path": ["grassrootsUnits"],
            "extensions": { "code": "BAD_USER_INPUT" }
        }] })
    );
    assert_eq!(
        s.run("{ awards(limit: 500) { totalCount } }").await,
        json!({ "data": null, "errors": [{
            "message": "`limit` must be between 1 and 100, got 500",
            "locations": [{ "line": 1, "column": 3 }], "path": ["awards"],
            "extensions": { "code": "BAD_USER_INPUT" }
        }] })
    );
}
