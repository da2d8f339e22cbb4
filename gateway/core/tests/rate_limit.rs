//! Rate limits over real HTTP: per client and global, in memory and shared through a private
//! Redis that is stopped and started under traffic.

#[path = "support/http_client.rs"]
mod http_client;
#[path = "support/private_redis.rs"]
mod private_redis;
#[path = "support/scripted.rs"]
#[expect(dead_code, reason = "only the healthy subgraphs are used here")]
mod scripted;

use http_client::{client, post, serve};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use private_redis::PrivateRedis;
use quntuan_gateway::auth::AuthSettings;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::rate_limit::RateLimitSettings;
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

const QUERY: &str = "{ topProducts(first: 1) { upc name } }";

fn settings(assignments: &[&str]) -> GatewaySettings {
    let mut rate_limits = RateLimitSettings::default();
    for assignment in assignments {
        rate_limits.set(assignment).expect("a valid setting");
    }
    GatewaySettings {
        rate_limits,
        ..GatewaySettings::default()
    }
}

fn gateway(settings: GatewaySettings) -> Arc<Gateway> {
    let subgraphs = Arc::new(scripted::Scripted::default());
    Arc::new(scripted::gateway(subgraphs, settings))
}

fn ok_body() -> serde_json::Value {
    json!({"data": {"topProducts": [{"upc": "1", "name": "Table"}]}})
}

#[tokio::test]
async fn a_client_above_its_limit_is_refused_while_others_keep_their_rate() {
    let gateway = gateway(settings(&[
        r#"per_client={"per_second":0.5,"burst":3}"#,
        r#"client_keys=["client_name","ip"]"#,
    ]));
    let url = serve(gateway.clone()).await;
    let client = client();
    let greedy = [("apollographql-client-name", "greedy")];
    for _ in 0..3 {
        let answer = post(&client, &url, QUERY, &greedy).await;
        assert_eq!((answer.status, answer.body), (200, ok_body()));
    }
    let refused = post(&client, &url, QUERY, &greedy).await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.retry_after.as_deref(), Some("2"));
    assert_eq!(
        refused.body,
        json!({"errors": [{
            "message": "rate limit exceeded: client `client_name:greedy` allows 0.5 requests a second (burst 3); retry in 2 s",
            "extensions": {"code": "RATE_LIMITED"}
        }]})
    );
    // Another client, and a client known only by its IP, keep their whole burst.
    for headers in [&[("apollographql-client-name", "calm")][..], &[][..]] {
        for _ in 0..3 {
            let answer = post(&client, &url, QUERY, headers).await;
            assert_eq!((answer.status, answer.body), (200, ok_body()));
        }
    }
    let counters = gateway.rate_limiter().expect("a limiter");
    assert_eq!(counters.counters().refused.load(Ordering::Relaxed), 1);
}

/// A token for `subject` signed with a test key of `tests/auth_keys` (RS256 or ES256), which
/// only the key set verifies.
fn signed_token(algorithm: Algorithm, subject: &str) -> String {
    let keys = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/auth_keys");
    let der = |file: &str| std::fs::read(keys.join(file)).expect("a test key");
    let (key, kid) = match algorithm {
        Algorithm::RS256 => (EncodingKey::from_rsa_der(&der("rsa.der")), "rsa-1"),
        _ => (EncodingKey::from_ec_der(&der("ec.der")), "ec-1"),
    };
    let mut header = Header::new(algorithm);
    header.kid = Some(kid.to_string());
    let exp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs()
        + 600;
    let claims = json!({"sub": subject, "exp": exp});
    format!(
        "Bearer {}",
        jsonwebtoken::encode(&header, &claims, &key).expect("a token")
    )
}

