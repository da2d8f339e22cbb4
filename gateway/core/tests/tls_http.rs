//! HTTPS to subgraphs, key sets and supergraph URLs, against a TLS server on 127.0.0.1.
//!
//! `tests/tls/` holds a CA made for these tests and a certificate it signed for `127.0.0.1` and
//! `localhost` (ECDSA P-256, valid to 2126), made with `openssl req -x509` and `openssl x509
//! -req` (subjectAltName DNS:localhost, IP:127.0.0.1; extendedKeyUsage serverAuth). The gateway
//! trusts the CA through `tls.ca_file`, so no test needs the machine's roots.

#[path = "support/server.rs"]
#[allow(dead_code)]
mod server;

use axum::Router;
use axum::routing::{get, post};
use bytes::Bytes;
use http_body_util::Full;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use quntuan_gateway::auth::AuthSettings;
use quntuan_gateway::execute::{HttpTransport, SubgraphRequest, SubgraphTransport, TransportError};
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::reload::SupergraphSource;
use quntuan_gateway::reload::url::UrlSource;
use quntuan_gateway::supergraph::Supergraph;
use quntuan_gateway::tls::{self, TlsSettings};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use serde_json::json;
use server::{call, spawn};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

fn tls_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tls")
}

fn keys_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/auth_keys")
}

