//! Mutations: valid input is written in one transaction and answered in full; rejected
//! input answers a typed error (`extensions.code`) and changes nothing.

mod common;

// Each written in full, with the figures before and after (one row more in each count).
quntuan_kit::fixture_folder_test!(registering_a_volunteer_writes_one_row_and_counts_it, on common::seeded().await.schema);
quntuan_kit::fixture_folder_test!(logging_hours_adds_to_the_volunteer_and_the_region, on common::seeded().await.schema);
quntuan_kit::fixture_folder_test!(recording_an_activity_writes_it_and_counts_it, on common::seeded().await.schema);

use quntuan_kit::testing::{Refusal, assert_refusals_change_nothing};
use serde_json::{Value, json};

const COUNTS: &str = r#"{ youthVolunteers { totalCount } youthServiceLogs { totalCount } youthActivities { totalCount } _entities(representations: [{__typename: "Region", code: "510104"}]) { ... on Region { youth { volunteerCount serviceHours activityCount } } } }"#;

const REGISTER: &str = "mutation($input: RegisterVolunteerInput!) { registerYouthVolunteer(input: $input) { id name idNumber phone registeredOn region { code } branch { id } serviceHours } }";
const LOG: &str = "mutation($input: LogServiceHoursInput!)    { logYouthServiceHours(input: $input) { id servedOn hours description region { code } volunteer { id serviceHours } } }";
const RECORD: &str = "mutation($input: RecordActivityInput!)     { recordYouthActivity(input: $input) { id title kind heldOn participantCount region { code } youthHome { id } serviceCenter { id } } }";

fn volunteer(id_number: &str, phone: &str, branch: Option<&str>) -> Value {
    json!({ "input": {
        "name": " 李青 ",
        "idNumber": id_number,
        "phone": phone,
        "regionCode": "510104003001",
        "branchId": branch,
        "registeredOn": "2024-03-01"
    }})
}

#[tokio::test]
async fn rejected_registrations_change_nothing() {
    let f = common::seeded().await;
    let refused = |id_number, phone, branch, code, message| {
        let variables = volunteer(id_number, phone, branch);
        Refusal::new(common::officer(), variables, code, message)
    };
    assert_refusals_change_nothing(&f.schema, REGISTER, [
        // The ID number of the seeded volunteer 30.
        refused(
            "510104199207310834",
            "13900001111",
            None,
            "CONFLICT",
            "a volunteer with this `idNumber` is already registered",
        ),
        refused(
            "110105194912310021",
            "13900001111",
            None,
            "BAD_USER_INPUT",
            "`idNumber` must be an 18-character resident ID number with a valid check character",
        ),
        refused(
            "11010519491231002X",
            "12345",
            None,
            "BAD_USER_INPUT",
            "`phone` must be an 11-digit mobile number starting with 1",
        ),
        refused(
            "11010519491231002X",
            "13900001111",
            Some("youth-unit-099999"),
            "NOT_FOUND",
            "no league branch with id `youth-unit-099999`",
        ),
    ], COUNTS)
    .await;
}

fn hours(volunteer: &str, served_on: &str, hours: f64) -> Value {
    json!({ "input": {
        "volunteerId": volunteer,
        "servedOn": served_on,
        "hours": hours,
        "description": "社区环境整治"
    }})
}

#[tokio::test]
async fn rejected_hour_logs_change_nothing() {
    let f = common::seeded().await;
    let refused = |volunteer, served_on, logged, code, message| {
        let variables = hours(volunteer, served_on, logged);
        Refusal::new(common::anonymous(), variables, code, message)
    };
    assert_refusals_change_nothing(
        &f.schema,
        LOG,
        [
            refused(
                "youth-volunteer-0000030",
                "2025-01-05",
                0.0,
                "BAD_USER_INPUT",
                "`hours` must be more than 0 and at most 24, got 0",
            ),
            refused(
                "youth-volunteer-0000030",
                "2025-01-05",
                25.0,
                "BAD_USER_INPUT",
                "`hours` must be more than 0 and at most 24, got 25",
            ),
            // The message names today's date, as the real clock gives it.
            Refusal::starting_with(
                common::anonymous(),
                hours("youth-volunteer-0000030", "2999-01-05", 2.0),
                "BAD_USER_INPUT",
                "`servedOn` must not be in the future",
            ),
            refused(
                "youth-volunteer-0000030",
                "2016-01-05",
                2.0,
                "BAD_USER_INPUT",
                "`servedOn` (2016-01-05) is before the volunteer registered (2017-05-14)",
            ),
            refused(
                "youth-volunteer-0099999",
                "2025-01-05",
                2.0,
                "NOT_FOUND",
                "no volunteer with id `youth-volunteer-0099999`",
            ),
            refused(
                "youth-unit-000001",
                "2025-01-05",
                2.0,
                "BAD_USER_INPUT",
                "`volunteerId` is not a volunteer id: `youth-unit-000001`",
            ),
        ],
        COUNTS,
    )
    .await;
}

fn activity(kind: &str, participants: i64, home: Option<&str>) -> Value {
    json!({ "input": {
        "title": "玉林街道青年读书会",
        "kind": kind,
        "heldOn": "2025-04-23",
        "participantCount": participants,
        "regionCode": "510104003",
        "youthHomeId": home,
        "serviceCenterId": "sc-510104003"
    }})
}

#[tokio::test]
async fn rejected_activities_change_nothing() {
    let f = common::seeded().await;
    let refused = |kind, participants, home, code, message| {
        let variables = activity(kind, participants, home);
        Refusal::new(common::anonymous(), variables, code, message)
    };
    assert_refusals_change_nothing(&f.schema, RECORD, [
        refused(
            "打麻将",
            30,
            None,
            "BAD_USER_INPUT",
            "`kind` must be one of 青年交友, 城市漫步, 读书会, 运动社交, 音乐市集, 志愿服务, got `打麻将`",
        ),
        refused(
            "读书会",
            0,
            None,
            "BAD_USER_INPUT",
            "`participantCount` must be between 1 and 100000, got 0",
        ),
        refused(
            "读书会",
            30,
            Some("youth-home-0999"),
            "NOT_FOUND",
            "no youth home with id `youth-home-0999`",
        ),
    ], COUNTS)
    .await;
}
