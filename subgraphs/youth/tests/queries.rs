//! Whole responses on the seeded demo data (SQLite by default; PostgreSQL when
//! DATABASE_URL is set): lists with filters and pages, region figures, entities.

mod common;

use quntuan_kit::testing::error_response;
use serde_json::json;

#[tokio::test]
async fn region_figures_count_the_region_and_everything_below_it() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "Region", code: "510100"}, {__typename: "Region", code: "510104"}, {__typename: "Region", code: "510104003"}, {__typename: "Region", code: "510104003001"}, {__typename: "Region", code: "999"}]) { ... on Region { code youth { branchCount memberCount volunteerCount serviceHours youthHomeCount activityCount activityParticipantCount socialWorkerCount awardCount } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "_entities": [
                    {
                        "code": "510100",
                        "youth": {
                            "branchCount": 80,
                            "memberCount": 5280,
                            "volunteerCount": 200,
                            "serviceHours": 660.5,
                            "youthHomeCount": 12,
                            "activityCount": 40,
                            "activityParticipantCount": 6571,
                            "socialWorkerCount": 10,
                            "awardCount": 4
                        }
                    },
                    {
                        "code": "510104",
                        "youth": {
                            "branchCount": 2,
                            "memberCount": 125,
                            "volunteerCount": 7,
                            "serviceHours": 22.0,
                            "youthHomeCount": 1,
                            "activityCount": 1,
                            "activityParticipantCount": 157,
                            "socialWorkerCount": 0,
                            "awardCount": 0
                        }
                    },
                    {
                        "code": "510104003",
                        "youth": {
                            "branchCount": 2,
                            "memberCount": 125,
                            "volunteerCount": 6,
                            "serviceHours": 18.0,
                            "youthHomeCount": 0,
                            "activityCount": 1,
                            "activityParticipantCount": 157,
                            "socialWorkerCount": 0,
                            "awardCount": 0
                        }
                    },
                    {
                        "code": "510104003001",
                        "youth": {
                            "branchCount": 1,
                            "memberCount": 115,
                            "volunteerCount": 3,
                            "serviceHours": 6.0,
                            "youthHomeCount": 0,
                            "activityCount": 1,
                            "activityParticipantCount": 157,
                            "socialWorkerCount": 0,
                            "awardCount": 0
                        }
                    },
                    {
                        "code": "999",
                        "youth": {
                            "branchCount": 0,
                            "memberCount": 0,
                            "volunteerCount": 0,
                            "serviceHours": 0.0,
                            "youthHomeCount": 0,
                            "activityCount": 0,
                            "activityParticipantCount": 0,
                            "socialWorkerCount": 0,
                            "awardCount": 0
                        }
                    }
                ]
            }
        })
    );
}

