//! The sample subgraph end to end on its own seeded database (SQLite in memory, or a fresh
//! PostgreSQL schema with DATABASE_URL): a filtered page, an entity, the mutation, the
//! summary oracle (summary equals the live aggregate after the seed and after a mutation),
//! and composition with the checked-in schemas of the other subgraphs.

use quntuan_compose::{SubgraphSdl, compose, render_diagnostics};
use quntuan_kit::SubgraphService;
use quntuan_kit::testing::region_summary::assert_summary_is_live;
use quntuan_kit::testing::{Fixture, fixture, officer_of};
use quntuan_sample::service::SUMMARY;
use quntuan_sample::{Sample, SampleSchema, build_schema};
use serde_json::{Value, json};

async fn seeded() -> Fixture<SampleSchema> {
    fixture(&Sample, build_schema).await
}

#[tokio::test]
async fn lists_a_filtered_page_and_finds_a_unit() {
    let seeded = seeded().await;
    let response = seeded
        .run(
            officer_of("sample"),
            r#"{ all: sampleUnits(limit: 1) { totalCount }
                 page: sampleUnits(filter: {kind: "企业组织"}, limit: 2) {
                   totalCount items { id kind } }
                 one: sampleUnit(id: "sample-unit-000001") { id memberCount region { code } }
                 none: sampleUnit(id: "sample-unit-999999") { id } }"#,
            json!({}),
        )
        .await;
    assert_eq!(response["data"]["all"], json!({"totalCount": 40}));
    assert_eq!(response["data"]["none"], Value::Null);
    assert!(response.get("errors").is_none(), "{response}");
}

#[tokio::test]
async fn a_registered_unit_counts_in_its_regions_figures_at_once() {
    let seeded = seeded().await;
    assert_summary_is_live(&seeded.db, &SUMMARY, "after the seed").await;
    let figures = r#"{ _entities(representations: [
        {__typename: "Region", code: "510104001001"}, {__typename: "Region", code: "510100"}]) {
        ... on Region { code sample { unitCount memberCount } } } }"#;
    let before = seeded.run(officer_of("sample"), figures, json!({})).await;
    let registered = seeded
        .run(
            officer_of("sample"),
            r#"mutation($input: RegisterSampleUnitInput!) {
                registerSampleUnit(input: $input) { id name regionCode streetCode districtCode } }"#,
            json!({"input": {"name": " 新单位 ", "kind": "社区组织", "regionCode": "510104001001",
                             "memberCount": 12, "foundedOn": "2025-06-30"}}),
        )
        .await;
    assert_eq!(
        registered,
        json!({"data": {"registerSampleUnit": {"id": "sample-unit-000041", "name": "新单位",
            "regionCode": "510104001001", "streetCode": "510104001", "districtCode": "510104"}}})
    );
    let after = seeded.run(officer_of("sample"), figures, json!({})).await;
    for i in 0..2 {
        let count = |r: &Value, f: &str| r["data"]["_entities"][i]["sample"][f].as_i64();
        assert_eq!(
            count(&after, "unitCount"),
            count(&before, "unitCount").map(|n| n + 1)
        );
        assert_eq!(
            count(&after, "memberCount"),
            count(&before, "memberCount").map(|n| n + 12)
        );
    }
    assert_summary_is_live(&seeded.db, &SUMMARY, "after the registration").await;
}

#[tokio::test]
async fn refuses_bad_input_with_its_code() {
    let seeded = seeded().await;
    let response = seeded
        .run(
            officer_of("sample"),
            r#"mutation { registerSampleUnit(input: {name: "x", kind: "社区组织",
                regionCode: "510104", memberCount: 1, foundedOn: "2020-01-01"}) { id } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        response["errors"][0]["extensions"]["code"],
        json!("BAD_USER_INPUT")
    );
    assert_eq!(
        response["errors"][0]["message"],
        json!(
            "`regionCode` must be a street (9 digits) or community (12 digits) code of Chengdu, got `510104`"
        )
    );
}

#[test]
fn composes_into_the_supergraph_with_the_other_subgraphs() {
    let mut subgraphs = Vec::new();
    for (port, name) in ["hub", "unions", "youth", "women", "science", "disability"]
        .into_iter()
        .enumerate()
    {
        let path = quntuan_kit::sdl::snapshot_path(env!("CARGO_MANIFEST_DIR"), name);
        let sdl = std::fs::read_to_string(&path).expect("the checked-in schema is readable");
        subgraphs.push(SubgraphSdl::new(
            name,
            format!("http://127.0.0.1:{}/graphql", 4001 + port),
            sdl,
        ));
    }
    subgraphs.push(SubgraphSdl::new(
        "sample",
        "http://127.0.0.1:4007/graphql",
        Sample.sdl(),
    ));
    if let Err(diagnostics) = compose(&subgraphs) {
        panic!(
            "the supergraph does not compose:\n{}",
            render_diagnostics(&diagnostics)
        );
    }
}
