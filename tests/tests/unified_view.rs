//! The unified query view through the real gateway to the real subgraphs, on seeded demo data.
//! Run `UPDATE_EXPECTED=1 cargo test -p quntuan-e2e` to rewrite tests/expected after a
//! deliberate change to the seed data, then review the diff.

use quntuan_e2e::{Graph, assert_expected};
use serde_json::{Value, json};

/// The front-end contract: field names here may be extended, never renamed.
const DASHBOARD: &str = "{ regions(level: DISTRICT) { code name
  unions { grassrootsUnionCount workersHomeCount }
  youth { branchCount volunteerCount youthHomeCount }
  women { organizationCount womensHomeCount childrensHomeCount }
  science { associationCount workstationCount }
  disability { organizationCount workerCount } } }";

fn without_extensions(mut response: Value) -> Value {
    if let Some(object) = response.as_object_mut() {
        object.remove("extensions");
    }
    response
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_lists_every_district_with_each_organisations_figures() {
    let graph = Graph::start().await;
    let response = graph.query(DASHBOARD, json!({}), None).await;
    assert!(response.get("errors").is_none(), "{response}");
    let regions = response["data"]["regions"]
        .as_array()
        .expect("a list of regions");
    assert_eq!(
        regions.len(),
        20,
        "the 20 county-level divisions of Chengdu"
    );
    assert_eq!(regions[0]["code"], "510104");
    assert_eq!(regions[0]["name"], "锦江区");
    assert_expected("dashboard", &without_extensions(response.clone()));

    // The plan: one fetch to hub, then one batched fetch per organisation, all in parallel.
    let plan = &response["extensions"]["queryPlan"]["object"]["node"];
    assert_eq!(plan["kind"], "Sequence", "{plan}");
    assert_eq!(plan["nodes"][0]["kind"], "Fetch");
    assert_eq!(plan["nodes"][0]["serviceName"], "hub");
    let parallel = &plan["nodes"][1];
    assert_eq!(parallel["kind"], "Parallel", "{plan}");
    let mut services: Vec<&str> = parallel["nodes"]
        .as_array()
        .expect("parallel nodes")
        .iter()
        .map(|node| {
            assert_eq!(node["kind"], "Flatten");
            node["node"]["serviceName"].as_str().expect("a fetch")
        })
        .collect();
    services.sort_unstable();
    assert_eq!(
        services,
        ["disability", "science", "unions", "women", "youth"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_district_drills_down_to_streets_and_communities_with_the_same_figures() {
    let graph = Graph::start().await;
    let query = r#"{ region(code: "510104") { code name level
        youth { branchCount volunteerCount }
        children { code name level unions { grassrootsUnionCount } youth { branchCount }
          children { code name level youth { branchCount } } } } }"#;
    let response = graph.query(query, json!({}), None).await;
    assert!(response.get("errors").is_none(), "{response}");
    let district = &response["data"]["region"];
    assert_eq!(district["level"], "DISTRICT");
    // A district's figure counts everything below it: the sum over its streets.
    let streets = district["children"].as_array().expect("streets");
    assert!(!streets.is_empty());
    let sum: i64 = streets
        .iter()
        .map(|s| s["youth"]["branchCount"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(district["youth"]["branchCount"].as_i64(), Some(sum));
    assert_expected("drill_down", &without_extensions(response));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_subgraph_leaves_the_others_data_and_an_error_naming_it() {
    let mut graph = Graph::start().await;
    graph.kill("science");
    let response = graph.query(DASHBOARD, json!({}), None).await;
    let regions = response["data"]["regions"]
        .as_array()
        .expect("hub still answers");
    assert_eq!(regions.len(), 20);
    assert!(
        regions[0]["youth"]["branchCount"].is_number(),
        "youth still answers: {response}"
    );
    let errors = response["errors"].as_array().expect("an error for science");
    assert!(
        errors
            .iter()
            .any(|e| e["extensions"]["serviceName"] == "science"),
        "{response}"
    );
}
