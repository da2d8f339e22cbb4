//! Concurrent writes all commit: 8 clients x 10 mutations each through the schema, on a
//! database many connections share (a SQLite file, or PostgreSQL when DATABASE_URL is
//! set). Every valid write commits exactly once, the deliberate duplicate (one ID number
//! registered by every client at once) commits once and is otherwise refused with
//! `CONFLICT`, and the summary equals the live aggregate afterwards.

use std::collections::BTreeSet;

use quntuan_kit::region::CITY_CODE;
use quntuan_kit::testing::region_summary::{figure_changes, plus_rows};
use quntuan_kit::testing::{
    WRITES, answered_ids, assert_committed, assert_one_client_won, clients_writing,
    execute_as_client, ids_above, resident_id_number, shared_seeded_database,
};
use serde_json::{Value, json};

use super::summary_tests::{assert_summary_is_exact, table_counts};
use crate::graphql::{YouthSchema, build_schema};

/// A community of district 510104, where the new volunteers and activities land.
const COMMUNITY: &str = "510104003001";
/// A seeded volunteer every client logs hours for.
const SHARED_VOLUNTEER: &str = "youth-volunteer-0000001";

const REGISTER: &str =
    "mutation($input: RegisterVolunteerInput!) { registerYouthVolunteer(input: $input) { id } }";
const LOG: &str =
    "mutation($input: LogServiceHoursInput!) { logYouthServiceHours(input: $input) { id } }";
const RECORD: &str =
    "mutation($input: RecordActivityInput!) { recordYouthActivity(input: $input) { id } }";

fn volunteer(id_number: &str) -> Value {
    json!({"input": {
        "name": "李青", "idNumber": id_number, "phone": "13900001111",
        "regionCode": COMMUNITY, "registeredOn": "2024-03-01"
    }})
}

/// Client `client`'s write `n`: four new volunteers, two logs of 2 hours for the shared
/// volunteer, three activities, then everyone registers the same ID number (n = 9).
async fn write(schema: YouthSchema, client: usize, n: usize) -> Value {
    match n {
        0..4 => {
            let id_number = resident_id_number((client * WRITES + n) as u32);
            execute_as_client(&schema, client, REGISTER, volunteer(&id_number)).await
        }
        4..6 => {
            let log = json!({"input": {
                "volunteerId": SHARED_VOLUNTEER, "servedOn": "2025-06-01", "hours": 2.0,
                "description": "社区服务"
            }});
            execute_as_client(&schema, client, LOG, log).await
        }
        6..9 => {
            let activity = json!({"input": {
                "title": "周末读书会", "kind": "读书会", "heldOn": "2025-05-01",
                "participantCount": 37, "regionCode": COMMUNITY
            }});
            execute_as_client(&schema, client, RECORD, activity).await
        }
        _ => execute_as_client(&schema, client, REGISTER, volunteer("11010519491231002X")).await,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_clients_commit_every_valid_write_exactly_once() {
    let shared = shared_seeded_database(&crate::Youth).await;
    let db = shared.db.clone();
    let schema = build_schema(db.clone());
    let before = assert_summary_is_exact(&db, &[]).await;
    let counts_before = table_counts(&db).await;

    let results = clients_writing(&schema, write).await;

    assert_committed(&results, 0..9);
    let duplicate = "CONFLICT: a volunteer with this `idNumber` is already registered";
    assert_one_client_won(&results, 9, duplicate);

    // 200 seeded volunteers, then 32 distinct ones and the shared ID number once: the ids
    // answered are exactly the new rows. (Not necessarily 201 to 233: on PostgreSQL an
    // insert refused by the unique index still used up a value of the id sequence.)
    let volunteers: BTreeSet<String> = ids_above(&db, "youth_volunteers", 200)
        .await
        .into_iter()
        .map(|id| crate::ids::VOLUNTEER.format(id))
        .collect();
    assert_eq!(volunteers.len(), 33);
    assert_eq!(answered_ids(&results, "registerYouthVolunteer"), volunteers);
    assert_eq!(answered_ids(&results, "logYouthServiceHours").len(), 16);
    assert_eq!(answered_ids(&results, "recordYouthActivity").len(), 24);

    // Nothing else changed: 33 volunteers, 16 logs and 24 activities more.
    let added = [
        ("youth_volunteers", 33),
        ("youth_service_logs", 16),
        ("youth_activities", 24),
    ];
    let expected = plus_rows(&counts_before, &added);
    assert_eq!(table_counts(&db).await, expected);
    let after = assert_summary_is_exact(&db, &[]).await;
    let delta = figure_changes(&after[CITY_CODE], &before[CITY_CODE]);
    // branches, members, volunteers, minutes (16 x 120), homes, activities, participants
    // (24 x 37), social workers, awards.
    assert_eq!(delta, vec![0, 0, 33, 1920, 0, 24, 888, 0, 0]);
}
