//! Authentication beyond HS256 and `@policy`, over real HTTP: RS256/ES256/EdDSA tokens checked
//! against a JSON Web Key Set (a file or an URL, refreshed on an interval and on an unknown
//! `kid`), issuer and audience, tokens in a custom header or a cookie; fields under `@policy`
//! answered null, and never asked of a subgraph, for callers without the policy.
//!
//! The keys under `tests/auth_keys/` are test keys made for this file (`openssl genpkey`, DER:
//! PKCS#1 for RSA, PKCS#8 for the others).

mod support;

#[path = "support/server.rs"]
#[allow(dead_code)]
mod server;

use axum::routing::get;
use bytes::Bytes;
use http_body_util::Full;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use quntuan_gateway::auth::AuthSettings;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Value, json};
use server::{Answer, call, spawn};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use support::mock::MockSubgraphs;

const SUPERGRAPH: &str = r#"
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
  @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)
{ query: Query }
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on OBJECT | INTERFACE | FIELD_DEFINITION | SCALAR | ENUM
directive @authenticated on OBJECT | INTERFACE | FIELD_DEFINITION | SCALAR | ENUM
directive @policy(policies: [[policy__Policy!]!]!) on OBJECT | INTERFACE | FIELD_DEFINITION | SCALAR | ENUM
scalar join__FieldSet
scalar link__Import
scalar requiresScopes__Scope
scalar policy__Policy
enum link__Purpose { SECURITY EXECUTION }
enum join__Graph { YOUTH @join__graph(name: "youth", url: "http://youth") }
type Query @join__type(graph: YOUTH) { volunteers: [Volunteer!]! }
type Volunteer @join__type(graph: YOUTH) {
  id: ID!
  hours: Int!
  name: String @requiresScopes(scopes: [["youth:personal"]])
  phone: String @policy(policies: [["caseworker"], ["auditor", "onDuty"]])
  team: String @authenticated
}
"#;

const QUERY: &str = r#"{"query": "{ volunteers { id name phone team } }"}"#;

fn mock() -> Arc<MockSubgraphs> {
    let data = json!({"youth": {"Query": {"volunteers": [
        {"id": "v1", "hours": 12, "name": "张三", "phone": "138-0000", "team": "north"}
    ]}}});
    Arc::new(MockSubgraphs::new(
        data.as_object().cloned().unwrap_or_default(),
    ))
}

fn keys_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/auth_keys")
}

fn full_jwks() -> Value {
    serde_json::from_str(&std::fs::read_to_string(keys_dir().join("jwks.json")).unwrap()).unwrap()
}

/// The key set with only the keys whose `kid` is listed.
fn jwks_with(kids: &[&str]) -> String {
    let mut set = full_jwks();
    set["keys"]
        .as_array_mut()
        .unwrap()
        .retain(|key| kids.contains(&key["kid"].as_str().unwrap()));
    set.to_string()
}

fn sign(algorithm: Algorithm, kid: &str, claims: Value) -> String {
    let der = |file: &str| std::fs::read(keys_dir().join(file)).unwrap();
    let key = match algorithm {
        Algorithm::RS256 => EncodingKey::from_rsa_der(&der("rsa.der")),
        Algorithm::ES256 => EncodingKey::from_ec_der(&der("ec.der")),
        Algorithm::EdDSA => EncodingKey::from_ed_der(&der("ed.der")),
        other => panic!("no test key for {other:?}"),
    };
    let mut header = Header::new(algorithm);
    header.kid = Some(kid.to_string());
    jsonwebtoken::encode(&header, &claims, &key).unwrap()
}

fn claims(extra: Value) -> Value {
    let exp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 600;
    let mut claims = json!({"sub": "officer-7", "exp": exp});
    claims
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    claims
}

