//! A `graphql-transport-ws` client for the subscription tests.
#![allow(dead_code)]

use crate::subscriptions_support::Setup;
use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

type Stream =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub(crate) struct Socket(Stream);

impl Socket {
    pub(crate) async fn connect(setup: &Setup) -> Self {
        let url = setup.gateway.replace("http://", "ws://") + "/graphql";
        let mut request = url.into_client_request().expect("request");
        request.headers_mut().insert(
            "sec-websocket-protocol",
            http::HeaderValue::from_static("graphql-transport-ws"),
        );
        let (stream, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("the gateway upgrades");
        Self(stream)
    }

    /// Connected and acknowledged, with `payload` in `connection_init`.
    pub(crate) async fn ready(setup: &Setup, payload: Value) -> Self {
        let mut socket = Self::connect(setup).await;
        socket
            .send(json!({"type": "connection_init", "payload": payload}))
            .await;
        assert_eq!(socket.recv().await, json!({"type": "connection_ack"}));
        socket
    }

    pub(crate) async fn send(&mut self, message: Value) {
        self.0
            .send(Message::text(message.to_string()))
            .await
            .expect("sends");
    }

    /// The next GraphQL message (heartbeat pings skipped), or the close frame as
    /// `{"close": code, "reason": reason}`.
    pub(crate) async fn recv(&mut self) -> Value {
        loop {
            match self.0.next().await {
                Some(Ok(Message::Text(text))) => {
                    return serde_json::from_str(text.as_str()).expect("JSON message");
                }
                Some(Ok(Message::Close(frame))) => {
                    return match frame {
                        Some(frame) => json!({
                            "close": u16::from(frame.code),
                            "reason": frame.reason.as_str(),
                        }),
                        None => json!({"close": null}),
                    };
                }
                Some(Ok(_)) => continue,
                other => return json!({"ended": format!("{other:?}")}),
            }
        }
    }
}
