//! `graphql-transport-ws` to a subgraph: connect (the propagated headers on the upgrade request
//! and in `connection_init`'s payload), wait for `connection_ack`, `subscribe`, then relay
//! `next`/`error`/`complete`, answering `ping` with `pong`. The client leaving sends `complete`
//! and closes the connection.

use super::{Events, Upstream, channel, failure, messages};
use crate::error::GraphqlError;
use crate::execute::SubgraphRequest;
use bytes::Bytes;
use futures::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::value::RawValue;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

const PROTOCOL: &str = "graphql-transport-ws";
/// One subscription per connection: its id is fixed.
const ID: &str = "1";

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

type Socket = WebSocketStream<Box<dyn Io>>;

#[derive(Deserialize)]
struct Incoming<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(borrow, default)]
    payload: Option<&'a RawValue>,
}

pub(super) async fn open(url: &str, request: SubgraphRequest) -> Result<Events, GraphqlError> {
    let service = request.service_name.clone();
    let fail = |what: String| failure(&service, what);
    let url = websocket_url(url);
    let mut socket = connect(&url, &request)
        .await
        .map_err(|reason| fail(format!("could not be reached at {url}: {reason}")))?;
    let init = serde_json::json!({
        "type": "connection_init",
        "payload": headers_payload(&request),
    });
    send(&mut socket, init.to_string())
        .await
        .map_err(|reason| {
            fail(format!(
                "dropped the connection at `connection_init`: {reason}"
            ))
        })?;
    loop {
        let text = match socket.next().await {
            Some(Ok(Message::Text(text))) => text,
            Some(Ok(Message::Close(frame))) => {
                return Err(fail(format!(
                    "refused the connection: {}",
                    close_reason(frame.as_ref())
                )));
            }
            Some(Ok(_)) => continue,
            Some(Err(error)) => {
                return Err(fail(format!("dropped the connection: {error}")));
            }
            None => return Err(fail("closed the connection before `connection_ack`".into())),
        };
        match serde_json::from_str::<Incoming<'_>>(text.as_str()) {
            Ok(message) if message.kind == "connection_ack" => break,
            Ok(message) if message.kind == "ping" => {
                let _ = send(&mut socket, r#"{"type":"pong"}"#.into()).await;
            }
            _ => return Err(fail(format!("answered `connection_init` with {text}"))),
        }
    }
    let body = String::from_utf8_lossy(&request.body);
    let subscribe = format!(r#"{{"id":"{ID}","type":"subscribe","payload":{body}}}"#);
    send(&mut socket, subscribe)
        .await
        .map_err(|reason| fail(format!("dropped the connection at `subscribe`: {reason}")))?;
    let (sender, events) = channel();
    tokio::spawn(relay(socket, sender, service));
    Ok(events)
}

/// Relays the subgraph's messages until it completes, fails, or the client leaves.
async fn relay(mut socket: Socket, sender: tokio::sync::mpsc::Sender<Upstream>, service: String) {
    let fail = |what: String| Upstream::Failed(failure(&service, what));
    loop {
        let message = tokio::select! {
            () = sender.closed() => {
                let complete = format!(r#"{{"id":"{ID}","type":"complete"}}"#);
                let _ = send(&mut socket, complete).await;
                let _ = socket.close(None).await;
                return;
            }
            message = socket.next() => message,
        };
        let outcome = match message {
            Some(Ok(Message::Text(text))) => {
                match serde_json::from_str::<Incoming<'_>>(text.as_str()) {
                    Ok(Incoming {
                        kind: "next",
                        payload: Some(payload),
                    }) => Some(Upstream::Next(Bytes::from(payload.get().to_owned()))),
                    Ok(Incoming {
                        kind: "error",
                        payload,
                    }) => {
                        let errors = payload
                            .and_then(|p| serde_json::from_str(p.get()).ok())
                            .unwrap_or_default();
                        let _ = socket.close(None).await;
                        Some(fail(format!(
                            "refused the subscription: {}",
                            messages(&errors)
                        )))
                    }
                    Ok(Incoming {
                        kind: "complete", ..
                    }) => {
                        let _ = socket.close(None).await;
                        return;
                    }
                    Ok(Incoming { kind: "ping", .. }) => {
                        let _ = send(&mut socket, r#"{"type":"pong"}"#.into()).await;
                        None
                    }
                    Ok(_) => None,
                    Err(_) => Some(fail(format!(
                        "sent a message that is not graphql-transport-ws: {text}"
                    ))),
                }
            }
            Some(Ok(Message::Close(frame))) => Some(fail(format!(
                "closed the subscription: {}",
                close_reason(frame.as_ref())
            ))),
            Some(Ok(_)) => None,
            Some(Err(error)) => Some(fail(format!(
                "dropped the subscription's connection: {error}"
            ))),
            None => Some(fail("closed the subscription's connection".into())),
        };
        match outcome {
            Some(Upstream::Next(payload)) => {
                let delivered = sender.send(Upstream::Next(payload)).await;
                if delivered.is_err() {
                    let _ = socket.close(None).await;
                    return;
                }
            }
            Some(failed) => {
                let _ = sender.send(failed).await;
                return;
            }
            None => {}
        }
    }
}

async fn send(socket: &mut Socket, text: String) -> Result<(), String> {
    socket
        .send(Message::text(text))
        .await
        .map_err(|e| e.to_string())
}

fn close_reason(frame: Option<&tokio_tungstenite::tungstenite::protocol::CloseFrame>) -> String {
    match frame {
        Some(frame) if !frame.reason.is_empty() => {
            format!("close code {}: {}", u16::from(frame.code), frame.reason)
        }
        Some(frame) => format!("close code {}", u16::from(frame.code)),
        None => "closed without a close code".into(),
    }
}

/// The subgraph's URL as a WebSocket URL: `http` becomes `ws`, `https` becomes `wss`.
fn websocket_url(url: &str) -> String {
    if let Some(rest) = url.strip_prefix("http://") {
        format!("ws://{rest}")
    } else if let Some(rest) = url.strip_prefix("https://") {
        format!("wss://{rest}")
    } else {
        url.to_string()
    }
}

/// The propagated headers as `connection_init`'s payload, by lower-case name: where
/// `graphql-transport-ws` servers read credentials.
fn headers_payload(request: &SubgraphRequest) -> serde_json::Value {
    let mut payload = serde_json::Map::new();
    for (name, value) in &request.headers {
        if let Ok(value) = value.to_str() {
            payload.insert(name.as_str().to_string(), value.into());
        }
    }
    serde_json::Value::Object(payload)
}

/// TCP (and TLS for `wss`, trusting what [`crate::tls`] was configured with), then the upgrade
/// with the `graphql-transport-ws` subprotocol and the propagated headers.
async fn connect(url: &str, request: &SubgraphRequest) -> Result<Socket, String> {
    let mut upgrade = url.into_client_request().map_err(|e| e.to_string())?;
    let uri = upgrade.uri().clone();
    let host = uri.host().ok_or("the URL has no host")?.to_string();
    let secure = uri.scheme_str() == Some("wss");
    let port = uri.port_u16().unwrap_or(if secure { 443 } else { 80 });
    let headers = upgrade.headers_mut();
    headers.insert(
        http::header::SEC_WEBSOCKET_PROTOCOL,
        http::HeaderValue::from_static(PROTOCOL),
    );
    for (name, value) in &request.headers {
        headers.insert(name.clone(), value.clone());
    }
    let tcp = TcpStream::connect((host.trim_matches(['[', ']']), port))
        .await
        .map_err(|e| e.to_string())?;
    let _ = tcp.set_nodelay(true);
    let io: Box<dyn Io> = if secure {
        let name =
            rustls::pki_types::ServerName::try_from(host.clone()).map_err(|e| e.to_string())?;
        let connector = tokio_rustls::TlsConnector::from(crate::tls::configured());
        Box::new(
            connector
                .connect(name, tcp)
                .await
                .map_err(|e| e.to_string())?,
        )
    } else {
        Box::new(tcp)
    };
    let config = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default()
        .read_buffer_size(super::super::WEBSOCKET_READ_BUFFER_BYTES);
    let (socket, _) = tokio_tungstenite::client_async_with_config(upgrade, io, Some(config))
        .await
        .map_err(|e| e.to_string())?;
    Ok(socket)
}

#[cfg(test)]
mod tests {
    #[test]
    fn http_urls_become_websocket_urls() {
        assert_eq!(
            super::websocket_url("http://a:4001/graphql"),
            "ws://a:4001/graphql"
        );
        assert_eq!(super::websocket_url("https://a/graphql"), "wss://a/graphql");
        assert_eq!(super::websocket_url("ws://a/graphql"), "ws://a/graphql");
    }
}