async fn start(auth: AuthSettings) -> (String, Arc<MockSubgraphs>) {
    let mock = mock();
    let supergraph = Supergraph::parse(SUPERGRAPH).expect("test supergraph loads");
    let settings = GatewaySettings {
        auth,
        ..GatewaySettings::default()
    };
    let gateway = Gateway::with_transport(supergraph, settings, mock.clone());
    (
        spawn(router(Arc::new(gateway), &HttpSettings::default())).await,
        mock,
    )
}

fn file_settings() -> AuthSettings {
    AuthSettings {
        jwks_file: Some(keys_dir().join("jwks.json")),
        policies: serde_json::from_value(json!({
            "caseworker": {"role": "caseworker"},
            "auditor": {"role": "auditor"},
            "onDuty": {"on_duty": true},
        }))
        .unwrap(),
        ..AuthSettings::default()
    }
}

async fn ask(url: &str, headers: &[(&str, String)]) -> Answer {
    let mut request =
        http::Request::post(format!("{url}/graphql")).header("content-type", "application/json");
    for (name, value) in headers {
        request = request.header(*name, value.as_str());
    }
    call(
        request
            .body(Full::new(Bytes::from_static(QUERY.as_bytes())))
            .unwrap(),
    )
    .await
}

fn bearer(token: &str) -> (&'static str, String) {
    ("authorization", format!("Bearer {token}"))
}

