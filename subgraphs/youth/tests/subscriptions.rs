//! `volunteerRegistered`: an event after each committed registration, none for one refused
//! inside its transaction, filtered by region; personal fields keep their scope.

mod common;

use common::officer;
use quntuan_kit::testing::{
    assert_no_event, assert_write_refused, committed, next_event, subscribe_in_region,
};
use serde_json::{Value, json};

const SUBSCRIBE: &str = "subscription($region: String) { volunteerRegistered(regionCode: $region) { id name region { code } } }";
const REGISTER: &str =
    "mutation($input: RegisterVolunteerInput!) { registerYouthVolunteer(input: $input) { id } }";

fn volunteer(id_number: &str, region: &str, branch: Option<&str>) -> Value {
    json!({ "input": {
        "name": "李青",
        "idNumber": id_number,
        "phone": "13900001111",
        "regionCode": region,
        "branchId": branch,
        "registeredOn": "2024-03-01"
    }})
}

/// Registers the volunteer as an officer; the new id.
async fn register(f: &common::Fixture, id_number: &str, region: &str) -> Value {
    let input = volunteer(id_number, region, None);
    let data = committed(&f.schema, officer(), REGISTER, input).await;
    let id = data["registerYouthVolunteer"]["id"].clone();
    assert!(id.is_string(), "{data}");
    id
}

#[tokio::test]
async fn a_subscriber_gets_each_committed_registration_and_nothing_for_a_refused_one() {
    let f = common::seeded().await;
    let mut events = subscribe_in_region(&f.schema, SUBSCRIBE, officer(), Some("510104"));

    // The branch is looked up inside the transaction: refused, rolled back, no event.
    let unknown_branch = volunteer(
        "11010519491231002X",
        "510104003001",
        Some("youth-unit-999999"),
    );
    assert_write_refused(&f.schema, officer(), REGISTER, unknown_branch, "NOT_FOUND").await;

    let id = register(&f, "11010519491231002X", "510104003001").await;
    assert_eq!(
        next_event(&mut events).await,
        json!({ "data": { "volunteerRegistered": {
            "id": id, "name": "李青", "region": { "code": "510104003001" }
        }}})
    );

    // The same ID number again is a CONFLICT found inside the transaction: no event.
    let again = volunteer("11010519491231002X", "510104003001", None);
    assert_write_refused(&f.schema, officer(), REGISTER, again, "CONFLICT").await;
    assert_no_event(&mut events).await;
    // The event is read from the database, which no number of yields waits for: a later
    // registration is the next event, so the refused ones published none.
    let later_id = register(&f, "110105194912310038", "510104003001").await;
    let event = next_event(&mut events).await;
    assert_eq!(
        event["data"]["volunteerRegistered"]["id"], later_id,
        "{event}"
    );
}

#[tokio::test]
async fn a_subscriber_outside_the_region_or_without_the_scope_sees_accordingly() {
    let f = common::seeded().await;
    let mut elsewhere = subscribe_in_region(&f.schema, SUBSCRIBE, officer(), Some("510105"));
    let mut anonymous = subscribe_in_region(&f.schema, SUBSCRIBE, common::anonymous(), None);
    register(&f, "11010519491231002X", "510104003001").await;
    let id = register(&f, "110105194912310038", "510105001001").await;
    assert_eq!(
        next_event(&mut elsewhere).await["data"]["volunteerRegistered"]["id"],
        id
    );
    let first = next_event(&mut anonymous).await;
    assert_eq!(
        first["data"]["volunteerRegistered"]["name"],
        Value::Null,
        "{first}"
    );
    assert_eq!(
        first["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{first}"
    );
}
