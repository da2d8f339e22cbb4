//! The subgraphs' own events through the real gateway (issue 17 point 5): a client
//! subscribed over `graphql-transport-ws`, GraphQL over SSE or multipart HTTP gets a labour
//! dispute received by a mutation sent through the gateway, with the region's name resolved
//! from hub, and nothing for a mutation refused inside its transaction; a grassroots union
//! registered by a mutation appears in hub's cross-organisation directory. Faults through the
//! same graph: unions stopped mid-subscription ends it with an error naming unions over each
//! protocol while the other subgraphs keep answering; the per-connection and total limits
//! refuse the extra subscription and keep the others.

#[path = "../../gateway/core/tests/support/streaming_client.rs"]
mod streaming_client;

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use quntuan_e2e::{Graph, token};
use serde_json::{Value, json};
use streaming_client::{MULTIPART, SSE, Streamed};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

const RECEIVE: &str =
    r#"mutation($input: ReceiveLaborDisputeInput!) { receiveLaborDispute(input: $input) { id } }"#;

const WATCH: &str = r#"subscription { laborDisputeChanged(regionCode: "510116") { id status claimantName region { code name } } }"#;

fn dispute_input(union_id: Option<&str>) -> Value {
    json!({"input": {
        "title": "成都岷江物流有限公司拖欠工资纠纷",
        "category": "WAGE_ARREARS",
        "workerCount": 3,
        "amountClaimedYuan": 26400,
        "receivedOn": "2025-06-30",
        "claimantName": "王芳",
        "claimantPhone": "13800002222",
        "claimantIdNumber": "11010519491231002X",
        "regionCode": "510116001002",
        "unionId": union_id,
    }})
}

/// Opens a `graphql-transport-ws` connection to the gateway as `bearer` and waits for
/// `connection_ack`.
async fn connect(graph: &Graph, bearer: &str) -> Socket {
    let url = graph.gateway_url.replacen("http://", "ws://", 1);
    let mut request = url.into_client_request().expect("a WebSocket request");
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().expect("a header value"),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("the gateway accepts the WebSocket");
    let init = json!({"type": "connection_init", "payload": {"authorization": format!("Bearer {bearer}")}});
    socket
        .send(Message::text(init.to_string()))
        .await
        .expect("sent");
    let ack = next_message(&mut socket).await;
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    socket
}

/// The next text message, skipping pings (answered) and heartbeats.
async fn next_message(socket: &mut Socket) -> Value {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(15), socket.next())
            .await
            .expect("a message within 15 s")
            .expect("the socket is open")
            .expect("a frame");
        let Message::Text(text) = message else {
            continue;
        };
        let value: Value = serde_json::from_str(text.as_str()).expect("JSON");
        match value["type"].as_str() {
            Some("ping") => {
                let pong = json!({"type": "pong"}).to_string();
                socket.send(Message::text(pong)).await.expect("pong sent");
            }
            Some("pong") => {}
            _ => return value,
        }
    }
}

/// The three ways a client subscribes through the gateway.
#[derive(Clone, Copy, Debug)]
enum Protocol {
    WebSocket,
    Sse,
    Multipart,
}

/// A client subscription through the gateway, over one of the protocols.
enum Subscriber {
    // Boxed: a socket is far larger than a response stream.
    Socket(Box<Socket>),
    Sse(Streamed),
    Multipart(Streamed),
}

