//! Whole responses on the seeded demo data (SQLite by default; PostgreSQL when
//! DATABASE_URL is set): lists with filters and pages, region figures, entities.

mod common;

use quntuan_kit::testing::error_response;
use serde_json::json;

#[tokio::test]
async fn region_figures_count_the_region_and_everything_below_it() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "Region", code: "510100"}, {__typename: "Region", code: "510104"}, {__typename: "Region", code: "510104003"}, {__typename: "Region", code: "510104003001"}]) { ... on Region { code disability { organizationCount organizationMemberCount workerCount registeredPersonCount serviceCount serviceBeneficiaryCount awardCount } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "_entities": [
                    {
                        "code": "510100",
                        "disability": {
                            "organizationCount": 40,
                            "organizationMemberCount": 1747,
                            "workerCount": 30,
                            "registeredPersonCount": 150,
                            "serviceCount": 15,
                            "serviceBeneficiaryCount": 2430,
                            "awardCount": 3
                        }
                    },
                    {
                        "code": "510104",
                        "disability": {
                            "organizationCount": 3,
                            "organizationMemberCount": 119,
                            "workerCount": 1,
                            "registeredPersonCount": 11,
                            "serviceCount": 0,
                            "serviceBeneficiaryCount": 0,
                            "awardCount": 0
                        }
                    },
                    {
                        "code": "510104003",
                        "disability": {
                            "organizationCount": 2,
                            "organizationMemberCount": 68,
                            "workerCount": 1,
                            "registeredPersonCount": 1,
                            "serviceCount": 0,
                            "serviceBeneficiaryCount": 0,
                            "awardCount": 0
                        }
                    },
                    {
                        "code": "510104003001",
                        "disability": {
                            "organizationCount": 1,
                            "organizationMemberCount": 9,
                            "workerCount": 0,
                            "registeredPersonCount": 1,
                            "serviceCount": 0,
                            "serviceBeneficiaryCount": 0,
                            "awardCount": 0
                        }
                    }
                ]
            }
        })
    );
}

