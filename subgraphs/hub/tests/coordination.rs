//! Joint meetings and joint projects.

mod common;

use serde_json::json;

#[tokio::test]
async fn meetings_follow_the_monthly_quarterly_annual_rhythm() {
    let s = common::seeded().await;
    let response = s
        .run("{ all: jointMeetings(limit: 1) { totalCount } monthly: jointMeetings(cadence: MONTHLY, limit: 1) { totalCount } quarterly: jointMeetings(cadence: QUARTERLY, limit: 1) { totalCount } annual: jointMeetings(cadence: ANNUAL) { totalCount items { title } } }")
        .await;
    assert_eq!(
        response,
        json!({ "data": {
            "all": { "totalCount": 17 },
            "monthly": { "totalCount": 12 },
            "quarterly": { "totalCount": 4 },
            "annual": { "totalCount": 1, "items": [{ "title": "2025年度大群团工作研讨会" }] }
        } })
    );
}

#[tokio::test]
async fn meetings_filter_by_date_newest_first() {
    let s = common::seeded().await;
    let response = s
        .run(r#"{ jointMeetings(from: "2025-12-01", to: "2025-12-31") { totalCount items { id title cadence heldOn agenda region { name } hostCenter { id } } } }"#)
        .await;
    let city = json!({ "name": "成都市" });
    let host = json!({ "id": "sc-510100" });
    assert_eq!(
        response,
        json!({ "data": { "jointMeetings": { "totalCount": 3, "items": [
            { "id": "jm-510100-2025-q4", "title": "成都市2025年第4季度群团改革项目推进会", "cadence": "QUARTERLY",
              "heldOn": "2025-12-28", "agenda": "研究群团改革项目推进中的难点问题", "region": city, "hostCenter": host },
            { "id": "jm-510100-2025-m12", "title": "成都市2025年12月群团工作例会", "cadence": "MONTHLY",
              "heldOn": "2025-12-22", "agenda": "通报各群团组织重点工作进展，协调阵地共建共享", "region": city, "hostCenter": host },
            { "id": "jm-510100-2025-a", "title": "2025年度大群团工作研讨会", "cadence": "ANNUAL",
              "heldOn": "2025-12-18", "agenda": "总结全年大群团工作，研讨下一年度改革重点", "region": city, "hostCenter": host }
        ] } } })
    );
}

#[tokio::test]
async fn meeting_filters_are_validated() {
    let s = common::seeded().await;
    let bad = |message: &str| {
        json!({ "data": null, "errors": [{
            "message": message,
            "locations": [{ "line": 1, "column": 3 }],
            "path": ["jointMeetings"],
            "extensions": { "code": "BAD_USER_INPUT" }
        }] })
    };
    assert_eq!(
        s.run(r#"{ jointMeetings(regionCode: "510104001") { totalCount } }"#)
            .await,
        bad(
            "joint meetings are held by the city (510100) or a district; `regionCode` `510104001` is neither"
        )
    );
    assert_eq!(
        s.run(r#"{ jointMeetings(from: "2025-02-01", to: "2025-01-01") { totalCount } }"#)
            .await,
        bad("`from` (2025-02-01) is after `to` (2025-01-01)")
    );
}

#[tokio::test]
async fn projects_list_organisations_and_departments() {
    let s = common::seeded().await;
    let response = s
        .run("{ jointProjects(organization: SCIENCE) { totalCount items { id name status leadOrganization organizations departments } } }")
        .await;
    assert_eq!(
        response,
        json!({ "data": { "jointProjects": { "totalCount": 3, "items": [
            { "id": "jp-05", "name": "青年友好城市建设行动", "status": "COMPLETED", "leadOrganization": "YOUTH",
              "organizations": ["SCIENCE", "UNIONS", "YOUTH"], "departments": ["市农业农村局", "市发展改革委", "市司法局"] },
            { "id": "jp-06", "name": "青少年心理健康护航行动", "status": "PLANNED", "leadOrganization": "YOUTH",
              "organizations": ["SCIENCE", "UNIONS", "YOUTH"], "departments": ["市农业农村局", "市教育局"] },
            { "id": "jp-07", "name": "青年志愿服务提质行动", "status": "PLANNED", "leadOrganization": "YOUTH",
              "organizations": ["SCIENCE", "UNIONS", "WOMEN", "YOUTH"], "departments": ["市商务局", "市妇儿工委办", "市委网信办", "市科技局"] }
        ] } } })
    );
    let response = s.run(r#"{ jointProjects(department: "市委组织部") { totalCount items { id departments } } jointProject(id: "jp-02") { name region { name } } }"#).await;
    assert_eq!(
        response,
        json!({ "data": {
            "jointProjects": { "totalCount": 1, "items": [{ "id": "jp-01", "departments": ["市住建局", "市委组织部", "市委网信办"] }] },
            "jointProject": { "name": "职工技能提升行动", "region": { "name": "金牛区" } }
        } })
    );
}

#[tokio::test]
async fn demo_projects_involve_sixteen_departments() {
    let s = common::seeded().await;
    let response = s.run("{ jointProjectDepartments }").await;
    assert_eq!(
        response,
        json!({ "data": { "jointProjectDepartments": [
            "市住建局", "市体育局", "市农业农村局", "市发展改革委", "市司法局", "市商务局", "市妇儿工委办", "市委宣传部",
            "市委社治委", "市委组织部", "市委网信办", "市教育局", "市文广旅局", "市科技局", "市经信局", "市退役军人局"
        ] } })
    );
}
