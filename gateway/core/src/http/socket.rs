//! GraphQL over WebSocket, `graphql-transport-ws`, on `/graphql`: `connection_init` (its
//! payload carries the credentials, authenticated exactly as the HTTP headers of the same
//! names), `connection_ack`, `ping`/`pong`, then any number of operations by `subscribe`, each
//! answered with `next`s and `complete`, or `error`. Subscriptions, queries and mutations alike.
//!
//! Protocol violations close the socket with the protocol's codes: 4400 (bad message), 4401
//! (subscribe before `connection_ack`), 4403 (credentials refused), 4406 (subprotocol not
//! offered), 4408 (no `connection_init` in time), 4409 (an id already in use), 4429 (a second
//! `connection_init`). Cookies of the upgrade request are never read: a page of another site
//! can open a WebSocket with them, so only what the client puts in `connection_init` (or
//! headers a browser cannot add) authenticates.

use super::request_options;
use crate::error::{ErrorCode, GraphqlError};
use crate::gateway::{Gateway, GraphqlRequest, RequestOptions};
use crate::reload::GatewayHandle;
use crate::subscription::{Answer, Event, Registry, open};
use axum::extract::FromRequestParts;
use axum::extract::Request;
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

const PROTOCOL: &str = "graphql-transport-ws";
/// How long a client may take to send `connection_init` after the upgrade.
const INIT_TIMEOUT: Duration = Duration::from_secs(10);
/// Messages waiting for the socket: beyond it, each subscription's own buffer takes the wait.
const OUTGOING: usize = 64;

/// Whether the request asks to become a WebSocket.
pub(super) fn is_upgrade(headers: &HeaderMap) -> bool {
    headers
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"))
}

pub(super) async fn upgrade(
    handle: GatewayHandle,
    registry: Arc<Registry>,
    request: Request,
) -> Response {
    let (mut parts, _) = request.into_parts();
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let offered = parts
        .headers
        .get_all(header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|p| p.trim() == PROTOCOL);
    let mut headers = parts.headers;
    headers.remove(header::COOKIE);
    upgrade
        .protocols([PROTOCOL])
        .read_buffer_size(crate::subscription::WEBSOCKET_READ_BUFFER_BYTES)
        .on_upgrade(move |socket| async move {
            let connection = Connection {
                handle,
                registry,
                headers,
            };
            connection.run(socket, offered).await;
        })
}

#[derive(Deserialize)]
struct ClientMessage {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    payload: Option<Value>,
}

struct Connection {
    handle: GatewayHandle,
    registry: Arc<Registry>,
    /// The upgrade request's headers, without cookies.
    headers: HeaderMap,
}

/// What the connection knows once `connection_init` is accepted.
struct Accepted {
    options: RequestOptions,
}

impl Connection {
    async fn run(self, socket: WebSocket, offered: bool) {
        let (mut sink, mut incoming) = socket.split();
        let (outgoing, mut to_send) = mpsc::channel::<Message>(OUTGOING);
        let writer = tokio::spawn(async move {
            while let Some(message) = to_send.recv().await {
                let closing = matches!(message, Message::Close(_));
                if sink.send(message).await.is_err() || closing {
                    break;
                }
            }
            let _ = sink.close().await;
        });
        if !offered {
            let _ = outgoing
                .send(close(4406, "Subprotocol not acceptable"))
                .await;
            let _ = writer.await;
            return;
        }
        let heartbeat = self.handle.current().map_or(Duration::from_secs(5), |g| {
            g.settings().subscriptions.heartbeat()
        });
        let mut ticks =
            tokio::time::interval_at(tokio::time::Instant::now() + heartbeat, heartbeat);
        let init_deadline = tokio::time::sleep(INIT_TIMEOUT);
        tokio::pin!(init_deadline);
        let ended = self.registry.ended();
        tokio::pin!(ended);
        let (finished, mut finishes) = mpsc::unbounded_channel::<String>();
        let mut accepted: Option<Accepted> = None;
        let mut operations: HashMap<String, JoinHandle<()>> = HashMap::new();
        let closing: Option<Message> = loop {
            let message = tokio::select! {
                () = &mut init_deadline, if accepted.is_none() => {
                    break Some(close(4408, "Connection initialisation timeout"));
                }
                () = &mut ended => {
                    // Shutdown: every subscription completes on its own; then the socket closes.
                    for (_, task) in operations.drain() {
                        let _ = task.await;
                    }
                    break Some(close(1001, "the gateway is shutting down"));
                }
                _ = ticks.tick() => {
                    let _ = outgoing.try_send(Message::Ping(Default::default()));
                    continue;
                }
                Some(id) = finishes.recv() => {
                    operations.remove(&id);
                    continue;
                }
                message = incoming.next() => message,
            };
            let text = match message {
                Some(Ok(Message::Text(text))) => text,
                Some(Ok(Message::Binary(_))) => {
                    break Some(close(4400, "Invalid message received"));
                }
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break None,
                Some(Ok(_)) => continue,
            };
            let Ok(message) = serde_json::from_str::<ClientMessage>(text.as_str()) else {
                break Some(close(4400, "Invalid message received"));
            };
            match message.kind.as_str() {
                "connection_init" if accepted.is_some() => {
                    break Some(close(4429, "Too many initialisation requests"));
                }
                "connection_init" => match self.accept(message.payload).await {
                    Ok(options) => {
                        accepted = Some(Accepted { options });
                        let _ = outgoing
                            .send(text_message(json!({"type": "connection_ack"})))
                            .await;
                    }
                    Err(closing) => break Some(closing),
                },
                "ping" => {
                    let _ = outgoing.send(text_message(json!({"type": "pong"}))).await;
                }
                "pong" => {}
                "subscribe" => {
                    let Some(accepted) = &accepted else {
                        break Some(close(4401, "Unauthorized"));
                    };
                    let (Some(id), Some(payload)) = (message.id, message.payload) else {
                        break Some(close(4400, "Invalid message received"));
                    };
                    let Ok(request) = serde_json::from_value::<GraphqlRequest>(payload) else {
                        break Some(close(4400, "Invalid message received"));
                    };
                    if operations.contains_key(&id) {
                        break Some(close(4409, &format!("Subscriber for {id} already exists")));
                    }
                    let Some(gateway) = self.handle.current() else {
                        let error = GraphqlError::new(
                            "no supergraph is loaded yet: the gateway is starting",
                            ErrorCode::SchemaNotLoaded,
                        );
                        let _ = outgoing.send(error_message(&id, &[error])).await;
                        continue;
                    };
                    let limit = gateway.settings().subscriptions.max_per_connection;
                    if operations.len() >= limit {
                        let error = GraphqlError::new(
                            format!(
                                "this connection holds {limit} operations, its limit \
                                 `subscriptions.max_per_connection`: complete one first"
                            ),
                            ErrorCode::SubscriptionLimitExceeded,
                        );
                        let _ = outgoing.send(error_message(&id, &[error])).await;
                        continue;
                    }
                    let operation = Operation {
                        id: id.clone(),
                        gateway,
                        registry: self.registry.clone(),
                        outgoing: outgoing.clone(),
                        finished: finished.clone(),
                    };
                    let options = accepted.options.clone();
                    operations.insert(id, tokio::spawn(operation.run(request, options)));
                }
                "complete" => {
                    if let Some(task) = message.id.and_then(|id| operations.remove(&id)) {
                        task.abort();
                    }
                }
                _ => break Some(close(4400, "Invalid message received")),
            }
        };
        for (_, task) in operations.drain() {
            task.abort();
        }
        if let Some(closing) = closing {
            let _ = outgoing.send(closing).await;
        }
        drop(outgoing);
        let _ = writer.await;
    }