#[tokio::test]
async fn organizations_list_with_workers_and_registry_counts() {
    let f = common::seeded().await;
    let query = r#"{ disabilityOrganizations(limit: 3) { totalCount items { id name kind organization regionCode streetCode districtCode region { code } foundedOn memberCount registeredPersonCount workers { id role } activities { id title } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabilityOrganizations": {
                    "totalCount": 40,
                    "items": [
                        {
                            "id": "disability-unit-000001",
                            "name": "天彭街道新华社区残疾人协会",
                            "kind": "社区（村）残疾人协会",
                            "organization": "DISABILITY",
                            "regionCode": "510107002001",
                            "streetCode": "510107002",
                            "districtCode": "510107",
                            "region": {
                                "code": "510107002001"
                            },
                            "foundedOn": "2001-01-30",
                            "memberCount": 10,
                            "registeredPersonCount": 0,
                            "workers": [],
                            "activities": []
                        },
                        {
                            "id": "disability-unit-000002",
                            "name": "少城街道麒麟村残疾人协会",
                            "kind": "社区（村）残疾人协会",
                            "organization": "DISABILITY",
                            "regionCode": "510129001002",
                            "streetCode": "510129001",
                            "districtCode": "510129",
                            "region": {
                                "code": "510129001002"
                            },
                            "foundedOn": "1989-05-03",
                            "memberCount": 28,
                            "registeredPersonCount": 0,
                            "workers": [
                                {
                                    "id": "disability-worker-00016",
                                    "role": "兼职"
                                }
                            ],
                            "activities": []
                        },
                        {
                            "id": "disability-unit-000003",
                            "name": "天彭街道银杏社区残疾人协会",
                            "kind": "社区（村）残疾人协会",
                            "organization": "DISABILITY",
                            "regionCode": "510107002002",
                            "streetCode": "510107002",
                            "districtCode": "510107",
                            "region": {
                                "code": "510107002002"
                            },
                            "foundedOn": "1991-12-10",
                            "memberCount": 48,
                            "registeredPersonCount": 0,
                            "workers": [
                                {
                                    "id": "disability-worker-00026",
                                    "role": "兼职"
                                }
                            ],
                            "activities": []
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn organizations_can_be_filtered_by_kind() {
    let f = common::seeded().await;
    let query = r#"{ disabilityOrganizations(filter: {kind: "专门协会"}) { totalCount items { id name districtCode } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabilityOrganizations": {
                    "totalCount": 6,
                    "items": [
                        {
                            "id": "disability-unit-000014",
                            "name": "青白江区精神残疾人及亲友协会",
                            "districtCode": "510113"
                        },
                        {
                            "id": "disability-unit-000019",
                            "name": "郫都区精神残疾人及亲友协会",
                            "districtCode": "510117"
                        },
                        {
                            "id": "disability-unit-000022",
                            "name": "双流区精神残疾人及亲友协会",
                            "districtCode": "510116"
                        },
                        {
                            "id": "disability-unit-000027",
                            "name": "新都区肢残人协会",
                            "districtCode": "510114"
                        },
                        {
                            "id": "disability-unit-000035",
                            "name": "成华区盲人协会",
                            "districtCode": "510108"
                        },
                        {
                            "id": "disability-unit-000040",
                            "name": "新津区智力残疾人及亲友协会",
                            "districtCode": "510118"
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn organizations_can_be_filtered_by_region_and_name() {
    let f = common::seeded().await;
    let query = r#"{ disabilityOrganizations(filter: {regionCode: "510104", nameContains: "残疾人协会"}) { totalCount items { id name regionCode } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabilityOrganizations": {
                    "totalCount": 3,
                    "items": [
                        {
                            "id": "disability-unit-000018",
                            "name": "城厢街道玉兰社区残疾人协会",
                            "regionCode": "510104003001"
                        },
                        {
                            "id": "disability-unit-000036",
                            "name": "普兴街道石桥社区残疾人协会",
                            "regionCode": "510104002001"
                        },
                        {
                            "id": "disability-unit-000037",
                            "name": "城厢街道乐业社区残疾人协会",
                            "regionCode": "510104003002"
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn workers_are_served_to_an_officer() {
    let f = common::seeded().await;
    let query = r#"{ disabilityWorkers(filter: {role: "专职"}, limit: 3) { totalCount items { id name idNumber phone role hiredOn region { code } organizationUnit { id } serviceCenter { id } } } }"#;
    let response = f.run(common::officer(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabilityWorkers": {
                    "totalCount": 8,
                    "items": [
                        {
                            "id": "disability-worker-00002",
                            "name": "冯锦",
                            "idNumber": "510106198405120001",
                            "phone": "13608370578",
                            "role": "专职",
                            "hiredOn": "2024-04-16",
                            "region": {
                                "code": "510106001001"
                            },
                            "serviceCenter": {
                                "id": "sc-510106001"
                            },
                            "organizationUnit": {
                                "id": "disability-unit-000025"
                            }
                        },
                        {
                            "id": "disability-worker-00005",
                            "name": "王锦",
                            "idNumber": "510105199505197311",
                            "phone": "13862888825",
                            "role": "专职",
                            "hiredOn": "2017-07-06",
                            "region": {
                                "code": "510105001"
                            },
                            "organizationUnit": null,
                            "serviceCenter": null
                        },
                        {
                            "id": "disability-worker-00006",
                            "name": "徐萍嘉",
                            "idNumber": "510113200012077077",
                            "phone": "13605182457",
                            "role": "专职",
                            "hiredOn": "2012-09-29",
                            "region": {
                                "code": "510113001001"
                            },
                            "serviceCenter": null,
                            "organizationUnit": {
                                "id": "disability-unit-000014"
                            }
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn the_registry_lists_public_fields_to_anyone() {
    let f = common::seeded().await;
    let query = r#"{ disabledPersons(filter: {regionCode: "510104"}) { totalCount items { id registeredOn region { code } organizationUnit { id name } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabledPersons": {
                    "totalCount": 11,
                    "items": [
                        {
                            "id": "disability-person-0000015",
                            "registeredOn": "2014-06-15",
                            "region": {
                                "code": "510104001002"
                            },
                            "organizationUnit": null
                        },
                        {
                            "id": "disability-person-0000037",
                            "registeredOn": "2008-08-04",
                            "region": {
                                "code": "510104002001"
                            },
                            "organizationUnit": {
                                "id": "disability-unit-000036",
                                "name": "普兴街道石桥社区残疾人协会"
                            }
                        },
                        {
                            "id": "disability-person-0000048",
                            "registeredOn": "2009-09-24",
                            "region": {
                                "code": "510104002001"
                            },
                            "organizationUnit": null
                        },
                        {
                            "id": "disability-person-0000072",
                            "registeredOn": "2018-04-05",
                            "region": {
                                "code": "510104002001"
                            },
                            "organizationUnit": {
                                "id": "disability-unit-000036",
                                "name": "普兴街道石桥社区残疾人协会"
                            }
                        },
                        {
                            "id": "disability-person-0000084",
                            "registeredOn": "2013-01-18",
                            "region": {
                                "code": "510104002002"
                            },
                            "organizationUnit": null
                        },
                        {
                            "id": "disability-person-0000086",
                            "registeredOn": "2022-08-21",
                            "region": {
                                "code": "510104002001"
                            },
                            "organizationUnit": {
                                "id": "disability-unit-000036",
                                "name": "普兴街道石桥社区残疾人协会"
                            }
                        },
                        {
                            "id": "disability-person-0000109",
                            "registeredOn": "2020-12-12",
                            "region": {
                                "code": "510104003001"
                            },
                            "organizationUnit": null
                        },
                        {
                            "id": "disability-person-0000123",
                            "registeredOn": "2021-07-09",
                            "region": {
                                "code": "510104002002"
                            },
                            "organizationUnit": null
                        },
                        {
                            "id": "disability-person-0000140",
                            "registeredOn": "2018-05-12",
                            "region": {
                                "code": "510104001001"
                            },
                            "organizationUnit": null
                        },
                        {
                            "id": "disability-person-0000141",
                            "registeredOn": "2024-01-21",
                            "region": {
                                "code": "510104001001"
                            },
                            "organizationUnit": null
                        },
                        {
                            "id": "disability-person-0000142",
                            "registeredOn": "2008-01-15",
                            "region": {
                                "code": "510104001001"
                            },
                            "organizationUnit": null
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn case_workers_read_the_whole_record() {
    let f = common::seeded().await;
    let query = r#"{ disabledPersons(filter: {regionCode: "510104"}, limit: 3) { totalCount items { id name idNumber phone category grade registeredOn } } }"#;
    let response = f.run(common::case_worker(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabledPersons": {
                    "totalCount": 11,
                    "items": [
                        {
                            "id": "disability-person-0000015",
                            "name": "赵晨杰",
                            "idNumber": "510104201006084631",
                            "phone": "13668833001",
                            "category": "HEARING",
                            "grade": 4,
                            "registeredOn": "2014-06-15"
                        },
                        {
                            "id": "disability-person-0000037",
                            "name": "韩婷萍",
                            "idNumber": "510104199805266466",
                            "phone": "18070416756",
                            "category": "VISUAL",
                            "grade": 4,
                            "registeredOn": "2008-08-04"
                        },
                        {
                            "id": "disability-person-0000048",
                            "name": "黄宇",
                            "idNumber": "510104196404131110",
                            "phone": "15947023270",
                            "category": "MENTAL",
                            "grade": 4,
                            "registeredOn": "2009-09-24"
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn the_registry_can_be_filtered_by_category_with_the_scope() {
    let f = common::seeded().await;
    let query = r#"{ disabledPersons(filter: {category: MENTAL}, limit: 2, offset: 1) { totalCount items { id category grade region { code } } } }"#;
    let response = f.run(common::case_worker(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabledPersons": {
                    "totalCount": 28,
                    "items": [
                        {
                            "id": "disability-person-0000010",
                            "category": "MENTAL",
                            "grade": 3,
                            "region": {
                                "code": "510129001002"
                            }
                        },
                        {
                            "id": "disability-person-0000019",
                            "category": "MENTAL",
                            "grade": 3,
                            "region": {
                                "code": "510131003002"
                            }
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn the_registry_can_be_filtered_by_grade_with_the_scope() {
    let f = common::seeded().await;
    let query = r#"{ disabledPersons(filter: {grade: 1}, limit: 3) { totalCount items { id category grade } } }"#;
    let response = f.run(common::case_worker(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabledPersons": {
                    "totalCount": 13,
                    "items": [
                        {
                            "id": "disability-person-0000005",
                            "category": "MENTAL",
                            "grade": 1
                        },
                        {
                            "id": "disability-person-0000008",
                            "category": "HEARING",
                            "grade": 1
                        },
                        {
                            "id": "disability-person-0000025",
                            "category": "HEARING",
                            "grade": 1
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn activities_can_be_filtered_by_kind() {
    let f = common::seeded().await;
    let query = r#"{ disabilityActivities(filter: {kind: "康复指导"}) { totalCount items { id title kind organization heldOn participantCount region { code } organizationUnit { id } serviceCenter { id } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabilityActivities": {
                    "totalCount": 2,
                    "items": [
                        {
                            "id": "disability-act-000008",
                            "title": "幸福社区康复指导",
                            "kind": "康复指导",
                            "organization": "DISABILITY",
                            "heldOn": "2024-03-05",
                            "participantCount": 285,
                            "region": {
                                "code": "510182002001"
                            },
                            "serviceCenter": null,
                            "organizationUnit": {
                                "id": "disability-unit-000021"
                            }
                        },
                        {
                            "id": "disability-act-000009",
                            "title": "清水社区康复指导",
                            "kind": "康复指导",
                            "organization": "DISABILITY",
                            "heldOn": "2023-05-07",
                            "participantCount": 50,
                            "region": {
                                "code": "510117002001"
                            },
                            "organizationUnit": null,
                            "serviceCenter": {
                                "id": "sc-510117002"
                            }
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
    let query = r#"{ disabilityAwards(filter: {year: 2022}) { totalCount items { id title recipientUnit recipientPerson year region { code } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "disabilityAwards": {
                    "totalCount": 1,
                    "items": [
                        {
                            "id": "disability-award-0001",
                            "title": "成都市助残先进集体",
                            "recipientUnit": "九江镇月牙村",
                            "recipientPerson": null,
                            "year": 2022,
                            "region": {
                                "code": "510129003002"
                            }
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
    let query = r#"{ _entities(representations: [{__typename: "DisabilityOrganization", id: "disability-unit-000003"}, {__typename: "DisabilityActivity", id: "disability-act-000002"}, {__typename: "DisabilityAward", id: "disability-award-0001"}, {__typename: "DisabilityWorker", id: "disability-worker-00002"}, {__typename: "DisabledPerson", id: "disability-person-0000005"}]) { __typename ... on DisabilityOrganization { id name kind } ... on DisabilityActivity { id title kind } ... on DisabilityAward { id title year } ... on DisabilityWorker { id role } ... on DisabledPerson { id registeredOn } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "_entities": [
                    {
                        "__typename": "DisabilityOrganization",
                        "id": "disability-unit-000003",
                        "name": "天彭街道银杏社区残疾人协会",
                        "kind": "社区（村）残疾人协会"
                    },
                    {
                        "__typename": "DisabilityActivity",
                        "id": "disability-act-000002",
                        "title": "黄龙社区就业帮扶",
                        "kind": "就业帮扶"
                    },
                    {
                        "__typename": "DisabilityAward",
                        "id": "disability-award-0001",
                        "title": "成都市助残先进集体",
                        "year": 2022
                    },
                    {
                        "__typename": "DisabilityWorker",
                        "id": "disability-worker-00002",
                        "role": "专职"
                    },
                    {
                        "__typename": "DisabledPerson",
                        "id": "disability-person-0000005",
                        "registeredOn": "2008-05-23"
                    }
                ]
            }
        })
    );
}

#[tokio::test]
async fn service_center_shows_the_disability_service_point() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "ServiceCenter", id: "sc-510106001"}, {__typename: "ServiceCenter", id: "sc-510117002"}]) { ... on ServiceCenter { id disability { workers { id role } activities { id title } } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "_entities": [
                    {
                        "id": "sc-510106001",
                        "disability": {
                            "workers": [
                                {
                                    "id": "disability-worker-00002",
                                    "role": "专职"
                                }
                            ],
                            "activities": []
                        }
                    },
                    {
                        "id": "sc-510117002",
                        "disability": {
                            "workers": [],
                            "activities": [
                                {
                                    "id": "disability-act-000009",
                                    "title": "清水社区康复指导"
                                }
                            ]
                        }
                    }
                ]
            }
        })
    );
}

#[tokio::test]
async fn grade_out_of_range_is_a_bad_input() {
    let f = common::seeded().await;
    let query = r#"{ disabledPersons(filter: {grade: 7}) { totalCount } }"#;
    let response = f.run(common::case_worker(), query, json!({})).await;
    assert_eq!(
        response,
        error_response(
            "BAD_USER_INPUT",
            "`grade` must be between 1 and 4, got 7",
            "disabledPersons"
        )
    );
}

#[tokio::test]
async fn unknown_entity_id_is_not_found() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "DisabledPerson", id: "disability-person-9999999"}]) { ... on DisabledPerson { id } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        error_response(
            "NOT_FOUND",
            "no registered person with id `disability-person-9999999`",
            "_entities"
        )
    );
}
