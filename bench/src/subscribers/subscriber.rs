//! One subscriber of the load client: its own WebSocket to the gateway, `connection_init`,
//! one `subscribe` to the ticker, then every event checked and counted until told to stop.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;

use super::Shared;
use crate::ticker::{now_ms, product_for};

/// The subscription every subscriber sends: the ticker's fields and the `products` subgraph's,
/// so that each event takes one entity fetch in the gateway.
pub const TICKS: &str = "subscription Ticks($interval: Int!) { ticks(intervalMs: $interval) { seq sentAtMs product { upc name price } } }";

/// What one subscriber saw.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Events received in the measured window.
    pub window_events: u64,
    /// Events received from the first to the stop.
    pub events: u64,
    /// The first event's `seq`: 0 when the subscriber had a subgraph subscription of its own.
    pub first_seq: Option<i64>,
    pub last_seq: Option<i64>,
    /// Events missing between two received ones (`seq` not one more than the previous).
    pub missed: u64,
    /// Events whose content differs from what the ticker and products subgraphs give for
    /// their `seq`, with the first such event kept for the report.
    pub wrong: u64,
    pub first_wrong: Option<String>,
    /// Why the subscriber ended before it was told to stop, if it did.
    pub failure: Option<String>,
    /// Milliseconds from the subgraph sending an event to this subscriber receiving it, for
    /// the events of the measured window.
    pub latencies_ms: Vec<f32>,
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Runs one subscriber until `stop` turns true; reports to `shared` when its first event came.
pub(super) async fn run(shared: Arc<Shared>, mut stop: watch::Receiver<bool>) -> Outcome {
    let mut outcome = Outcome::default();
    let mut socket = match open(&shared).await {
        Ok(socket) => socket,
        Err(failure) => {
            outcome.failure = Some(failure);
            shared.failed.fetch_add(1, Ordering::Relaxed);
            shared.opened_or_failed.notify_one();
            return outcome;
        }
    };
    loop {
        let message = tokio::select! {
            _ = stop.wait_for(|stopped| *stopped) => break,
            message = socket.next() => message,
        };
        let text = match message {
            Some(Ok(Message::Text(text))) => text,
            Some(Ok(Message::Close(frame))) => {
                outcome.failure = Some(format!("the gateway closed the socket: {frame:?}"));
                break;
            }
            Some(Ok(_)) => continue,
            Some(Err(error)) => {
                outcome.failure = Some(format!("the socket failed: {error}"));
                break;
            }
            None => {
                outcome.failure = Some("the socket ended without a close frame".into());
                break;
            }
        };
        let message: Value = match serde_json::from_str(text.as_str()) {
            Ok(message) => message,
            Err(error) => {
                outcome.failure = Some(format!("a message is not JSON ({error}): {text}"));
                break;
            }
        };
        if message["type"] != "next" {
            outcome.failure = Some(format!("the subscription ended: {message}"));
            break;
        }
        record(&shared, &mut outcome, &message["payload"]);
    }
    if outcome.failure.is_none() {
        // A polite end, so that the gateway's count of open subscriptions falls at once.
        let _ = socket
            .send(Message::text(
                json!({"id": "1", "type": "complete"}).to_string(),
            ))
            .await;
        let _ = socket.close(None).await;
    } else if outcome.first_seq.is_none() {
        shared.failed.fetch_add(1, Ordering::Relaxed);
        shared.opened_or_failed.notify_one();
    }
    outcome
}