impl Subscriber {
    /// Subscribes to `query` as `bearer` over `protocol`.
    async fn open(graph: &Graph, protocol: Protocol, bearer: &str, query: &str) -> Subscriber {
        let request = json!({"query": query});
        let authorization = format!("Bearer {bearer}");
        let streamed = |accept: &'static str| {
            let headers = [
                ("accept", accept),
                ("authorization", authorization.as_str()),
            ];
            let url = graph.gateway_url.clone();
            async move { Streamed::post(&url, &headers, &request).await }
        };
        match protocol {
            Protocol::WebSocket => {
                let mut socket = connect(graph, bearer).await;
                let subscribe =
                    json!({"id": "1", "type": "subscribe", "payload": {"query": query}});
                socket
                    .send(Message::text(subscribe.to_string()))
                    .await
                    .expect("sent");
                Subscriber::Socket(Box::new(socket))
            }
            Protocol::Sse => {
                let stream = streamed(SSE).await;
                assert_eq!(stream.content_type, "text/event-stream");
                Subscriber::Sse(stream)
            }
            Protocol::Multipart => {
                let stream = streamed(MULTIPART).await;
                assert_eq!(
                    stream.content_type,
                    r#"multipart/mixed;boundary="graphql";subscriptionSpec="1.0""#
                );
                Subscriber::Multipart(stream)
            }
        }
    }

    /// The next event's result (`{"data": ..}`), after checking the protocol's framing of it
    /// whole: a `next` message of subscription `1`, an `event: next`, a `{"payload": ..}` part.
    async fn next(&mut self) -> Value {
        let within = Duration::from_secs(15);
        match self {
            Subscriber::Socket(socket) => {
                let mut message = next_message(socket).await;
                let payload = message["payload"].take();
                assert_eq!(message, json!({"id": "1", "type": "next", "payload": null}));
                payload
            }
            Subscriber::Sse(stream) => {
                let event = tokio::time::timeout(within, stream.event())
                    .await
                    .expect("an event within 15 s")
                    .expect("the stream is open");
                assert_eq!(event.0, "next", "{event:?}");
                serde_json::from_str(&event.1).expect("JSON data")
            }
            Subscriber::Multipart(stream) => {
                let mut part = tokio::time::timeout(within, stream.part())
                    .await
                    .expect("a part within 15 s")
                    .expect("the stream is open");
                let payload = part["payload"].take();
                assert_eq!(part, json!({"payload": null}));
                payload
            }
        }
    }

    /// The end of a subscription that failed, after checking the protocol's framing of it
    /// whole and that the subscription is over: an `error` message of subscription `1` (after
    /// which the id is free again: a query sent as `1` is answered and completed on the same
    /// socket); an `event: next` of `{"errors": ..}`, `event: complete` and the end of the
    /// response; a `{"payload": null, "errors": ..}` part and the closing boundary. Returns the
    /// errors.
    async fn ended(&mut self) -> Value {
        let within = Duration::from_secs(15);
        match self {
            Subscriber::Socket(socket) => {
                let mut message = next_message(socket).await;
                let errors = message["payload"].take();
                assert_eq!(
                    message,
                    json!({"id": "1", "type": "error", "payload": null})
                );
                let query = json!({"id": "1", "type": "subscribe",
                    "payload": {"query": "{ region(code: \"510116\") { code } }"}});
                socket
                    .send(Message::text(query.to_string()))
                    .await
                    .expect("sent");
                assert_eq!(
                    next_message(socket).await,
                    json!({"id": "1", "type": "next", "payload": {"data": {"region": {"code": "510116"}}}})
                );
                assert_eq!(
                    next_message(socket).await,
                    json!({"id": "1", "type": "complete"})
                );
                errors
            }
            Subscriber::Sse(stream) => {
                let event = tokio::time::timeout(within, stream.event())
                    .await
                    .expect("an event within 15 s")
                    .expect("the error, not a bare end");
                assert_eq!(event.0, "next", "{event:?}");
                let mut result: Value = serde_json::from_str(&event.1).expect("JSON data");
                let errors = result["errors"].take();
                assert_eq!(result, json!({"errors": null}));
                assert_eq!(
                    stream.event().await,
                    Some(("complete".to_string(), String::new()))
                );
                assert_eq!(
                    stream.event().await,
                    None,
                    "the response ends after complete"
                );
                errors
            }
            Subscriber::Multipart(stream) => {
                let mut part = tokio::time::timeout(within, stream.part())
                    .await
                    .expect("a part within 15 s")
                    .expect("the error, not a bare end");
                let errors = part["errors"].take();
                assert_eq!(part, json!({"payload": null, "errors": null}));
                assert_eq!(
                    stream.part().await,
                    None,
                    "the response ends after the error"
                );
                errors
            }
        }
    }

    /// The end of a subscription the gateway refused when it was opened: as
    /// [`Subscriber::ended`], except that multipart answers a refusal as a result,
    /// `{"payload": {"errors": ..}}`, rather than as a failure of the stream. Returns the
    /// errors.
    async fn refused(&mut self) -> Value {
        let Subscriber::Multipart(stream) = self else {
            return self.ended().await;
        };
        let mut part = tokio::time::timeout(Duration::from_secs(15), stream.part())
            .await
            .expect("a part within 15 s")
            .expect("the refusal, not a bare end");
        let errors = part["payload"]["errors"].take();
        assert_eq!(part, json!({"payload": {"errors": null}}));
        assert_eq!(
            stream.part().await,
            None,
            "the response ends after the refusal"
        );
        errors
    }
}

/// Waits (5 s at most) until the gateway holds `n` subscriptions, and asserts it does.
async fn open_subscriptions(graph: &Graph, n: usize) {
    for _ in 0..100 {
        if graph.open_subscriptions() == n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        graph.open_subscriptions(),
        n,
        "subscriptions the gateway holds"
    );
}