    /// Authenticates `connection_init`'s payload as request headers, over the upgrade
    /// request's own; the close frame that refuses it otherwise.
    async fn accept(&self, payload: Option<Value>) -> Result<RequestOptions, Message> {
        let Some(gateway) = self.handle.current() else {
            return Err(close(1011, "no supergraph is loaded yet"));
        };
        let mut headers = self.headers.clone();
        match payload {
            None | Some(Value::Null) => {}
            Some(Value::Object(payload)) => payload_headers(&payload, &mut headers),
            Some(_) => return Err(close(4400, "Invalid message received")),
        }
        request_options(&gateway, &headers, true)
            .await
            .map_err(|_| close(4403, "Forbidden"))
    }
}

/// `{"authorization": "Bearer …"}`, or the same under `headers`, as request headers.
fn payload_headers(payload: &Map<String, Value>, headers: &mut HeaderMap) {
    for (name, value) in payload {
        match value {
            Value::String(text) => {
                let name = HeaderName::from_bytes(name.to_ascii_lowercase().as_bytes());
                if let (Ok(name), Ok(value)) = (name, HeaderValue::from_str(text)) {
                    headers.insert(name, value);
                }
            }
            Value::Object(nested) if name.eq_ignore_ascii_case("headers") => {
                payload_headers(nested, headers)
            }
            _ => {}
        }
    }
}

/// One operation of a connection: its messages go to the socket's writer.
struct Operation {
    id: String,
    gateway: Arc<Gateway>,
    registry: Arc<Registry>,
    outgoing: mpsc::Sender<Message>,
    finished: mpsc::UnboundedSender<String>,
}

impl Operation {
    async fn run(self, request: GraphqlRequest, options: RequestOptions) {
        let id = self.id.as_str();
        match open(self.gateway.clone(), request, options, &self.registry).await {
            Answer::Single(response) if response.is_request_error() => {
                let _ = self
                    .outgoing
                    .send(error_message(id, &response.errors))
                    .await;
            }
            Answer::Single(response) => {
                let _ = self.outgoing.send(next_message(id, &response)).await;
                let _ = self.outgoing.send(complete_message(id)).await;
            }
            Answer::Stream(mut events) => {
                let mut failed = false;
                while let Some(event) = events.next().await {
                    let message = match event {
                        Event::Next(response) => next_message(id, &response),
                        Event::Error(error) => {
                            failed = true;
                            error_message(id, &[error])
                        }
                    };
                    if self.outgoing.send(message).await.is_err() {
                        return;
                    }
                }
                if !failed {
                    let _ = self.outgoing.send(complete_message(id)).await;
                }
            }
        }
        let _ = self.finished.send(self.id);
    }
}

fn text_message(value: Value) -> Message {
    Message::Text(Utf8Bytes::from(value.to_string()))
}

fn next_message(id: &str, response: &crate::gateway::GraphqlResponse) -> Message {
    text_message(json!({"id": id, "type": "next", "payload": response}))
}

fn error_message(id: &str, errors: &[GraphqlError]) -> Message {
    text_message(json!({"id": id, "type": "error", "payload": errors}))
}

fn complete_message(id: &str) -> Message {
    text_message(json!({"id": id, "type": "complete"}))
}

fn close(code: u16, reason: &str) -> Message {
    Message::Close(Some(CloseFrame {
        code,
        reason: Utf8Bytes::from(reason.to_string()),
    }))
}