#[tokio::test]
async fn branches_can_be_filtered_by_region() {
    let f = common::seeded().await;
    let query = r#"{ youthBranches(filter: {regionCode: "510104"}) { totalCount items { id name kind memberCount foundedOn region { code } volunteerCount } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "youthBranches": {
                    "totalCount": 2,
                    "items": [
                        {
                            "id": "youth-unit-000016",
                            "name": "成都浣花农业有限公司团委",
                            "kind": "团委",
                            "memberCount": 115,
                            "foundedOn": "2020-06-02",
                            "region": {
                                "code": "510104003001"
                            },
                            "volunteerCount": 2
                        },
                        {
                            "id": "youth-unit-000078",
                            "name": "成都浣花机械有限公司团支部",
                            "kind": "团支部",
                            "memberCount": 10,
                            "foundedOn": "2019-01-30",
                            "region": {
                                "code": "510104003002"
                            },
                            "volunteerCount": 2
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn branches_can_be_filtered_by_kind_and_paged() {
    let f = common::seeded().await;
    let query = r#"{ youthBranches(filter: {kind: "团委"}, limit: 2, offset: 1) { totalCount items { id name } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "youthBranches": {
                    "totalCount": 6,
                    "items": [
                        {
                            "id": "youth-unit-000013",
                            "name": "永安社区团委"
                        },
                        {
                            "id": "youth-unit-000016",
                            "name": "成都浣花农业有限公司团委"
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn branches_can_be_searched_by_name() {
    let f = common::seeded().await;
    let query = r#"{ youthBranches(filter: {nameContains: "浣花", regionCode: "510104003"}) { totalCount items { id name } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "youthBranches": {
                    "totalCount": 2,
                    "items": [
                        {
                            "id": "youth-unit-000016",
                            "name": "成都浣花农业有限公司团委"
                        },
                        {
                            "id": "youth-unit-000078",
                            "name": "成都浣花机械有限公司团支部"
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn homes_list_with_their_venue() {
    let f = common::seeded().await;
    let query = r#"{ youthHomes(limit: 3) { totalCount items { id name partner openedOn region { code } serviceCenter { id } activities { id title } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "youthHomes": {
                    "totalCount": 12,
                    "items": [
                        {
                            "id": "youth-home-0001",
                            "name": "三圣社区青年之家",
                            "partner": "成都文翁机械有限公司",
                            "openedOn": "2020-02-06",
                            "region": {
                                "code": "510131002001"
                            },
                            "serviceCenter": {
                                "id": "sc-510131002"
                            },
                            "activities": []
                        },
                        {
                            "id": "youth-home-0002",
                            "name": "鹭岛社区青年之家",
                            "partner": "成都新川食品有限公司",
                            "openedOn": "2020-09-07",
                            "region": {
                                "code": "510183001001"
                            },
                            "serviceCenter": {
                                "id": "sc-510183001"
                            },
                            "activities": []
                        },
                        {
                            "id": "youth-home-0003",
                            "name": "长青社区青年之家",
                            "partner": "成都熊猫餐饮有限公司",
                            "openedOn": "2022-02-23",
                            "region": {
                                "code": "510104002002"
                            },
                            "serviceCenter": null,
                            "activities": []
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn activities_can_be_filtered_by_scene_and_date() {
    let f = common::seeded().await;
    let query = r#"{ youthActivities(filter: {kind: "读书会", heldFrom: "2024-01-01", heldTo: "2024-12-31"}) { totalCount items { id title kind heldOn participantCount region { code } youthHome { id } serviceCenter { id } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "youthActivities": {
                    "totalCount": 3,
                    "items": [
                        {
                            "id": "youth-act-000002",
                            "title": "公平街道青年读书会",
                            "kind": "读书会",
                            "heldOn": "2024-12-28",
                            "participantCount": 213,
                            "region": {
                                "code": "510116001001"
                            },
                            "youthHome": null,
                            "serviceCenter": null
                        },
                        {
                            "id": "youth-act-000010",
                            "title": "城厢街道青年读书会",
                            "kind": "读书会",
                            "heldOn": "2024-01-06",
                            "participantCount": 157,
                            "region": {
                                "code": "510104003001"
                            },
                            "youthHome": null,
                            "serviceCenter": null
                        },
                        {
                            "id": "youth-act-000014",
                            "title": "柏合街道青年读书会",
                            "kind": "读书会",
                            "heldOn": "2024-11-08",
                            "participantCount": 212,
                            "region": {
                                "code": "510105002001"
                            },
                            "youthHome": null,
                            "serviceCenter": null
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn social_workers_are_served_to_an_officer() {
    let f = common::seeded().await;
    let query = r#"{ youthSocialWorkers(filter: {specialty: "青少年心理"}, limit: 2) { totalCount items { id name idNumber phone specialty hiredOn region { code } serviceCenter { id } } } }"#;
    let response = f.run(common::officer(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "youthSocialWorkers": {
                    "totalCount": 3,
                    "items": [
                        {
                            "id": "youth-worker-0002",
                            "name": "吴英",
                            "idNumber": "510129198705046477",
                            "phone": "18965860495",
                            "specialty": "青少年心理",
                            "hiredOn": "2015-06-03",
                            "region": {
                                "code": "510129001"
                            },
                            "serviceCenter": null
                        },
                        {
                            "id": "youth-worker-0003",
                            "name": "高静俊",
                            "idNumber": "51011719910920823X",
                            "phone": "18061077256",
                            "specialty": "青少年心理",
                            "hiredOn": "2017-09-07",
                            "region": {
                                "code": "510117001"
                            },
                            "serviceCenter": null
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn awards_can_be_filtered_by_year() {
    let f = common::seeded().await;
    let query = r#"{ youthAwards(filter: {year: 2020}) { totalCount items { id title recipientUnit recipientPerson year region { code } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "youthAwards": {
                    "totalCount": 2,
                    "items": [
                        {
                            "id": "youth-award-0003",
                            "title": "成都市五四红旗团组织",
                            "recipientUnit": "成都少陵食品有限公司团委",
                            "recipientPerson": null,
                            "year": 2020,
                            "region": {
                                "code": "510181002002"
                            }
                        },
                        {
                            "id": "youth-award-0004",
                            "title": "成都市五四红旗团组织",
                            "recipientUnit": "成都蓉欧信息技术有限公司团委",
                            "recipientPerson": null,
                            "year": 2020,
                            "region": {
                                "code": "510113003001"
                            }
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn service_logs_can_be_filtered_by_date() {
    let f = common::seeded().await;
    let query = r#"{ youthServiceLogs(filter: {servedFrom: "2025-06-01", regionCode: "510104"}) { totalCount items { id servedOn hours description volunteer { id registeredOn } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "youthServiceLogs": {
                    "totalCount": 1,
                    "items": [
                        {
                            "id": "youth-log-0000163",
                            "servedOn": "2025-11-15",
                            "hours": 2.0,
                            "description": "社区环境整治",
                            "volunteer": {
                                "id": "youth-volunteer-0000109",
                                "registeredOn": "2017-10-06"
                            }
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn volunteers_of_a_branch() {
    let f = common::seeded().await;
    let query = r#"{ youthVolunteers(filter: {branchId: "youth-unit-000016"}) { totalCount items { id registeredOn region { code } branch { id } serviceHours serviceLogs { id servedOn hours } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "youthVolunteers": {
                    "totalCount": 2,
                    "items": [
                        {
                            "id": "youth-volunteer-0000030",
                            "registeredOn": "2017-05-14",
                            "region": {
                                "code": "510104003001"
                            },
                            "branch": {
                                "id": "youth-unit-000016"
                            },
                            "serviceHours": 3.0,
                            "serviceLogs": [
                                {
                                    "id": "youth-log-0000036",
                                    "servedOn": "2021-07-21",
                                    "hours": 2.0
                                },
                                {
                                    "id": "youth-log-0000037",
                                    "servedOn": "2022-11-25",
                                    "hours": 1.0
                                }
                            ]
                        },
                        {
                            "id": "youth-volunteer-0000053",
                            "registeredOn": "2023-08-22",
                            "region": {
                                "code": "510104003001"
                            },
                            "branch": {
                                "id": "youth-unit-000016"
                            },
                            "serviceHours": 2.0,
                            "serviceLogs": [
                                {
                                    "id": "youth-log-0000073",
                                    "servedOn": "2024-01-11",
                                    "hours": 2.0
                                }
                            ]
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn directory_entities_resolve_by_id() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "YouthBranch", id: "youth-unit-000003"}, {__typename: "YouthActivity", id: "youth-act-000002"}, {__typename: "YouthAward", id: "youth-award-0001"}, {__typename: "YouthHome", id: "youth-home-0002"}, {__typename: "YouthSocialWorker", id: "youth-worker-0002"}, {__typename: "YouthVolunteer", id: "youth-volunteer-0000030"}, {__typename: "YouthServiceLog", id: "youth-log-0000001"}]) { __typename ... on YouthBranch { id name kind region { code } } ... on YouthActivity { id title kind } ... on YouthAward { id title year } ... on YouthHome { id name } ... on YouthSocialWorker { id specialty } ... on YouthVolunteer { id registeredOn } ... on YouthServiceLog { id hours } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "_entities": [
                    {
                        "__typename": "YouthBranch",
                        "id": "youth-unit-000003",
                        "name": "成都杜鹃机械有限公司团支部",
                        "kind": "团支部",
                        "region": {
                            "code": "510105001001"
                        }
                    },
                    {
                        "__typename": "YouthActivity",
                        "id": "youth-act-000002",
                        "title": "公平街道青年读书会",
                        "kind": "读书会"
                    },
                    {
                        "__typename": "YouthAward",
                        "id": "youth-award-0001",
                        "title": "成都市五四红旗团组织",
                        "year": 2021
                    },
                    {
                        "__typename": "YouthHome",
                        "id": "youth-home-0002",
                        "name": "鹭岛社区青年之家"
                    },
                    {
                        "__typename": "YouthSocialWorker",
                        "id": "youth-worker-0002",
                        "specialty": "青少年心理"
                    },
                    {
                        "__typename": "YouthVolunteer",
                        "id": "youth-volunteer-0000030",
                        "registeredOn": "2017-05-14"
                    },
                    {
                        "__typename": "YouthServiceLog",
                        "id": "youth-log-0000001",
                        "hours": 1.0
                    }
                ]
            }
        })
    );
}

#[tokio::test]
async fn service_center_lists_what_the_league_runs_there() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "ServiceCenter", id: "sc-510131002"}, {__typename: "ServiceCenter", id: "sc-510181002"}, {__typename: "ServiceCenter", id: "sc-510100"}]) { ... on ServiceCenter { id youth { youthHomes { id name } activities { id title } socialWorkers { id specialty } } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "_entities": [
                    {
                        "id": "sc-510131002",
                        "youth": {
                            "youthHomes": [
                                {
                                    "id": "youth-home-0001",
                                    "name": "三圣社区青年之家"
                                }
                            ],
                            "activities": [],
                            "socialWorkers": []
                        }
                    },
                    {
                        "id": "sc-510181002",
                        "youth": {
                            "youthHomes": [],
                            "activities": [],
                            "socialWorkers": [
                                {
                                    "id": "youth-worker-0001",
                                    "specialty": "就业创业"
                                },
                                {
                                    "id": "youth-worker-0005",
                                    "specialty": "困境儿童"
                                }
                            ]
                        }
                    },
                    {
                        "id": "sc-510100",
                        "youth": {
                            "youthHomes": [],
                            "activities": [],
                            "socialWorkers": []
                        }
                    }
                ]
            }
        })
    );
}

#[tokio::test]
async fn unknown_region_code_is_a_bad_input() {
    let f = common::seeded().await;
    let query = r#"{ youthBranches(filter: {regionCode: "123"}) { totalCount } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        error_response(
            "BAD_USER_INPUT",
            "`regionCode` `123` is not a division code of Chengdu: expected 510100, a county code (6 digits), a street code (9) or a community code (12)",
            "youthBranches"
        )
    );
}

#[tokio::test]
async fn limit_out_of_range_is_a_bad_input() {
    let f = common::seeded().await;
    let query = r#"{ youthActivities(limit: 500) { totalCount } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        error_response(
            "BAD_USER_INPUT",
            "`limit` must be between 1 and 100, got 500",
            "youthActivities"
        )
    );
}

#[tokio::test]
async fn unknown_entity_id_is_not_found() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "YouthBranch", id: "youth-unit-999999"}]) { ... on YouthBranch { id } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        error_response(
            "NOT_FOUND",
            "no league branch with id `youth-unit-999999`",
            "_entities"
        )
    );
}
