//! `volunteerRegistered`: an event after each committed registration, none for one refused
//! inside its transaction, filtered by region; personal fields keep their scope.

mod common;

use quntuan_kit::testing::{assert_no_event, next_event, subscribe_in_region};
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

#[tokio::test]
async fn a_subscriber_gets_each_committed_registration_and_nothing_for_a_refused_one() {
    let f = common::seeded().await;
    let mut events = subscribe_in_region(&f.schema, SUBSCRIBE, common::officer(), Some("510104"));

    // The branch is looked up inside the transaction: refused, rolled back, no event.
    let refused = f
        .run(
            common::officer(),
            REGISTER,
            volunteer(
                "11010519491231002X",
                "510104003001",
                Some("youth-unit-999999"),
            ),
        )
        .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "NOT_FOUND",
        "{refused}"
    );

    let registered = f
        .run(
            common::officer(),
            REGISTER,
            volunteer("11010519491231002X", "510104003001", None),
        )
        .await;
    let id = registered["data"]["registerYouthVolunteer"]["id"].clone();
    assert!(id.is_string(), "{registered}");
    assert_eq!(
        next_event(&mut events).await,
        json!({ "data": { "volunteerRegistered": {
            "id": id, "name": "李青", "region": { "code": "510104003001" }
        }}})
    );

    // The same ID number again is a CONFLICT found inside the transaction: no event.
    let again = f
        .run(
            common::officer(),
            REGISTER,
            volunteer("11010519491231002X", "510104003001", None),
        )
        .await;
    assert_eq!(
        again["errors"][0]["extensions"]["code"], "CONFLICT",
        "{again}"
    );
    assert_no_event(&mut events).await;
    // The event is read from the database, which no number of yields waits for: a later
    // registration is the next event, so the refused ones published none.
    let later = f
        .run(
            common::officer(),
            REGISTER,
            volunteer("110105194912310038", "510104003001", None),
        )
        .await;
    let later_id = later["data"]["registerYouthVolunteer"]["id"].clone();
    assert_eq!(
        next_event(&mut events).await["data"]["volunteerRegistered"]["id"],
        later_id,
        "{later}"
    );
}

#[tokio::test]
async fn a_subscriber_outside_the_region_or_without_the_scope_sees_accordingly() {
    let f = common::seeded().await;
    let mut elsewhere =
        subscribe_in_region(&f.schema, SUBSCRIBE, common::officer(), Some("510105"));
    let mut anonymous = subscribe_in_region(&f.schema, SUBSCRIBE, common::anonymous(), None);
    f.run(
        common::officer(),
        REGISTER,
        volunteer("11010519491231002X", "510104003001", None),
    )
    .await;
    let registered = f
        .run(
            common::officer(),
            REGISTER,
            volunteer("110105194912310038", "510105001001", None),
        )
        .await;
    let id = registered["data"]["registerYouthVolunteer"]["id"].clone();
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
