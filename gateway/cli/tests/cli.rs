//! The `quntuan` binary as users run it: `serve` (flags reach the gateway), `plan`, and a
//! malformed supergraph refused with the line that is wrong.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn repo(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn http(port: u16, request: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream.write_all(request.as_bytes()).expect("write");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
}

fn serve(extra: &[&str]) -> (Server, u16) {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_quntuan"))
        .arg("serve")
        .arg("--supergraph")
        .arg(repo("bench/supergraph.graphql"))
        .arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("quntuan starts");
    let server = Server(child);
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            let health = http(
                port,
                "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            );
            if health.starts_with("HTTP/1.1 200") {
                return (server, port);
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("quntuan serve did not become healthy on port {port}");
}

fn post_with_token(port: u16, token: &str) -> String {
    let body = r#"{"query":"{ __typename }"}"#;
    http(
        port,
        &format!(
            "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer {token}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

#[test]
fn serve_verifies_tokens_only_with_a_configured_secret() {
    // A token that no secret signed: refused when a secret is configured ...
    let (_server, port) = serve(&[
        "--jwt-secret",
        "a-secret-of-at-least-thirty-two-bytes",
        "--deduplicate-requests=false",
    ]);
    let answer = post_with_token(port, "not.a.jwt");
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    assert!(answer.contains("UNAUTHENTICATED"), "{answer}");
    // ... and without one every caller is anonymous, so the request itself is answered.
    let (_server, port) = serve(&[]);
    let answer = post_with_token(port, "not.a.jwt");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        answer.contains(r#"{"data":{"__typename":"Query"}}"#),
        "{answer}"
    );
}

fn post_text_plain(port: u16, extra_header: &str) -> String {
    let body = r#"{"query":"{ __typename }"}"#;
    http(
        port,
        &format!(
            "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n{extra_header}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

#[test]
fn serve_prevents_csrf_unless_told_otherwise() {
    let (_server, port) = serve(&[]);
    let answer = post_text_plain(port, "");
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("CSRF_ERROR"), "{answer}");
    let answer = post_text_plain(port, "x-quntuan-csrf: 1\r\n");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    let (_server, port) = serve(&["--csrf-required-headers", "x-requested-by,x-other"]);
    let answer = post_text_plain(port, "x-quntuan-csrf: 1\r\n");
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let answer = post_text_plain(port, "X-Other: yes\r\n");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    let (_server, port) = serve(&["--csrf-prevention=false"]);
    let answer = post_text_plain(port, "");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        answer.contains(r#"{"data":{"__typename":"Query"}}"#),
        "{answer}"
    );
}

fn post_query(port: u16, query: &str) -> String {
    let body = serde_json::json!({ "query": query }).to_string();
    http(
        port,
        &format!(
            "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

#[test]
fn serve_applies_the_limit_and_introspection_flags() {
    let (_server, port) = serve(&["--max-aliases", "0", "--introspection=false"]);
    let answer = post_query(port, "{ a: __typename }");
    assert!(answer.contains("MAX_ALIASES_LIMIT"), "{answer}");
    assert!(answer.contains("`max_aliases` of 0"), "{answer}");
    let answer = post_query(port, "{ __schema { queryType { name } } }");
    assert!(answer.contains("INTROSPECTION_DISABLED"), "{answer}");
    let answer = post_query(port, "{ __typename }");
    assert!(
        answer.contains(r#"{"data":{"__typename":"Query"}}"#),
        "{answer}"
    );
}

#[test]
fn serve_refuses_a_short_jwt_secret() {
    let output = Command::new(env!("CARGO_BIN_EXE_quntuan"))
        .arg("serve")
        .arg("--supergraph")
        .arg(repo("bench/supergraph.graphql"))
        .args([
            "--listen",
            "127.0.0.1:1",
            "--jwt-secret",
            "change-me-in-production",
        ])
        .output()
        .expect("quntuan runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the JWT secret is 23 bytes long; at least 32 are needed"),
        "{stderr}"
    );
}

#[test]
fn serve_refuses_credentials_with_any_origin() {
    let output = Command::new(env!("CARGO_BIN_EXE_quntuan"))
        .arg("serve")
        .arg("--supergraph")
        .arg(repo("bench/supergraph.graphql"))
        .args([
            "--listen",
            "127.0.0.1:1",
            "--cors-allowed-origins",
            "*",
            "--cors-allow-credentials",
        ])
        .output()
        .expect("quntuan runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim(),
        "error: cors: `allowed_origins: [\"*\"]` cannot be combined with `allow_credentials: \
         true` (browsers refuse credentialed answers to any origin, and it would let every site \
         act as your users): list the allowed origins exactly, or switch credentials off"
    );
}

#[test]
fn serve_opens_cors_and_compresses_by_its_flags() {
    let (_server, port) = serve(&[
        "--cors-allowed-origins",
        "https://app.example.org",
        "--compression-min-bytes",
        "1",
        "--compression-algorithms",
        "gzip",
    ]);
    let body = r#"{"query": "{ __typename }"}"#;
    // The answer's body is binary (gzip): read bytes, keep the head as text.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream
        .write_all(
            format!(
                "POST /graphql HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example.org\r\n\
             Content-Type: application/json\r\nAccept-Encoding: br, gzip\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
        .expect("write");
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let answer = String::from_utf8_lossy(&bytes).to_ascii_lowercase();
    assert!(answer.starts_with("http/1.1 200"), "{answer}");
    assert!(
        answer.contains("access-control-allow-origin: https://app.example.org\r\n"),
        "{answer}"
    );
    assert!(answer.contains("content-encoding: gzip\r\n"), "{answer}");
}

#[test]
fn plan_prints_the_plan_of_an_operation() {
    let output = Command::new(env!("CARGO_BIN_EXE_quntuan"))
        .arg("plan")
        .arg("--supergraph")
        .arg(repo("bench/supergraph.graphql"))
        .arg(repo("bench/queries/deep.graphql"))
        .output()
        .expect("quntuan plan runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("QueryPlan {"), "{text}");
    assert!(text.contains(r#"Fetch(service: "inventory")"#), "{text}");
    assert!(
        text.contains("requires Product {__typename upc price weight}"),
        "{text}"
    );
}

#[test]
fn a_malformed_supergraph_is_refused_naming_the_line() {
    let dir = std::env::temp_dir().join(format!("quntuan-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("broken.graphql");
    std::fs::write(
        &path,
        "schema { query: Query }\n\ntype Query {\n  a: Nope\n}\n",
    )
    .expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_quntuan"))
        .args(["serve", "--listen", "127.0.0.1:1", "--supergraph"])
        .arg(&path)
        .output()
        .expect("quntuan runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("broken.graphql"), "{stderr}");
    assert!(
        stderr.contains(":4:") || stderr.contains("line 4") || stderr.contains("4 │"),
        "{stderr}"
    );
}

/// Answers one HTTP request on 127.0.0.1 with `body` (JSON); returns the port and the request
/// as received.
fn answer_once(body: &'static str) -> (u16, std::thread::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().expect("accept");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let mut request = Vec::new();
        let mut buffer = [0u8; 4096];
        // The request ends with its JSON body's closing `}"}`.
        while !String::from_utf8_lossy(&request).ends_with("}\"}") {
            let read = stream.read(&mut buffer).expect("read");
            if read == 0 {
                break;
            }
            request.extend_from_slice(&buffer[..read]);
        }
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(response.as_bytes()).expect("write");
        String::from_utf8_lossy(&request).into_owned()
    });
    (port, server)
}

#[test]
fn compose_reads_a_running_subgraphs_sdl_through_the_gateways_client() {
    let (port, server) = answer_once(
        r#"{"data":{"_service":{"sdl":"extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\ntype Query { hello: String }"}}}"#,
    );
    let dir = std::env::temp_dir().join(format!("quntuan-cli-compose-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let config = dir.join("supergraph.yaml");
    std::fs::write(
        &config,
        format!(
            "federation_version: =2.3.0\nsubgraphs:\n  greetings:\n    routing_url: http://127.0.0.1:1/graphql\n    schema:\n      subgraph_url: http://127.0.0.1:{port}/graphql\n      introspection_headers:\n        x-token: secret\n"
        ),
    )
    .expect("write the config");
    let output = Command::new(env!("CARGO_BIN_EXE_quntuan"))
        .arg("compose")
        .arg("--config")
        .arg(&config)
        .output()
        .expect("quntuan compose runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let sdl = String::from_utf8_lossy(&output.stdout);
    assert!(sdl.contains("hello: String"), "{sdl}");
    assert!(
        sdl.contains(r#"@join__graph(name: "greetings", url: "http://127.0.0.1:1/graphql")"#),
        "{sdl}"
    );
    let request = server.join().expect("the server thread");
    assert!(request.starts_with("POST /graphql HTTP/1.1"), "{request}");
    assert!(request.contains("x-token: secret"), "{request}");
    assert!(request.contains("_service { sdl }"), "{request}");
}
