//! Whole responses on the seeded demo data (SQLite by default; PostgreSQL when
//! DATABASE_URL is set): lists with filters and pages, region figures, entities.

mod common;

use quntuan_kit::testing::error_response;
use serde_json::json;

#[tokio::test]
async fn region_figures_count_the_region_and_everything_below_it() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "Region", code: "510100"}, {__typename: "Region", code: "510104"}, {__typename: "Region", code: "510104003"}, {__typename: "Region", code: "510116001001"}, {__typename: "Region", code: "x"}]) { ... on Region { code science { associationCount associationMemberCount workstationCount academicianWorkstationCount activityCount activityParticipantCount awardCount } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "_entities": [
                    {
                        "code": "510100",
                        "science": {
                            "associationCount": 12,
                            "associationMemberCount": 1794,
                            "workstationCount": 6,
                            "academicianWorkstationCount": 1,
                            "activityCount": 15,
                            "activityParticipantCount": 2007,
                            "awardCount": 3
                        }
                    },
                    {
                        "code": "510104",
                        "science": {
                            "associationCount": 0,
                            "associationMemberCount": 0,
                            "workstationCount": 1,
                            "academicianWorkstationCount": 0,
                            "activityCount": 1,
                            "activityParticipantCount": 68,
                            "awardCount": 0
                        }
                    },
                    {
                        "code": "510104003",
                        "science": {
                            "associationCount": 0,
                            "associationMemberCount": 0,
                            "workstationCount": 0,
                            "academicianWorkstationCount": 0,
                            "activityCount": 0,
                            "activityParticipantCount": 0,
                            "awardCount": 0
                        }
                    },
                    {
                        "code": "510116001001",
                        "science": {
                            "associationCount": 0,
                            "associationMemberCount": 0,
                            "workstationCount": 0,
                            "academicianWorkstationCount": 0,
                            "activityCount": 0,
                            "activityParticipantCount": 0,
                            "awardCount": 0
                        }
                    },
                    {
                        "code": "x",
                        "science": {
                            "associationCount": 0,
                            "associationMemberCount": 0,
                            "workstationCount": 0,
                            "academicianWorkstationCount": 0,
                            "activityCount": 0,
                            "activityParticipantCount": 0,
                            "awardCount": 0
                        }
                    }
                ]
            }
        })
    );
}

