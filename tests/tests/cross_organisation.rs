//! What the five organisations share, through the gateway: a service centre with what each
//! runs there, one list of every organisation's grassroots units, a labour-dispute case with the
//! union's record and the women's federation's assistance, and mutations.

use quntuan_e2e::{Graph, assert_expected, token};
use serde_json::{Value, json};

fn data(response: &Value) -> &Value {
    assert!(
        response.get("errors").is_none(),
        "unexpected errors: {response}"
    );
    &response["data"]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_service_centre_shows_what_every_organisation_runs_there() {
    let graph = Graph::start().await;
    let query = r#"query Centre($id: ID!) { serviceCenter(id: $id) { id name kind
        unions { disputeCount workersHomes { name } }
        youth { youthHomes { name } }
        women { womensHomes { name } childrensHomes { name } }
        science { activities { title } }
        disability { activities { title } } } }"#;
    let response = graph.query(query, json!({"id": "sc-510104"}), None).await;
    let centre = &data(&response)["serviceCenter"];
    assert_eq!(centre["id"], "sc-510104");
    for organisation in ["unions", "youth", "women", "science", "disability"] {
        assert!(
            centre[organisation].is_object(),
            "{organisation} is missing: {response}"
        );
    }
    let mut response = response;
    response.as_object_mut().map(|o| o.remove("extensions"));
    assert_expected("service_centre", &response);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_list_holds_every_organisations_grassroots_units_in_a_region() {
    let graph = Graph::start().await;
    let query = r#"query Page($offset: Int!) { grassrootsUnits(limit: 100, offset: $offset) { totalCount
        items { __typename id name organization regionCode
        ... on YouthBranch { memberCount }
        ... on GrassrootsUnion { memberCount } } } }"#;
    // Page through the whole list: every organisation's units are in it.
    let mut items: Vec<Value> = Vec::new();
    let mut total = None;
    loop {
        let page = graph
            .query(query, json!({"offset": items.len()}), None)
            .await;
        let units = &data(&page)["grassrootsUnits"];
        total = total.or(units["totalCount"].as_u64());
        let batch = units["items"].as_array().expect("items").clone();
        if batch.is_empty() {
            break;
        }
        items.extend(batch);
    }
    assert_eq!(
        Some(items.len() as u64),
        total,
        "the pages add up to totalCount"
    );
    let units = json!({"totalCount": total});
    let mut organisations: Vec<&str> = items
        .iter()
        .filter_map(|u| u["organization"].as_str())
        .collect();
    organisations.sort_unstable();
    organisations.dedup();
    assert_eq!(
        organisations,
        ["DISABILITY", "SCIENCE", "UNIONS", "WOMEN", "YOUTH"]
    );
    let typenames: Vec<&str> = items
        .iter()
        .filter_map(|u| u["__typename"].as_str())
        .collect();
    assert!(typenames.contains(&"YouthBranch") && typenames.contains(&"GrassrootsUnion"));

    let district = items[0]["regionCode"].as_str().expect("a region code")[..6].to_string();
    let filtered = graph
        .query(
            "query Units($code: String) { grassrootsUnits(regionCode: $code, limit: 100) { totalCount items { regionCode } } }",
            json!({"code": district}),
            None,
        )
        .await;
    let filtered = &data(&filtered)["grassrootsUnits"];
    let in_district = filtered["items"].as_array().expect("items");
    assert!(!in_district.is_empty());
    assert!(in_district.iter().all(|u| {
        u["regionCode"]
            .as_str()
            .unwrap_or_default()
            .starts_with(&district)
    }));
    assert!(filtered["totalCount"].as_i64() < units["totalCount"].as_i64());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_labour_dispute_carries_the_unions_record_and_the_womens_assistance() {
    let graph = Graph::start().await;
    let query = r#"{ laborDisputes(limit: 100) { totalCount items { id caseNumber status category
        rightsAssistance { kind assistedOn } } } }"#;
    let response = graph.query(query, json!({}), None).await;
    let items = data(&response)["laborDisputes"]["items"]
        .as_array()
        .expect("items")
        .clone();
    let assisted: Vec<&Value> = items
        .iter()
        .filter(|d| {
            d["rightsAssistance"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
        })
        .collect();
    assert!(
        !assisted.is_empty(),
        "some seeded cases have the women's federation's assistance"
    );
    let case = assisted[0];
    let single = graph
        .query(
            r#"query Case($id: ID!) { laborDispute(id: $id) { id caseNumber rightsAssistance { kind assistedOn note } } }"#,
            json!({"id": case["id"]}),
            None,
        )
        .await;
    // The note is personal data: without the scope it is null with an authorization error.
    assert_eq!(
        single["data"]["laborDispute"]["caseNumber"],
        case["caseNumber"]
    );
    assert_eq!(
        single["data"]["laborDispute"]["rightsAssistance"][0]["note"],
        Value::Null
    );
    assert_eq!(
        single["errors"][0]["extensions"]["code"],
        "UNAUTHORIZED_FIELD_OR_TYPE"
    );
    let with_scope = graph
        .query(
            r#"query Case($id: ID!) { laborDispute(id: $id) { rightsAssistance { note } } }"#,
            json!({"id": case["id"]}),
            Some(&token("caseworker", "women:personal")),
        )
        .await;
    assert!(
        data(&with_scope)["laborDispute"]["rightsAssistance"][0]["note"].is_string(),
        "{with_scope}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dispute_moves_through_its_workflow_by_mutations_and_an_illegal_step_changes_nothing() {
    let graph = Graph::start().await;
    let received = graph
        .query(
            r#"{ laborDisputes(filter: {status: RECEIVED}, limit: 1) { items { id status } } }"#,
            json!({}),
            None,
        )
        .await;
    let id = data(&received)["laborDisputes"]["items"][0]["id"].clone();
    let step = r#"mutation Step($id: String!, $to: LaborDisputeStatus!) {
        recordLaborDisputeStep(input: {disputeId: $id, toStatus: $to, note: "调解开始"}) { dispute { id status } } }"#;
    let caller = token("mediator-1", "");
    let moved = graph
        .query(step, json!({"id": id, "to": "MEDIATING"}), Some(&caller))
        .await;
    assert_eq!(
        data(&moved)["recordLaborDisputeStep"]["dispute"]["status"],
        "MEDIATING"
    );

    let illegal = graph
        .query(step, json!({"id": id, "to": "RECEIVED"}), Some(&caller))
        .await;
    assert_eq!(
        illegal["errors"][0]["extensions"]["code"], "CONFLICT",
        "{illegal}"
    );
    let after = graph
        .query(
            "query One($id: ID!) { laborDispute(id: $id) { status } }",
            json!({"id": id}),
            None,
        )
        .await;
    assert_eq!(data(&after)["laborDispute"]["status"], "MEDIATING");
}