/// Connects, initialises and subscribes; a failure says which step.
async fn open(shared: &Shared) -> Result<Socket, String> {
    // Connections are opened a few at a time: a thousand handshakes at once would measure the
    // listen backlog, not subscriptions.
    let _permit = shared
        .connecting
        .acquire()
        .await
        .map_err(|_| "the load client stopped".to_string())?;
    let mut request = shared
        .url
        .as_str()
        .into_client_request()
        .map_err(|error| format!("{} is not a WebSocket URL: {error}", shared.url))?;
    request.headers_mut().insert(
        "sec-websocket-protocol",
        HeaderValue::from_static("graphql-transport-ws"),
    );
    let (mut socket, _) = tokio::time::timeout(
        shared.open_timeout,
        tokio_tungstenite::connect_async(request),
    )
    .await
    .map_err(|_| {
        format!(
            "no WebSocket upgrade from {} in {:?}",
            shared.url, shared.open_timeout
        )
    })?
    .map_err(|error| format!("WebSocket upgrade at {} failed: {error}", shared.url))?;
    send(
        &mut socket,
        json!({"type": "connection_init", "payload": {}}),
    )
    .await?;
    let ack = tokio::time::timeout(shared.open_timeout, next_text(&mut socket))
        .await
        .map_err(|_| format!("no connection_ack in {:?}", shared.open_timeout))??;
    if ack["type"] != "connection_ack" {
        return Err(format!("expected connection_ack, got {ack}"));
    }
    let subscribe = json!({"id": "1", "type": "subscribe", "payload": {
        "query": TICKS, "variables": {"interval": shared.interval_ms}
    }});
    send(&mut socket, subscribe).await?;
    Ok(socket)
}

async fn send(socket: &mut Socket, message: Value) -> Result<(), String> {
    socket
        .send(Message::text(message.to_string()))
        .await
        .map_err(|error| format!("sending {} failed: {error}", message["type"]))
}

async fn next_text(socket: &mut Socket) -> Result<Value, String> {
    loop {
        match socket.next().await {
            Some(Ok(Message::Text(text))) => {
                return serde_json::from_str(text.as_str())
                    .map_err(|error| format!("a message is not JSON ({error}): {text}"));
            }
            Some(Ok(Message::Close(frame))) => {
                return Err(format!("the gateway closed the socket: {frame:?}"));
            }
            Some(Ok(_)) => {}
            Some(Err(error)) => return Err(format!("the socket failed: {error}")),
            None => return Err("the socket ended".into()),
        }
    }
}

/// Checks one event against what its `seq` must carry, and counts it.
fn record(shared: &Shared, outcome: &mut Outcome, payload: &Value) {
    let received = Instant::now();
    let tick = &payload["data"]["ticks"];
    let Some(seq) = tick["seq"].as_i64() else {
        wrong(outcome, payload);
        return;
    };
    let expected = product_for(i32::try_from(seq).unwrap_or(-1));
    let product = &tick["product"];
    if payload.get("errors").is_some()
        || product["upc"] != expected.upc.as_str()
        || product["name"] != expected.name.as_str()
        || product["price"] != expected.price
    {
        wrong(outcome, payload);
    }
    match outcome.last_seq {
        None => {
            outcome.first_seq = Some(seq);
            shared.opened.fetch_add(1, Ordering::Relaxed);
            shared.opened_or_failed.notify_one();
        }
        // Out of order or repeated: as wrong as a wrong product.
        Some(last) if seq <= last => wrong(outcome, payload),
        Some(last) => outcome.missed += u64::try_from(seq - last - 1).unwrap_or(0),
    }
    outcome.last_seq = Some(seq);
    outcome.events += 1;
    if let Some(second) = shared.window_second(received) {
        outcome.window_events += 1;
        shared.per_second[second].fetch_add(1, Ordering::Relaxed);
        if let Some(sent) = tick["sentAtMs"].as_f64() {
            outcome.latencies_ms.push((now_ms() - sent).max(0.0) as f32);
        }
    }
}

fn wrong(outcome: &mut Outcome, payload: &Value) {
    outcome.wrong += 1;
    if outcome.first_wrong.is_none() {
        outcome.first_wrong = Some(payload.to_string());
    }
}

/// How long a subscriber waits for each step of opening, by default.
pub const OPEN_TIMEOUT: Duration = Duration::from_secs(30);