#[tokio::test]
async fn associations_list_with_their_activities() {
    let f = common::seeded().await;
    let query = r#"{ scienceAssociations(limit: 4) { totalCount items { id name kind organization regionCode streetCode districtCode region { code } foundedOn memberCount industry activities { id title } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "scienceAssociations": {
                    "totalCount": 12,
                    "items": [
                        {
                            "id": "science-unit-000001",
                            "name": "成都蜀都餐饮有限公司科学技术协会",
                            "kind": "企业科协",
                            "organization": "SCIENCE",
                            "regionCode": "510185003002",
                            "streetCode": "510185003",
                            "districtCode": "510185",
                            "region": {
                                "code": "510185003002"
                            },
                            "foundedOn": "2003-05-16",
                            "memberCount": 59,
                            "industry": "智能制造",
                            "activities": [
                                {
                                    "id": "science-act-000010",
                                    "title": "红星村科普进社区"
                                }
                            ]
                        },
                        {
                            "id": "science-unit-000002",
                            "name": "成都川西科技有限公司科学技术协会",
                            "kind": "企业科协",
                            "organization": "SCIENCE",
                            "regionCode": "510181001002",
                            "streetCode": "510181001",
                            "districtCode": "510181",
                            "region": {
                                "code": "510181001002"
                            },
                            "foundedOn": "2003-12-13",
                            "memberCount": 246,
                            "industry": "新材料",
                            "activities": []
                        },
                        {
                            "id": "science-unit-000003",
                            "name": "成都金沙商贸有限公司科学技术协会",
                            "kind": "企业科协",
                            "organization": "SCIENCE",
                            "regionCode": "510108001001",
                            "streetCode": "510108001",
                            "districtCode": "510108",
                            "region": {
                                "code": "510108001001"
                            },
                            "foundedOn": "1985-09-27",
                            "memberCount": 204,
                            "industry": "现代农业",
                            "activities": [
                                {
                                    "id": "science-act-000008",
                                    "title": "新华社区科普进社区"
                                }
                            ]
                        },
                        {
                            "id": "science-unit-000004",
                            "name": "成都都江农业有限公司科学技术协会",
                            "kind": "企业科协",
                            "organization": "SCIENCE",
                            "regionCode": "510114001001",
                            "streetCode": "510114001",
                            "districtCode": "510114",
                            "region": {
                                "code": "510114001001"
                            },
                            "foundedOn": "2023-11-21",
                            "memberCount": 17,
                            "industry": "智能制造",
                            "activities": []
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn associations_can_be_filtered_by_kind_and_region() {
    let f = common::seeded().await;
    let query = r#"{ scienceAssociations(filter: {kind: "事业单位科协"}) { totalCount items { id name kind districtCode } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "scienceAssociations": {
                    "totalCount": 3,
                    "items": [
                        {
                            "id": "science-unit-000006",
                            "name": "崇州市人民医院科学技术协会",
                            "kind": "事业单位科协",
                            "districtCode": "510184"
                        },
                        {
                            "id": "science-unit-000008",
                            "name": "武侯区职业技术学院科学技术协会",
                            "kind": "事业单位科协",
                            "districtCode": "510107"
                        },
                        {
                            "id": "science-unit-000011",
                            "name": "新都区中医医院科学技术协会",
                            "kind": "事业单位科协",
                            "districtCode": "510114"
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn associations_can_be_filtered_by_industry_and_name() {
    let f = common::seeded().await;
    let query = r#"{ scienceAssociations(filter: {industry: "生物医药", nameContains: "有限公司"}, limit: 3, offset: 0) { totalCount items { id name industry } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "scienceAssociations": {
                    "totalCount": 3,
                    "items": [
                        {
                            "id": "science-unit-000005",
                            "name": "成都青城环保有限公司科学技术协会",
                            "industry": "生物医药"
                        },
                        {
                            "id": "science-unit-000007",
                            "name": "成都望丛食品有限公司科学技术协会",
                            "industry": "生物医药"
                        },
                        {
                            "id": "science-unit-000010",
                            "name": "成都蓉欧汽车配件有限公司科学技术协会",
                            "industry": "生物医药"
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn workstations_are_served_to_an_officer() {
    let f = common::seeded().await;
    let query = r#"{ scienceWorkstations { totalCount items { id name kind hostUnit field leadExpert expertPhone establishedOn region { code } } } }"#;
    let response = f.run(common::officer(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "scienceWorkstations": {
                    "totalCount": 6,
                    "items": [
                        {
                            "id": "science-station-0001",
                            "name": "成都蜀锦汽车配件有限公司专家工作站",
                            "kind": "专家工作站",
                            "hostUnit": "成都蜀锦汽车配件有限公司",
                            "field": "电子信息",
                            "leadExpert": "吴娟梅",
                            "expertPhone": "13567749009",
                            "establishedOn": "2019-11-28",
                            "region": {
                                "code": "510121003001"
                            }
                        },
                        {
                            "id": "science-station-0002",
                            "name": "成都天鹅餐饮有限公司专家工作站",
                            "kind": "专家工作站",
                            "hostUnit": "成都天鹅餐饮有限公司",
                            "field": "绿色低碳",
                            "leadExpert": "蒋杰",
                            "expertPhone": "18019924666",
                            "establishedOn": "2023-02-17",
                            "region": {
                                "code": "510104001001"
                            }
                        },
                        {
                            "id": "science-station-0003",
                            "name": "成都银杏文化传媒有限公司专家工作站",
                            "kind": "专家工作站",
                            "hostUnit": "成都银杏文化传媒有限公司",
                            "field": "电子信息",
                            "leadExpert": "宋秀超",
                            "expertPhone": "15817999960",
                            "establishedOn": "2023-06-29",
                            "region": {
                                "code": "510131002002"
                            }
                        },
                        {
                            "id": "science-station-0004",
                            "name": "成都蜀都物流有限公司院士工作站",
                            "kind": "院士工作站",
                            "hostUnit": "成都蜀都物流有限公司",
                            "field": "绿色低碳",
                            "leadExpert": "高艳强",
                            "expertPhone": "13937906481",
                            "establishedOn": "2023-06-24",
                            "region": {
                                "code": "510129002002"
                            }
                        },
                        {
                            "id": "science-station-0005",
                            "name": "成都锦城机械有限公司专家工作站",
                            "kind": "专家工作站",
                            "hostUnit": "成都锦城机械有限公司",
                            "field": "新材料",
                            "leadExpert": "马嘉",
                            "expertPhone": "15835603161",
                            "establishedOn": "2012-04-30",
                            "region": {
                                "code": "510129003001"
                            }
                        },
                        {
                            "id": "science-station-0006",
                            "name": "成都西岭食品有限公司专家工作站",
                            "kind": "专家工作站",
                            "hostUnit": "成都西岭食品有限公司",
                            "field": "新材料",
                            "leadExpert": "彭桂",
                            "expertPhone": "13624439930",
                            "establishedOn": "2016-11-03",
                            "region": {
                                "code": "510131002002"
                            }
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn workstations_can_be_filtered_by_kind() {
    let f = common::seeded().await;
    let query = r#"{ scienceWorkstations(filter: {kind: "院士工作站"}) { totalCount items { id name kind } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "scienceWorkstations": {
                    "totalCount": 1,
                    "items": [
                        {
                            "id": "science-station-0004",
                            "name": "成都蜀都物流有限公司院士工作站",
                            "kind": "院士工作站"
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn activities_can_be_filtered_by_kind_and_date() {
    let f = common::seeded().await;
    let query = r#"{ scienceActivities(filter: {kind: "科普讲座", heldFrom: "2023-01-01", heldTo: "2025-12-31"}) { totalCount items { id title kind organization heldOn participantCount region { code } association { id name } serviceCenter { id } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "scienceActivities": {
                    "totalCount": 2,
                    "items": [
                        {
                            "id": "science-act-000003",
                            "title": "凤凰社区科普讲座",
                            "kind": "科普讲座",
                            "organization": "SCIENCE",
                            "heldOn": "2024-02-12",
                            "participantCount": 32,
                            "region": {
                                "code": "510181001001"
                            },
                            "association": null,
                            "serviceCenter": null
                        },
                        {
                            "id": "science-act-000004",
                            "title": "锦苑社区科普讲座",
                            "kind": "科普讲座",
                            "organization": "SCIENCE",
                            "heldOn": "2024-09-19",
                            "participantCount": 113,
                            "region": {
                                "code": "510115003001"
                            },
                            "association": null,
                            "serviceCenter": null
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn activities_can_be_paged() {
    let f = common::seeded().await;
    let query = r#"{ scienceActivities(limit: 5, offset: 10) { totalCount items { id title } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "scienceActivities": {
                    "totalCount": 15,
                    "items": [
                        {
                            "id": "science-act-000011",
                            "title": "翠竹社区科普进社区"
                        },
                        {
                            "id": "science-act-000012",
                            "title": "双河社区科普进社区"
                        },
                        {
                            "id": "science-act-000013",
                            "title": "石桥社区青少年科创营"
                        },
                        {
                            "id": "science-act-000014",
                            "title": "锦苑村科普进社区"
                        },
                        {
                            "id": "science-act-000015",
                            "title": "龙井社区科普进社区"
                        }
                    ]
                }
            }
        })
    );
}

#[tokio::test]
async fn awards_hide_the_person_from_anonymous_callers() {
    let f = common::seeded().await;
    let query = r#"{ scienceAwards { totalCount items { id title recipientUnit recipientPerson year region { code } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "scienceAwards": {
                    "totalCount": 3,
                    "items": [
                        {
                            "id": "science-award-0001",
                            "title": "成都最美科技工作者",
                            "recipientUnit": "成都邛窑机械有限公司",
                            "recipientPerson": null,
                            "year": 2022,
                            "region": {
                                "code": "510183002001"
                            }
                        },
                        {
                            "id": "science-award-0002",
                            "title": "成都最美科技工作者",
                            "recipientUnit": "成都川西软件有限公司",
                            "recipientPerson": null,
                            "year": 2023,
                            "region": {
                                "code": "510106001002"
                            }
                        },
                        {
                            "id": "science-award-0003",
                            "title": "成都最美科技工作者",
                            "recipientUnit": "成都银杏医药有限公司",
                            "recipientPerson": null,
                            "year": 2023,
                            "region": {
                                "code": "510182001001"
                            }
                        }
                    ]
                }
            },
            "errors": [
                {
                    "message": "`ScienceAward.recipientPerson` requires the scope `science:personal`",
                    "locations": [
                        {
                            "line": 1,
                            "column": 61
                        }
                    ],
                    "path": [
                        "scienceAwards",
                        "items",
                        0,
                        "recipientPerson"
                    ],
                    "extensions": {
                        "code": "FORBIDDEN"
                    }
                },
                {
                    "message": "`ScienceAward.recipientPerson` requires the scope `science:personal`",
                    "locations": [
                        {
                            "line": 1,
                            "column": 61
                        }
                    ],
                    "path": [
                        "scienceAwards",
                        "items",
                        1,
                        "recipientPerson"
                    ],
                    "extensions": {
                        "code": "FORBIDDEN"
                    }
                },
                {
                    "message": "`ScienceAward.recipientPerson` requires the scope `science:personal`",
                    "locations": [
                        {
                            "line": 1,
                            "column": 61
                        }
                    ],
                    "path": [
                        "scienceAwards",
                        "items",
                        2,
                        "recipientPerson"
                    ],
                    "extensions": {
                        "code": "FORBIDDEN"
                    }
                }
            ]
        })
    );
}

#[tokio::test]
async fn awards_show_the_person_to_an_officer() {
    let f = common::seeded().await;
    let query = r#"{ scienceAwards(filter: {year: 2023}) { totalCount items { id recipientUnit recipientPerson year } } }"#;
    let response = f.run(common::officer(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "scienceAwards": {
                    "totalCount": 2,
                    "items": [
                        {
                            "id": "science-award-0002",
                            "recipientUnit": "成都川西软件有限公司",
                            "recipientPerson": "彭琳英",
                            "year": 2023
                        },
                        {
                            "id": "science-award-0003",
                            "recipientUnit": "成都银杏医药有限公司",
                            "recipientPerson": "于兰",
                            "year": 2023
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
    let query = r#"{ _entities(representations: [{__typename: "ScienceAssociation", id: "science-unit-000003"}, {__typename: "ScienceActivity", id: "science-act-000002"}, {__typename: "ScienceAward", id: "science-award-0001"}, {__typename: "ScienceWorkstation", id: "science-station-0002"}]) { __typename ... on ScienceAssociation { id name kind } ... on ScienceActivity { id title kind } ... on ScienceAward { id title year } ... on ScienceWorkstation { id name } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "_entities": [
                    {
                        "__typename": "ScienceAssociation",
                        "id": "science-unit-000003",
                        "name": "成都金沙商贸有限公司科学技术协会",
                        "kind": "企业科协"
                    },
                    {
                        "__typename": "ScienceActivity",
                        "id": "science-act-000002",
                        "title": "春晓社区科技周展览",
                        "kind": "科技周展览"
                    },
                    {
                        "__typename": "ScienceAward",
                        "id": "science-award-0001",
                        "title": "成都最美科技工作者",
                        "year": 2022
                    },
                    {
                        "__typename": "ScienceWorkstation",
                        "id": "science-station-0002",
                        "name": "成都天鹅餐饮有限公司专家工作站"
                    }
                ]
            }
        })
    );
}

#[tokio::test]
async fn service_center_lists_the_activities_held_there() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "ServiceCenter", id: "sc-510105003"}, {__typename: "ServiceCenter", id: "sc-510100"}]) { ... on ServiceCenter { id science { activities { id title heldOn } } } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": {
                "_entities": [
                    {
                        "id": "sc-510105003",
                        "science": {
                            "activities": [
                                {
                                    "id": "science-act-000002",
                                    "title": "春晓社区科技周展览",
                                    "heldOn": "2025-03-30"
                                }
                            ]
                        }
                    },
                    {
                        "id": "sc-510100",
                        "science": {
                            "activities": []
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
    let query = r#"{ scienceActivities(filter: {regionCode: "5101"}) { totalCount } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        error_response(
            "BAD_USER_INPUT",
            "`regionCode` `5101` is not a division code of Chengdu: expected 510100, a county code (6 digits), a street code (9) or a community code (12)",
            "scienceActivities"
        )
    );
}

#[tokio::test]
async fn unknown_entity_id_is_not_found() {
    let f = common::seeded().await;
    let query = r#"{ _entities(representations: [{__typename: "ScienceAward", id: "science-award-0099"}]) { ... on ScienceAward { id } } }"#;
    let response = f.run(common::anonymous(), query, json!({})).await;
    assert_eq!(
        response,
        error_response(
            "NOT_FOUND",
            "no science award with id `science-award-0099`",
            "_entities"
        )
    );
}