/// The scenario each protocol runs: a subscriber watching the disputes of district `510116`, a
/// receipt refused inside its transaction, then one committed; the first event is the
/// committed one, its personal field shown to an officer with the scope and its region's
/// name resolved from hub. Returns the subscriber, still subscribed.
async fn a_dispute_received_through_the_gateway_reaches_a_subscriber(
    graph: &Graph,
    protocol: Protocol,
) -> Subscriber {
    let officer = token("mediator-1", "unions:personal");
    let region_name = region_name(graph).await;
    let mut subscriber = Subscriber::open(graph, protocol, &officer, WATCH).await;
    // No protocol acknowledges that the subgraph subscribed: give the gateway time to
    // subscribe to unions.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let refused = graph
        .query(
            RECEIVE,
            dispute_input(Some("unions-unit-999999")),
            Some(&officer),
        )
        .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{refused}"
    );
    let id = receive_dispute(graph).await;

    // The first event is the committed receipt: the refused one published nothing.
    assert_eq!(
        subscriber.next().await,
        received(&id, &region_name),
        "over {protocol:?}"
    );
    subscriber
}

/// Hub's name of the dispute's region.
async fn region_name(graph: &Graph) -> Value {
    let hub = graph
        .query(
            r#"{ region(code: "510116001002") { name } }"#,
            json!({}),
            None,
        )
        .await;
    let name = hub["data"]["region"]["name"].clone();
    assert!(name.as_str().is_some_and(|n| !n.is_empty()), "{hub}");
    name
}

/// Receives a dispute through the gateway as an officer; returns its id.
async fn receive_dispute(graph: &Graph) -> Value {
    let officer = token("mediator-1", "unions:personal");
    let received = graph
        .query(RECEIVE, dispute_input(None), Some(&officer))
        .await;
    let id = received["data"]["receiveLaborDispute"]["id"].clone();
    assert!(id.is_string(), "{received}");
    id
}