/// Connections accepted on 127.0.0.1 and past a TLS handshake with the test certificate.
struct TlsListener {
    tcp: TcpListener,
    acceptor: TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((stream, address)) = self.tcp.accept().await else {
                continue;
            };
            // A client that refuses the certificate ends its own handshake: wait for the next.
            if let Ok(tls) = self.acceptor.accept(stream).await {
                return (tls, address);
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

/// Serves `app` over TLS on `tcp`, bound to 127.0.0.1.
fn serve_https(tcp: TcpListener, app: Router) {
    let certificates = CertificateDer::pem_file_iter(tls_dir().join("server.pem"))
        .expect("the test certificate")
        .collect::<Result<Vec<_>, _>>()
        .expect("PEM certificates");
    let key = PrivateKeyDer::from_pem_file(tls_dir().join("server.key.pem")).expect("its key");
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_no_client_auth()
    .with_single_cert(certificates, key)
    .expect("a server configuration");
    let listener = TlsListener {
        tcp,
        acceptor: TlsAcceptor::from(Arc::new(config)),
    };
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
}

fn supergraph(subgraph_url: &str) -> String {
    format!(
        r#"schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{{ query: Query }}
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
scalar join__FieldSet
scalar link__Import
enum link__Purpose {{ SECURITY EXECUTION }}
enum join__Graph {{ HUB @join__graph(name: "hub", url: "{subgraph_url}") }}
type Query @join__type(graph: HUB) {{ cityName: String! }}
"#
    )
}

/// One TLS server with a subgraph (`/graphql`, its SDL at `/sdl`), a key set (`/keys`) and a supergraph
/// (`/supergraph.graphql`) naming that subgraph.
async fn https_origin() -> String {
    let tcp = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("https://{}", tcp.local_addr().expect("address"));
    let keys = std::fs::read_to_string(keys_dir().join("jwks.json")).expect("the test key set");
    let sdl = supergraph(&format!("{base}/graphql"));
    let app = Router::new()
        .route(
            "/graphql",
            post(|| async { axum::Json(json!({"data": {"cityName": "成都市"}})) }),
        )
        .route(
            "/sdl",
            post(|| async {
                axum::Json(
                    json!({"data": {"_service": {"sdl": "type Query { cityName: String! }"}}}),
                )
            }),
        )
        .route("/keys", get(move || async move { keys }))
        .route("/supergraph.graphql", get(move || async move { sdl }));
    serve_https(tcp, app);
    base
}

fn token(subject: &str) -> String {
    let der = std::fs::read(keys_dir().join("rsa.der")).expect("the test RSA key");
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("rsa-1".into());
    let exp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs()
        + 600;
    jsonwebtoken::encode(
        &header,
        &json!({"sub": subject, "exp": exp}),
        &EncodingKey::from_rsa_der(&der),
    )
    .expect("a token")
}

fn trust_the_test_ca() {
    tls::configure(&TlsSettings {
        ca_file: Some(tls_dir().join("ca.pem")),
    })
    .expect("the test CA loads");
}

#[tokio::test]
async fn subgraphs_key_sets_and_supergraph_urls_are_reached_over_https() {
    trust_the_test_ca();
    let origin = https_origin().await;

    let mut source = UrlSource::new(format!("{origin}/supergraph.graphql"));
    let sdl = source
        .poll()
        .await
        .expect("the supergraph is fetched over https")
        .expect("a first poll gives the supergraph");
    assert!(sdl.contains("type Query @join__type(graph: HUB)"), "{sdl}");

    let settings = GatewaySettings {
        auth: AuthSettings {
            jwks_url: Some(format!("{origin}/keys")),
            ..AuthSettings::default()
        },
        ..GatewaySettings::default()
    };
    let supergraph = Supergraph::parse(&supergraph(&format!("{origin}/graphql")))
        .expect("the test supergraph loads");
    let gateway = Gateway::try_new(supergraph, settings).expect("valid settings");
    gateway
        .authenticator()
        .key_store()
        .expect("a key set")
        .preload()
        .await
        .expect("the key set is fetched over https");
    let url = spawn(router(Arc::new(gateway), &HttpSettings::default())).await;
    let ask = |authorization: String| {
        call(
            http::Request::post(format!("{url}/graphql"))
                .header("content-type", "application/json")
                .header("authorization", authorization)
                .body(Full::new(Bytes::from_static(
                    b"{\"query\": \"{ cityName }\"}",
                )))
                .expect("request builds"),
        )
    };
    let answer = ask(format!("Bearer {}", token("officer-7"))).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.text, r#"{"data":{"cityName":"成都市"}}"#);
    // A token the fetched key set does not verify is refused: the keys did come from there.
    let forged = format!("Bearer {}x", token("officer-7"));
    assert_eq!(ask(forged).await.status, 401);
}

#[tokio::test]
async fn a_server_whose_certificate_is_not_trusted_is_refused_with_the_reason() {
    let origin = https_origin().await;
    // The public roots alone: the test CA is unknown to them.
    let public = tls::client_config(&TlsSettings::default()).expect("the public roots");
    let transport = HttpTransport::with_tls(public);
    let error = transport
        .send(SubgraphRequest {
            service_name: "hub".into(),
            url: format!("{origin}/graphql"),
            body: Bytes::from_static(b"{\"query\": \"{ cityName }\"}"),
            headers: Vec::new(),
            deduplicate: true,
            traceparent: None,
            response_headers: None,
            shared_parse: None,
        })
        .await
        .expect_err("an untrusted certificate");
    let TransportError::Unreachable { reason, .. } = &error else {
        panic!("not an unreachable subgraph: {error}");
    };
    assert!(reason.contains("UnknownIssuer"), "{reason}");

    // With the CA, the same transport settings reach it.
    let trusted = tls::client_config(&TlsSettings {
        ca_file: Some(tls_dir().join("ca.pem")),
    })
    .expect("the test CA");
    let body = HttpTransport::with_tls(trusted)
        .send(SubgraphRequest {
            service_name: "hub".into(),
            url: format!("{origin}/graphql"),
            body: Bytes::from_static(b"{\"query\": \"{ cityName }\"}"),
            headers: Vec::new(),
            deduplicate: true,
            traceparent: None,
            response_headers: None,
            shared_parse: None,
        })
        .await
        .expect("a trusted certificate");
    assert_eq!(&body[..], r#"{"data":{"cityName":"成都市"}}"#.as_bytes());
}

/// What the composed source, `quntuan compose` and `quntuan check` read subgraph SDLs with.
#[tokio::test]
async fn a_subgraph_sdl_is_read_over_https() {
    let origin = https_origin().await;
    let trusted = tls::client_config(&TlsSettings {
        ca_file: Some(tls_dir().join("ca.pem")),
    })
    .expect("the test CA");
    let sdl = quntuan_gateway::reload::service_sdl::fetch_service_sdl(
        &HttpTransport::with_tls(trusted),
        "hub",
        &format!("{origin}/sdl"),
        Vec::new(),
        std::time::Duration::from_secs(10),
    )
    .await;
    assert_eq!(sdl.as_deref(), Ok("type Query { cityName: String! }"));
}

#[test]
fn a_ca_file_without_a_certificate_is_refused_with_its_name() {
    let key = tls_dir().join("server.key.pem");
    let error = tls::client_config(&TlsSettings {
        ca_file: Some(key.clone()),
    })
    .expect_err("a key is no certificate");
    assert_eq!(
        error,
        format!("tls.ca_file {}: no PEM certificate in it", key.display())
    );
    let missing = tls_dir().join("missing.pem");
    let error = tls::client_config(&TlsSettings {
        ca_file: Some(missing.clone()),
    })
    .expect_err("no such file");
    assert!(
        error.starts_with(&format!("tls.ca_file {}:", missing.display())),
        "{error}"
    );
}