#[tokio::test]
async fn callers_with_tokens_verified_by_the_key_set_have_buckets_of_their_own() {
    let mut settings = settings(&[
        r#"per_client={"per_second":0.5,"burst":2}"#,
        r#"client_keys=["jwt_subject","ip"]"#,
    ]);
    settings.auth = AuthSettings {
        jwks_file: Some(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/auth_keys/jwks.json"),
        ),
        ..AuthSettings::default()
    };
    let url = serve(gateway(settings)).await;
    let client = client();
    let first = signed_token(Algorithm::RS256, "officer-a");
    for _ in 0..2 {
        let answer = post(&client, &url, QUERY, &[("authorization", &first)]).await;
        assert_eq!((answer.status, answer.body), (200, ok_body()));
    }
    let refused = post(&client, &url, QUERY, &[("authorization", &first)]).await;
    assert_eq!(refused.status, 429);
    assert_eq!(
        refused.body["errors"][0]["message"],
        "rate limit exceeded: client `jwt_subject:officer-a` allows 0.5 requests a second (burst 2); retry in 2 s"
    );
    // Another subject from the same address keeps its whole burst, and so does the address
    // itself: before, both were counted against the IP's one bucket.
    let second = signed_token(Algorithm::ES256, "officer-b");
    for _ in 0..2 {
        let answer = post(&client, &url, QUERY, &[("authorization", &second)]).await;
        assert_eq!((answer.status, answer.body), (200, ok_body()));
    }
    for _ in 0..2 {
        let answer = post(&client, &url, QUERY, &[]).await;
        assert_eq!((answer.status, answer.body), (200, ok_body()));
    }
    // A token that does not verify names nobody: its request falls to the IP bucket, now
    // spent, and is refused under that name.
    let forged = format!("{}x", &second[..second.len() - 1]);
    let answer = post(&client, &url, QUERY, &[("authorization", &forged)]).await;
    assert_eq!(answer.status, 429);
    assert_eq!(
        answer.body["errors"][0]["message"],
        "rate limit exceeded: client `ip:127.0.0.1` allows 0.5 requests a second (burst 2); retry in 2 s"
    );
}

#[tokio::test]
async fn the_global_limit_refuses_everyone_once_spent() {
    let gateway = gateway(settings(&[r#"global={"per_second":0.1,"burst":2}"#]));
    let url = serve(gateway).await;
    let client = client();
    let statuses = [
        post(&client, &url, QUERY, &[("x-api-key", "a")])
            .await
            .status,
        post(&client, &url, QUERY, &[("x-api-key", "b")])
            .await
            .status,
        post(&client, &url, QUERY, &[("x-api-key", "c")])
            .await
            .status,
    ];
    assert_eq!(statuses, [200, 200, 429]);
}

#[tokio::test]
async fn replicas_share_buckets_through_redis_and_serve_on_when_it_stops() {
    let mut redis = PrivateRedis::start().await;
    let limits = [r#"per_client={"per_second":0.2,"burst":4}"#];
    let replicas = [gateway(settings(&limits)), gateway(settings(&limits))];
    let mut urls = Vec::new();
    for replica in &replicas {
        replica
            .share_rate_limits(&redis.url())
            .expect("a Redis URL");
        urls.push(serve(replica.clone()).await);
    }
    let client = client();
    let who = [("x-api-key", "shared-client")];
    let mut statuses = Vec::new();
    for i in 0..5 {
        statuses.push(post(&client, &urls[i % 2], QUERY, &who).await.status);
    }
    assert_eq!(
        statuses,
        [200, 200, 200, 200, 429],
        "one bucket for both replicas"
    );

    // Redis goes away: a new client's requests within its burst all succeed, locally decided.
    redis.stop();
    let other = [("x-api-key", "during-outage")];
    for i in 0..4 {
        let answer = post(&client, &urls[i % 2], QUERY, &other).await;
        assert_eq!((answer.status, answer.body), (200, ok_body()));
    }
    let fallbacks: u64 = replicas
        .iter()
        .map(|r| {
            let limiter = r.rate_limiter().expect("a limiter");
            limiter.counters().redis_fallbacks.load(Ordering::Relaxed)
        })
        .sum();
    assert!(fallbacks >= 4, "every decision fell back: {fallbacks}");

    // Redis is back (empty): buckets are shared again once the connection is remade.
    redis.resume().await;
    let back = [("x-api-key", "after-outage")];
    let mut shared_again = false;
    for _ in 0..50 {
        let before = replicas[0]
            .rate_limiter()
            .expect("a limiter")
            .counters()
            .redis_fallbacks
            .load(Ordering::Relaxed);
        let answer = post(
            &client,
            &urls[0],
            "{ __typename }",
            &[("x-api-key", "probe")],
        )
        .await;
        assert_eq!(answer.status, 200);
        let after = replicas[0]
            .rate_limiter()
            .expect("a limiter")
            .counters()
            .redis_fallbacks
            .load(Ordering::Relaxed);
        if after == before {
            shared_again = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(shared_again, "Redis decides again within 5 s of its return");
    let mut statuses = Vec::new();
    for i in 0..5 {
        statuses.push(post(&client, &urls[i % 2], QUERY, &back).await.status);
    }
    assert_eq!(statuses, [200, 200, 200, 200, 429]);
}
