//! `volunteerRegistered`: an event after each committed registration, none for one refused
//! inside its transaction, filtered by region; personal fields keep their scope.

mod common;

use async_graphql::Executor;
use futures::{FutureExt, Stream, StreamExt};
use quntuan_kit::Caller;
use quntuan_kit::testing::{self, next_event};
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

/// Subscribes as `caller` and polls once, so the subscription is on the bus before the
/// test's mutations run.
fn subscribe(
    schema: &impl Executor,
    caller: Caller,
    region: Option<&str>,
) -> impl Stream<Item = async_graphql::Response> + Unpin {
    testing::subscribe(schema, SUBSCRIBE, json!({ "region": region }), caller)
}

#[tokio::test]
async fn a_subscriber_gets_each_committed_registration_and_nothing_for_a_refused_one() {
    let f = common::seeded().await;
    let mut events = subscribe(&f.schema, common::officer(), Some("510104"));

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
    tokio::task::yield_now().await;
    assert!(
        events.next().now_or_never().is_none(),
        "nothing after refused writes"
    );
}

#[tokio::test]
async fn a_subscriber_outside_the_region_or_without_the_scope_sees_accordingly() {
    let f = common::seeded().await;
    let mut elsewhere = subscribe(&f.schema, common::officer(), Some("510105"));
    let mut anonymous = subscribe(&f.schema, common::anonymous(), None);
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
