//! Region queries and `_entities` for regions against the seeded demo data.

mod common;

use quntuan_kit::{RegionTree, Scale};
use serde_json::json;

#[tokio::test]
async fn lists_the_twenty_real_county_level_divisions() {
    let s = common::seeded().await;
    let names = [
        ("510104", "锦江区"),
        ("510105", "青羊区"),
        ("510106", "金牛区"),
        ("510107", "武侯区"),
        ("510108", "成华区"),
        ("510112", "龙泉驿区"),
        ("510113", "青白江区"),
        ("510114", "新都区"),
        ("510115", "温江区"),
        ("510116", "双流区"),
        ("510117", "郫都区"),
        ("510118", "新津区"),
        ("510121", "金堂县"),
        ("510129", "大邑县"),
        ("510131", "蒲江县"),
        ("510181", "都江堰市"),
        ("510182", "彭州市"),
        ("510183", "邛崃市"),
        ("510184", "崇州市"),
        ("510185", "简阳市"),
    ];
    let expected: Vec<_> = names
        .iter()
        .map(|(code, name)| json!({ "code": code, "name": name }))
        .collect();
    assert_eq!(
        s.run("{ regions(level: DISTRICT) { code name } }").await,
        json!({ "data": { "regions": expected } })
    );
}

#[tokio::test]
async fn region_has_parent_and_children() {
    let s = common::seeded().await;
    let response = s
        .run(r#"{ region(code: "510104") { code name level parent { code name level } children { code name level } } }"#)
        .await;
    assert_eq!(
        response,
        json!({ "data": { "region": {
            "code": "510104", "name": "锦江区", "level": "DISTRICT",
            "parent": { "code": "510100", "name": "成都市", "level": "CITY" },
            "children": [
                { "code": "510104001", "name": "书院街道", "level": "STREET" },
                { "code": "510104002", "name": "普兴街道", "level": "STREET" },
                { "code": "510104003", "name": "城厢街道", "level": "STREET" }
            ]
        } } })
    );
}

#[tokio::test]
async fn regions_filter_by_parent_level_and_name() {
    let s = common::seeded().await;
    assert_eq!(
        s.run(r#"{ regions(parentCode: "510104001") { code name level } }"#)
            .await,
        json!({ "data": { "regions": [
            { "code": "510104001001", "name": "新民社区", "level": "COMMUNITY" },
            { "code": "510104001002", "name": "清水社区", "level": "COMMUNITY" }
        ] } })
    );
    assert_eq!(
        s.run(r#"{ regions(level: STREET, nameContains: "书院") { code name parent { name } } }"#)
            .await,
        json!({ "data": { "regions": [
            { "code": "510104001", "name": "书院街道", "parent": { "name": "锦江区" } }
        ] } })
    );
    assert_eq!(
        s.run(r#"{ region(code: "510199") { code } }"#).await,
        json!({ "data": { "region": null } })
    );
}

#[tokio::test]
async fn a_malformed_parent_code_is_bad_user_input() {
    let s = common::seeded().await;
    assert_eq!(
        s.run(r#"{ regions(parentCode: "51x") { code } }"#).await,
        json!({
            "data": null,
            "errors": [{
                "message": "`parentCode` must be a division code of Chengdu (6, 9 or 12 digits, e.g. 510104), got `51x`",
                "locations": [{ "line": 1, "column": 3 }],
                "path": ["regions"],
                "extensions": { "code": "BAD_USER_INPUT" }
            }]
        })
    );
}

const ENTITY_QUERY: &str = r#"query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Region { code name level parent { code name } children { code } }
  }
}"#;

fn region_reps(n: usize) -> serde_json::Value {
    let tree = RegionTree::get(Scale::Demo);
    let reps: Vec<_> = tree
        .all()
        .iter()
        .take(n)
        .map(|r| json!({ "__typename": "Region", "code": r.code }))
        .collect();
    json!({ "reps": reps })
}

#[tokio::test]
async fn resolving_regions_through_entities_costs_a_constant_number_of_statements() {
    let s = common::seeded().await;
    s.counter.reset();
    let few = s.run_with(ENTITY_QUERY, region_reps(3)).await;
    let statements_for_3 = s.counter.count();
    assert_eq!(few["data"]["_entities"].as_array().map(Vec::len), Some(3));

    s.counter.reset();
    let many = s.run_with(ENTITY_QUERY, region_reps(60)).await;
    let statements_for_60 = s.counter.count();
    assert_eq!(many["data"]["_entities"].as_array().map(Vec::len), Some(60));
    assert_eq!(many.get("errors"), None);

    // One batch each, whatever the machine's load: the regions, their parents, their children
    // (the kit's loaders batch by the query's levels, not by a time window).
    assert_eq!(
        (statements_for_3, statements_for_60),
        (3, 3),
        "{:#?}",
        s.counter.statements()
    );
}

#[tokio::test]
async fn entities_resolve_regions_and_null_for_unknown_codes() {
    let s = common::seeded().await;
    let reps = json!({ "reps": [
        { "__typename": "Region", "code": "510100" },
        { "__typename": "Region", "code": "510199" },
        { "__typename": "Region", "code": "510104001002" }
    ] });
    assert_eq!(
        s.run_with(ENTITY_QUERY, reps).await,
        json!({ "data": { "_entities": [
            { "code": "510100", "name": "成都市", "level": "CITY", "parent": null, "children": [
                { "code": "510104" }, { "code": "510105" }, { "code": "510106" }, { "code": "510107" },
                { "code": "510108" }, { "code": "510112" }, { "code": "510113" }, { "code": "510114" },
                { "code": "510115" }, { "code": "510116" }, { "code": "510117" }, { "code": "510118" },
                { "code": "510121" }, { "code": "510129" }, { "code": "510131" }, { "code": "510181" },
                { "code": "510182" }, { "code": "510183" }, { "code": "510184" }, { "code": "510185" }
            ] },
            null,
            { "code": "510104001002", "name": "清水社区", "level": "COMMUNITY",
              "parent": { "code": "510104001", "name": "书院街道" }, "children": [] }
        ] } })
    );
}
