//! The hub served over HTTP by `Hub.router`: health, POST and GET /graphql, bearer tokens.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use quntuan_hub::Hub;
use quntuan_kit::{Progress, Scale, SubgraphService, test_database};
use serde_json::{Value, json};
use tower::ServiceExt;

async fn app() -> Result<axum::Router, Box<dyn std::error::Error>> {
    let db = test_database().await;
    Hub.migrate(&db).await?;
    Hub.seed(&db, Scale::Demo, &Progress::hidden()).await?;
    Ok(Hub.router(db))
}

async fn body(response: axum::response::Response) -> Result<String, Box<dyn std::error::Error>> {
    Ok(String::from_utf8(
        response.into_body().collect().await?.to_bytes().to_vec(),
    )?)
}

#[tokio::test]
async fn serves_health_and_graphql() -> Result<(), Box<dyn std::error::Error>> {
    let app = app().await?;
    let health = app
        .clone()
        .oneshot(Request::get("/health").body(Body::empty())?)
        .await?;
    assert_eq!(health.status(), StatusCode::OK);

    let post = Request::post("/graphql")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({ "query": r#"{ region(code: "510185") { name level } }"# }).to_string(),
        ))?;
    let response = app.clone().oneshot(post).await?;
    assert_eq!(response.status(), StatusCode::OK);
    let value: Value = serde_json::from_str(&body(response).await?)?;
    assert_eq!(
        value,
        json!({ "data": { "region": { "name": "简阳市", "level": "DISTRICT" } } })
    );

    let get = Request::get("/graphql?query=%7BjointProjects(limit%3A1)%7BtotalCount%7D%7D")
        .body(Body::empty())?;
    let value: Value = serde_json::from_str(&body(app.clone().oneshot(get).await?).await?)?;
    assert_eq!(
        value,
        json!({ "data": { "jointProjects": { "totalCount": 8 } } })
    );
    Ok(())
}

#[tokio::test]
async fn a_bearer_token_unlocks_award_recipients() -> Result<(), Box<dyn std::error::Error>> {
    let app = app().await?;
    let secret = std::env::var(quntuan_kit::auth::JWT_SECRET_ENV)
        .unwrap_or_else(|_| quntuan_kit::auth::DEFAULT_JWT_SECRET.to_string());
    let token = quntuan_kit::auth::issue_token(&secret, "officer-7", &["unions:personal"], 60)?;
    let post = Request::post("/graphql")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::from(
            json!({ "query": r#"{ awards(organization: UNIONS, limit: 1, offset: 3) { items { id recipientPerson } } }"# })
                .to_string(),
        ))?;
    let value: Value = serde_json::from_str(&body(app.oneshot(post).await?).await?)?;
    let person = quntuan_kit::catalog::union_awards(Scale::Demo)
        .nth(3)
        .and_then(|a| a.recipient_person);
    assert!(person.is_some());
    assert_eq!(
        value,
        json!({ "data": { "awards": { "items": [{ "id": "unions-award-0004", "recipientPerson": person }] } } })
    );
    Ok(())
}
