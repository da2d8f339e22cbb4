//! Protected fields (`@requiresScopes`, `@authenticated`) never reach a subgraph for a caller
//! without the scope, and come back as null with an UNAUTHORIZED_FIELD_OR_TYPE error.

mod support;

use quntuan_gateway::auth::{Caller, caller_from_header};
use quntuan_gateway::gateway::{Gateway, GatewaySettings, GraphqlRequest, RequestOptions};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::json;
use std::sync::Arc;
use support::mock::MockSubgraphs;

const SUPERGRAPH: &str = r#"
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)
{ query: Query }
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on OBJECT | INTERFACE | FIELD_DEFINITION | SCALAR | ENUM
scalar join__FieldSet
scalar link__Import
scalar requiresScopes__Scope
enum link__Purpose { SECURITY EXECUTION }
enum join__Graph { YOUTH @join__graph(name: "youth", url: "http://youth") }
type Query @join__type(graph: YOUTH) { volunteers: [Volunteer!]! }
type Volunteer @join__type(graph: YOUTH) {
  id: ID!
  hours: Int!
  name: String @requiresScopes(scopes: [["youth:personal"]])
}
"#;

fn gateway() -> (Gateway, Arc<MockSubgraphs>) {
    let data =
        json!({"youth": {"Query": {"volunteers": [{"id": "v1", "hours": 12, "name": "张三"}]}}});
    let mock = Arc::new(MockSubgraphs::new(
        data.as_object().cloned().unwrap_or_default(),
    ));
    let supergraph = Supergraph::parse(SUPERGRAPH).expect("test supergraph loads");
    (
        Gateway::with_transport(supergraph, GatewaySettings::default(), mock.clone()),
        mock,
    )
}

async fn run(gateway: &Gateway, caller: Caller) -> serde_json::Value {
    let request = GraphqlRequest {
        query: Some("{ volunteers { id hours name } }".into()),
        ..Default::default()
    };
    let options = RequestOptions {
        caller,
        ..Default::default()
    };
    serde_json::to_value(gateway.execute(request, &options).await).expect("serialises")
}

#[tokio::test]
async fn a_caller_without_the_scope_gets_null_and_the_subgraph_never_sees_the_field() {
    let (gateway, mock) = gateway();
    let response = run(&gateway, Caller::default()).await;
    assert_eq!(
        response["data"],
        json!({"volunteers": [{"id": "v1", "hours": 12, "name": null}]})
    );
    assert_eq!(
        response["errors"][0]["extensions"]["code"],
        "UNAUTHORIZED_FIELD_OR_TYPE"
    );
    assert_eq!(response["errors"][0]["path"], json!(["volunteers", "name"]));
    let log = mock.log.lock().expect("log");
    let sent = log[0].1["query"].as_str().expect("query text");
    assert!(
        !sent.contains("name"),
        "the subgraph was asked for the protected field: {sent}"
    );
}

#[tokio::test]
async fn a_caller_with_the_scope_gets_the_field() {
    let (gateway, _) = gateway();
    let caller = Caller {
        authenticated: true,
        scopes: ["youth:personal".to_string()].into(),
        ..Caller::default()
    };
    let response = run(&gateway, caller).await;
    assert_eq!(
        response,
        json!({"data": {"volunteers": [{"id": "v1", "hours": 12, "name": "张三"}]}})
    );
}

#[test]
fn tokens_are_verified_with_the_configured_secret() {
    let claims = json!({"sub": "dashboard", "scope": "youth:personal disability:personal"});
    let token = jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(b"secret"),
    )
    .expect("token encodes");
    let header = format!("Bearer {token}");
    let caller = caller_from_header(Some(&header), Some("secret")).expect("valid token");
    assert!(caller.authenticated);
    assert_eq!(caller.scopes.len(), 2);
    assert!(
        caller_from_header(Some(&header), Some("other")).is_err(),
        "a token signed with another secret is refused"
    );
    assert!(caller_from_header(Some("Basic abc"), Some("secret")).is_err());
    assert_eq!(
        caller_from_header(None, Some("secret")).expect("anonymous"),
        Caller::default()
    );
}