/// The event `WATCH` gets for the dispute `id` just received.
fn received(id: &Value, region_name: &Value) -> Value {
    json!({"data": {"laborDisputeChanged": {
        "id": id, "status": "RECEIVED", "claimantName": "王芳",
        "region": {"code": "510116001002", "name": region_name}
    }}})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dispute_received_through_the_gateway_reaches_a_websocket_subscriber_with_hubs_region_name()
 {
    let graph = Graph::start().await;
    a_dispute_received_through_the_gateway_reaches_a_subscriber(&graph, Protocol::WebSocket).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dispute_received_through_the_gateway_reaches_an_sse_subscriber_with_hubs_region_name() {
    let graph = Graph::start().await;
    a_dispute_received_through_the_gateway_reaches_a_subscriber(&graph, Protocol::Sse).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dispute_received_through_the_gateway_reaches_a_multipart_subscriber_with_hubs_region_name()
 {
    let graph = Graph::start().await;
    a_dispute_received_through_the_gateway_reaches_a_subscriber(&graph, Protocol::Multipart).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_grassroots_union_registered_through_the_gateway_appears_in_hubs_directory() {
    let graph = Graph::start().await;
    let register = r#"mutation($input: RegisterGrassrootsUnionInput!) { registerGrassrootsUnion(input: $input) { id } }"#;
    let input = json!({"input": {
        "name": "成都蓉新物流有限公司工会",
        "kind": "ENTERPRISE",
        "regionCode": "510116001001",
        "memberCount": 86,
        "foundedOn": "2025-06-18",
        "chairName": "李华",
        "chairPhone": "13900001111",
    }});
    let registered = graph
        .query(register, input, Some(&token("clerk-7", "")))
        .await;
    let id = registered["data"]["registerGrassrootsUnion"]["id"].clone();
    assert!(id.is_string(), "{registered}");

    let directory = r#"{ grassrootsUnits(regionCode: "510116001001", organization: UNIONS, limit: 100) {
        items { __typename id name kind organization memberCount region { name } } } }"#;
    let mut found = Vec::new();
    for _ in 0..100 {
        let response = graph.query(directory, json!({}), None).await;
        assert!(response.get("errors").is_none(), "{response}");
        found = response["data"]["grassrootsUnits"]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|unit| unit["id"] == id)
            .collect();
        if !found.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(found.len(), 1, "the new union is listed once");
    let unit = &found[0];
    assert_eq!(
        (
            &unit["__typename"],
            &unit["name"],
            &unit["kind"],
            &unit["organization"],
            &unit["memberCount"]
        ),
        (
            &json!("GrassrootsUnion"),
            &json!("成都蓉新物流有限公司工会"),
            &json!("企业工会"),
            &json!("UNIONS"),
            &json!(86)
        ),
        "{unit}"
    );
    assert!(unit["region"]["name"].is_string(), "{unit}");
}

/// Unions stopped while a client is subscribed to its disputes through the gateway: the
/// subscription ends with an error naming unions and the stream is over; the gateway holds no
/// subscription after it and keeps answering queries from the other subgraphs.
async fn a_stopped_unions_ends_the_subscription_with_an_error_naming_it(protocol: Protocol) {
    let mut graph = Graph::start().await;
    let mut subscriber =
        a_dispute_received_through_the_gateway_reaches_a_subscriber(&graph, protocol).await;
    open_subscriptions(&graph, 1).await;

    graph.kill("unions");
    assert_eq!(
        subscriber.ended().await,
        json!([{
            "message": "subgraph `unions` dropped the subscription's connection: WebSocket protocol error: Connection reset without closing handshake",
            "extensions": {"code": "SUBGRAPH_SUBSCRIPTION_FAILED", "serviceName": "unions"}
        }]),
        "over {protocol:?}"
    );
    open_subscriptions(&graph, 0).await;

    let response = graph
        .query(
            r#"{ region(code: "510116") { code youth { branchCount } unions { grassrootsUnionCount } } }"#,
            json!({}),
            None,
        )
        .await;
    let region = &response["data"]["region"];
    assert_eq!(region["code"], "510116", "hub still answers: {response}");
    assert!(
        region["youth"]["branchCount"].is_number(),
        "youth still answers: {response}"
    );
    assert_eq!(region["unions"], Value::Null, "{response}");
    let failed: Vec<&Value> = response["errors"]
        .as_array()
        .expect("an error for unions")
        .iter()
        .map(|error| &error["extensions"]["serviceName"])
        .collect();
    assert_eq!(failed, [&json!("unions")], "{response}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_unions_ends_a_websocket_subscription_with_an_error_naming_it() {
    a_stopped_unions_ends_the_subscription_with_an_error_naming_it(Protocol::WebSocket).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_unions_ends_an_sse_subscription_with_an_error_naming_it() {
    a_stopped_unions_ends_the_subscription_with_an_error_naming_it(Protocol::Sse).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_unions_ends_a_multipart_subscription_with_an_error_naming_it() {
    a_stopped_unions_ends_the_subscription_with_an_error_naming_it(Protocol::Multipart).await;
}

/// With `subscriptions.max_per_connection` at 1, a second subscription on the same socket is
/// refused with `SUBSCRIPTION_LIMIT_EXCEEDED` and the first keeps its events.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_over_its_limit_gets_an_error_for_the_extra_subscription_and_keeps_the_first()
{
    let graph = Graph::start_with(|settings| settings.subscriptions.max_per_connection = 1).await;
    let region_name = region_name(&graph).await;
    let officer = token("mediator-1", "unions:personal");
    let mut subscriber = Subscriber::open(&graph, Protocol::WebSocket, &officer, WATCH).await;
    let Subscriber::Socket(socket) = &mut subscriber else {
        panic!("a WebSocket subscriber");
    };
    let second = json!({"id": "2", "type": "subscribe", "payload": {"query": WATCH}});
    socket
        .send(Message::text(second.to_string()))
        .await
        .expect("sent");
    assert_eq!(
        next_message(socket).await,
        json!({"id": "2", "type": "error", "payload": [{
            "message": "this connection holds 1 operations, its limit `subscriptions.max_per_connection`: complete one first",
            "extensions": {"code": "SUBSCRIPTION_LIMIT_EXCEEDED"}
        }]})
    );
    open_subscriptions(&graph, 1).await;
    // Give the gateway time to subscribe to unions (no protocol acknowledges it).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let id = receive_dispute(&graph).await;
    assert_eq!(subscriber.next().await, received(&id, &region_name));
}

/// With `subscriptions.max_total` at 1 and one subscriber watching, a subscription over each
/// protocol is refused with `SUBSCRIPTION_LIMIT_EXCEEDED` and ended; the first subscriber keeps
/// its events.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_over_its_total_refuses_the_next_subscription_over_each_protocol() {
    let graph = Graph::start_with(|settings| settings.subscriptions.max_total = 1).await;
    let region_name = region_name(&graph).await;
    let officer = token("mediator-1", "unions:personal");
    let mut first = Subscriber::open(&graph, Protocol::WebSocket, &officer, WATCH).await;
    open_subscriptions(&graph, 1).await;
    for protocol in [Protocol::WebSocket, Protocol::Sse, Protocol::Multipart] {
        let mut refused = Subscriber::open(&graph, protocol, &officer, WATCH).await;
        assert_eq!(
            refused.refused().await,
            json!([{
                "message": "the gateway holds 1 subscriptions, its limit `subscriptions.max_total`: try again later",
                "extensions": {"code": "SUBSCRIPTION_LIMIT_EXCEEDED"}
            }]),
            "over {protocol:?}"
        );
    }
    open_subscriptions(&graph, 1).await;
    // Give the gateway time to subscribe to unions (no protocol acknowledges it).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let id = receive_dispute(&graph).await;
    assert_eq!(first.next().await, received(&id, &region_name));
}
