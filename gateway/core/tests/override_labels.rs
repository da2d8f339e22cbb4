//! Progressive `@override(label:)` switched by request context: a request may turn a named
//! label on or off over the gateway's settings, and plans are cached per label set.

mod support;

use quntuan_gateway::gateway::{Gateway, GatewaySettings, GraphqlRequest, RequestOptions};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use support::mock::MockSubgraphs;

fn fixture(file: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progressive-override-named-label-off");
    std::fs::read_to_string(dir.join(file)).expect("fixture file")
}

async fn nicknames(gateway: &Gateway, labels: &[(&str, bool)]) -> Value {
    let options = RequestOptions {
        override_labels: labels.iter().map(|(l, on)| (l.to_string(), *on)).collect(),
        ..Default::default()
    };
    let request = GraphqlRequest {
        query: Some("{ users { id nickname } }".into()),
        ..Default::default()
    };
    serde_json::to_value(gateway.execute(request, &options).await).expect("serialises")
}

fn gateway(settings: GatewaySettings) -> Gateway {
    let data: serde_json::Map<String, Value> =
        serde_json::from_str(&fixture("subgraphs.json")).expect("mock data");
    let supergraph = Supergraph::parse(&fixture("supergraph.graphql")).expect("supergraph loads");
    Gateway::with_transport(supergraph, settings, Arc::new(MockSubgraphs::new(data)))
}

#[tokio::test]
async fn a_request_can_switch_a_named_label_on_and_off() {
    let gateway = gateway(GatewaySettings::default());
    let old = json!({"data": {"users": [{"id": "u1", "nickname": "old-ada"}, {"id": "u2", "nickname": "old-bob"}]}});
    let new = json!({"data": {"users": [{"id": "u1", "nickname": "ada"}, {"id": "u2", "nickname": "bob"}]}});
    assert_eq!(
        nicknames(&gateway, &[]).await,
        old,
        "a named label is off by default"
    );
    assert_eq!(
        nicknames(&gateway, &[("beta-nickname", true)]).await,
        new,
        "the request turns it on"
    );
    assert_eq!(
        nicknames(&gateway, &[]).await,
        old,
        "the next request has its own plan again"
    );
}

#[tokio::test]
async fn a_request_overrides_the_gateways_setting() {
    let settings = GatewaySettings {
        override_labels: HashMap::from([("beta-nickname".to_string(), true)]),
        ..GatewaySettings::default()
    };
    let gateway = gateway(settings);
    let on = nicknames(&gateway, &[]).await;
    assert_eq!(on["data"]["users"][0]["nickname"], "ada");
    let off = nicknames(&gateway, &[("beta-nickname", false)]).await;
    assert_eq!(off["data"]["users"][0]["nickname"], "old-ada");
}