fn codes(answer: &Answer) -> Vec<String> {
    answer.body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["extensions"]["code"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn rs256_es256_and_eddsa_tokens_are_verified_with_the_key_set() {
    let (url, _) = start(file_settings()).await;
    for (algorithm, kid) in [
        (Algorithm::RS256, "rsa-1"),
        (Algorithm::ES256, "ec-1"),
        (Algorithm::EdDSA, "ed-1"),
    ] {
        let token = sign(
            algorithm,
            kid,
            claims(json!({"scope": "youth:personal", "role": "caseworker"})),
        );
        let answer = ask(&url, &[bearer(&token)]).await;
        assert_eq!(
            answer.body,
            json!({"data": {"volunteers": [
                {"id": "v1", "name": "张三", "phone": "138-0000", "team": "north"}
            ]}}),
            "{algorithm:?}"
        );
    }
}

#[tokio::test]
async fn a_token_signed_by_another_key_or_with_a_key_of_another_algorithm_is_refused() {
    let (url, _) = start(file_settings()).await;
    // Signed with the EC key but naming the RSA key's kid.
    let forged = sign(Algorithm::ES256, "rsa-1", claims(json!({})));
    let answer = ask(&url, &[bearer(&forged)]).await;
    assert_eq!(answer.status, 401);
    assert_eq!(codes(&answer), vec!["UNAUTHENTICATED"]);
    let message = answer.body["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("signed with ES256, but its key is for RS256"),
        "{message}"
    );

    let unknown = sign(Algorithm::EdDSA, "nobody", claims(json!({})));
    let answer = ask(&url, &[bearer(&unknown)]).await;
    assert_eq!(answer.status, 401);
    let message = answer.body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("no key with kid `nobody`"), "{message}");
}

#[tokio::test]
async fn issuer_and_audience_are_checked() {
    let settings = AuthSettings {
        issuers: vec!["https://id.city.example".into()],
        audiences: vec!["quntuan".into()],
        ..file_settings()
    };
    let (url, _) = start(settings).await;
    let cases = [
        (
            json!({"iss": "https://id.city.example", "aud": "quntuan"}),
            200,
        ),
        (
            json!({"iss": "https://evil.example", "aud": "quntuan"}),
            401,
        ),
        (
            json!({"iss": "https://id.city.example", "aud": "another-app"}),
            401,
        ),
        (json!({"aud": "quntuan"}), 401),
        (json!({"iss": "https://id.city.example"}), 401),
    ];
    for (extra, status) in cases {
        let token = sign(Algorithm::EdDSA, "ed-1", claims(extra.clone()));
        let answer = ask(&url, &[bearer(&token)]).await;
        assert_eq!(answer.status, status, "{extra}: {}", answer.text);
        if status == 401 {
            assert_eq!(codes(&answer), vec!["UNAUTHENTICATED"], "{extra}");
        }
    }
}

#[tokio::test]
async fn the_token_is_read_from_the_configured_header_or_cookie() {
    let settings = AuthSettings {
        header: "x-city-token".into(),
        header_prefix: String::new(),
        cookie: Some("city_session".into()),
        ..file_settings()
    };
    let (url, _) = start(settings).await;
    let token = sign(
        Algorithm::RS256,
        "rsa-1",
        claims(json!({"scope": "youth:personal"})),
    );
    let by_header = ask(&url, &[("x-city-token", token.clone())]).await;
    assert_eq!(by_header.body["data"]["volunteers"][0]["name"], "张三");
    let by_cookie = ask(
        &url,
        &[(
            "cookie",
            format!("theme=dark; city_session={token}; lang=zh"),
        )],
    )
    .await;
    assert_eq!(by_cookie.body["data"]["volunteers"][0]["name"], "张三");
    // The default header is not read any more: the caller is anonymous.
    let by_authorization = ask(&url, &[bearer(&token)]).await;
    assert_eq!(
        by_authorization.body["data"]["volunteers"][0]["name"],
        Value::Null
    );
    assert_eq!(by_authorization.status, 200);
}

#[tokio::test]
async fn policy_fields_are_null_and_never_requested_without_the_policy() {
    let (url, mock) = start(file_settings()).await;
    // An auditor who is not on duty holds neither alternative of `phone`'s policies.
    let token = sign(
        Algorithm::ES256,
        "ec-1",
        claims(json!({"role": "auditor", "on_duty": false})),
    );
    let answer = ask(&url, &[bearer(&token)]).await;
    assert_eq!(
        answer.body["data"],
        json!({"volunteers": [{"id": "v1", "name": null, "phone": null, "team": "north"}]})
    );
    assert_eq!(
        codes(&answer),
        vec!["UNAUTHORIZED_FIELD_OR_TYPE", "UNAUTHORIZED_FIELD_OR_TYPE"]
    );
    assert_eq!(
        answer.body["errors"][1]["message"],
        "Unauthorized field or type: `Volunteer.phone` needs a policy the caller does not have"
    );
    let sent = mock.log.lock().unwrap()[0].1["query"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(sent, "query {volunteers {id team}}");

    // On duty, the same auditor holds the second alternative.
    let token = sign(
        Algorithm::ES256,
        "ec-1",
        claims(json!({"role": "clerk auditor", "on_duty": true})),
    );
    let answer = ask(&url, &[bearer(&token)]).await;
    assert_eq!(answer.body["data"]["volunteers"][0]["phone"], "138-0000");

    // Anonymous: `@authenticated` closes `team` as well.
    let answer = ask(&url, &[]).await;
    assert_eq!(
        answer.body["data"],
        json!({"volunteers": [{"id": "v1", "name": null, "phone": null, "team": null}]})
    );
}

/// A key set served over HTTP whose content the test changes, counting the fetches.
struct KeyServer {
    url: String,
    body: Arc<Mutex<String>>,
    fetches: Arc<AtomicUsize>,
}

async fn key_server(initial: String) -> KeyServer {
    let body = Arc::new(Mutex::new(initial));
    let fetches = Arc::new(AtomicUsize::new(0));
    let (served, counted) = (body.clone(), fetches.clone());
    let app = axum::Router::new().route(
        "/jwks.json",
        get(move || {
            let served = served.clone();
            let counted = counted.clone();
            async move {
                counted.fetch_add(1, Ordering::SeqCst);
                let text = served.lock().unwrap().clone();
                ([("content-type", "application/json")], text)
            }
        }),
    );
    let url = format!("{}/jwks.json", spawn(app).await);
    KeyServer { url, body, fetches }
}

#[tokio::test]
async fn a_key_set_url_is_fetched_again_for_an_unknown_kid() {
    let keys = key_server(jwks_with(&["ec-1"])).await;
    let settings = AuthSettings {
        jwks_url: Some(keys.url.clone()),
        jwks_file: None,
        jwks_unknown_kid_cooldown_ms: 0,
        ..file_settings()
    };
    let (url, _) = start(settings).await;
    let ec = sign(
        Algorithm::ES256,
        "ec-1",
        claims(json!({"scope": "youth:personal"})),
    );
    assert_eq!(ask(&url, &[bearer(&ec)]).await.status, 200);
    assert_eq!(ask(&url, &[bearer(&ec)]).await.status, 200);
    assert_eq!(
        keys.fetches.load(Ordering::SeqCst),
        1,
        "a known kid needs no fetch"
    );

    // The provider rotates in an RSA key: the first token that names it fetches the set.
    let rsa = sign(
        Algorithm::RS256,
        "rsa-1",
        claims(json!({"scope": "youth:personal"})),
    );
    *keys.body.lock().unwrap() = jwks_with(&["ec-1", "rsa-1"]);
    let answer = ask(&url, &[bearer(&rsa)]).await;
    assert_eq!(answer.body["data"]["volunteers"][0]["name"], "张三");
    assert_eq!(keys.fetches.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn an_unknown_kid_fetches_at_most_once_per_cooldown() {
    let keys = key_server(jwks_with(&["ec-1"])).await;
    let settings = AuthSettings {
        jwks_url: Some(keys.url.clone()),
        jwks_file: None,
        jwks_unknown_kid_cooldown_ms: 3_600_000,
        ..file_settings()
    };
    let (url, _) = start(settings).await;
    let ec = sign(Algorithm::ES256, "ec-1", claims(json!({})));
    assert_eq!(ask(&url, &[bearer(&ec)]).await.status, 200);
    for kid in ["forged-1", "forged-2", "forged-3"] {
        let forged = sign(Algorithm::EdDSA, kid, claims(json!({})));
        assert_eq!(ask(&url, &[bearer(&forged)]).await.status, 401);
    }
    assert_eq!(keys.fetches.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn the_key_set_is_read_again_once_the_refresh_interval_passed() {
    // An interval of zero: every request finds the set stale, so a key withdrawn by the
    // provider stops verifying tokens at the next request.
    let keys = key_server(jwks_with(&["ec-1", "ed-1"])).await;
    let settings = AuthSettings {
        jwks_url: Some(keys.url.clone()),
        jwks_file: None,
        jwks_refresh_secs: 0,
        jwks_unknown_kid_cooldown_ms: 3_600_000,
        ..file_settings()
    };
    let (url, _) = start(settings).await;
    let ed = sign(Algorithm::EdDSA, "ed-1", claims(json!({})));
    assert_eq!(ask(&url, &[bearer(&ed)]).await.status, 200);
    *keys.body.lock().unwrap() = jwks_with(&["ec-1"]);
    assert_eq!(ask(&url, &[bearer(&ed)]).await.status, 401);
    assert_eq!(keys.fetches.load(Ordering::SeqCst), 2);
}

#[test]
fn a_key_set_url_of_another_scheme_or_two_key_sources_are_refused_at_start() {
    let supergraph = || Supergraph::parse(SUPERGRAPH).unwrap();
    let ftp = GatewaySettings {
        auth: AuthSettings {
            jwks_url: Some("ftp://id.example/jwks".into()),
            ..AuthSettings::default()
        },
        ..GatewaySettings::default()
    };
    let error = Gateway::try_new(supergraph(), ftp).err().unwrap();
    assert!(error.contains("not an http:// or https:// URL"), "{error}");
    let both = GatewaySettings {
        auth: AuthSettings {
            jwks_url: Some("http://id.example/jwks".into()),
            jwks_file: Some("keys.json".into()),
            ..AuthSettings::default()
        },
        ..GatewaySettings::default()
    };
    let error = Gateway::try_new(supergraph(), both).err().unwrap();
    assert_eq!(error, "set `jwks_file` or `jwks_url`, not both");
}
