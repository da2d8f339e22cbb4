//! `quntuan serve` as operations run it: a configuration file (checked, overridden by flags),
//! and graceful shutdown on SIGTERM with requests in flight.

use axum::Json;
use axum::routing::post;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quntuan-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
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

fn quntuan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quntuan"))
}

/// One HTTP/1.1 request on its own connection; the whole answer.
async fn http(port: u16, request: String) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut answer = String::new();
    let read = tokio::time::timeout(Duration::from_secs(30), stream.read_to_string(&mut answer));
    read.await.expect("answered within 30 s").expect("read");
    answer
}

fn graphql_post(query: &str) -> String {
    let body = json!({ "query": query }).to_string();
    format!(
        "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

fn body_of(answer: &str) -> Value {
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    serde_json::from_str(body).unwrap_or(Value::Null)
}

async fn wait_healthy(port: u16) {
    let started = Instant::now();
    loop {
        if TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            let health = http(
                port,
                "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".into(),
            )
            .await;
            if health.starts_with("HTTP/1.1 200") {
                return;
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "quntuan serve did not become healthy on port {port}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A supergraph of one subgraph at `subgraph`, with `Query.version: Int!`.
/// Writes `yaml` as `quntuan.yaml` in `dir` and returns its path.
fn write_config(dir: &std::path::Path, yaml: &str) -> PathBuf {
    let file = dir.join("quntuan.yaml");
    std::fs::write(&file, yaml).expect("write the configuration file");
    file
}

/// Starts `serve` with its output discarded and waits until `port` answers `/health`.
async fn serve_silently(mut serve: Command, port: u16) -> Server {
    let child = serve
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("quntuan starts");
    let server = Server(child);
    wait_healthy(port).await;
    server
}

fn supergraph(subgraph: &str) -> String {
    let template = std::fs::read_to_string(repo("gateway/cli/tests/fixtures/one-subgraph.graphql"))
        .expect("fixture");
    template.replace("SUBGRAPH_URL", subgraph)
}

#[test]
fn config_check_names_the_file_line_and_key() {
    let dir = temp_dir("config-check");
    let file = dir.join("quntuan.yaml");
    std::fs::write(&file, "listen: 127.0.0.1:4000\nhttp:\n  max_body: 10\n").expect("write");
    let output = quntuan()
        .args(["config", "check"])
        .arg(&file)
        .output()
        .expect("quntuan runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "error: {}:3: key `http.max_body`: unknown key `max_body`, expected one of",
        file.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
}

#[test]
fn config_check_accepts_the_example_file() {
    let example = repo("deploy/quntuan.example.yaml");
    let output = quntuan()
        .args(["config", "check"])
        .arg(&example)
        .env_remove("QUNTUAN_JWT_SECRET")
        .env_remove("QUNTUAN_REDIS_URL")
        .env_remove("QUNTUAN_LISTEN")
        .output()
        .expect("quntuan runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        (output.status.success(), stdout.trim()),
        (true, format!("{}: ok", example.display()).as_str()),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn config_schema_prints_a_json_schema() {
    let output = quntuan()
        .args(["config", "schema"])
        .output()
        .expect("quntuan runs");
    assert!(output.status.success());
    let schema: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        schema["properties"]["supergraph"]["additionalProperties"],
        false
    );
    assert_eq!(
        schema["properties"]["shutdown"]["properties"]["grace_period_ms"]["type"],
        "integer"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flags_override_the_file_and_quntuan_config_names_it() {
    let dir = temp_dir("config-override");
    let port = free_port();
    let file = write_config(
        &dir,
        &format!(
            "listen: 127.0.0.1:1\nintrospection: false\nsupergraph:\n  file: {}\n",
            repo("bench/supergraph.graphql").display()
        ),
    );
    let mut serve = quntuan();
    serve
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env("QUNTUAN_CONFIG", &file);
    let _server = serve_silently(serve, port).await;
    let answer = http(port, graphql_post("{ __schema { queryType { name } } }")).await;
    assert_eq!(
        body_of(&answer)["errors"][0]["extensions"]["code"],
        "INTROSPECTION_DISABLED",
        "{answer}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_files_demand_control_maximum_refuses_costlier_operations() {
    let dir = temp_dir("demand-control");
    let port = free_port();
    let file = write_config(
        &dir,
        &format!(
            "listen: 127.0.0.1:{port}\nsupergraph:\n  file: {}\ndemand_control:\n  mode: enforce\n  max_cost: 0\n",
            repo("bench/supergraph.graphql").display()
        ),
    );
    let mut serve = quntuan();
    serve.args(["serve", "--config"]).arg(&file);
    let _server = serve_silently(serve, port).await;
    // `me` is an object: it costs 1, over the file's maximum of 0 (no subgraph is needed).
    let answer = http(port, graphql_post("{ me { id } }")).await;
    let body = body_of(&answer);
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "COST_ESTIMATED_TOO_EXPENSIVE",
        "{answer}"
    );
    assert_eq!(
        body["errors"][0]["extensions"]["cost"],
        json!({"estimated": 1, "max": 0})
    );
    let answer = http(port, graphql_post("{ __typename }")).await;
    let body = body_of(&answer);
    assert_eq!(body["data"]["__typename"], "Query", "{answer}");
    assert_eq!(body["extensions"]["cost"]["estimated"], 0, "{answer}");
}

/// A subgraph that holds every request until released, counting them.
struct SlowSubgraph {
    url: String,
    arrived: Arc<AtomicUsize>,
    release: Arc<tokio::sync::Semaphore>,
}

async fn slow_subgraph() -> SlowSubgraph {
    let arrived = Arc::new(AtomicUsize::new(0));
    let release = Arc::new(tokio::sync::Semaphore::new(0));
    let (counter, gate) = (arrived.clone(), release.clone());
    let app = axum::Router::new().route(
        "/graphql",
        post(move || {
            let (counter, gate) = (counter.clone(), gate.clone());
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                let _permit = gate.acquire().await;
                Json(json!({ "data": { "version": 7 } }))
            }
        }),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}/graphql", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    SlowSubgraph {
        url,
        arrived,
        release,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_lets_every_request_in_flight_finish_then_stops() {
    const REQUESTS: usize = 8;
    let subgraph = slow_subgraph().await;
    let dir = temp_dir("shutdown");
    let supergraph_file = dir.join("supergraph.graphql");
    std::fs::write(&supergraph_file, supergraph(&subgraph.url)).expect("write");
    let port = free_port();
    let file = dir.join("quntuan.yaml");
    std::fs::write(
        &file,
        format!(
            // Without deduplication every request reaches the subgraph, where it waits.
            "listen: 127.0.0.1:{port}\ndeduplicate_requests: false\nsupergraph:\n  file: {}\nshutdown:\n  grace_period_ms: 20000\n",
            supergraph_file.display()
        ),
    )
    .expect("write");
    let child = quntuan()
        .arg("serve")
        .arg("--config")
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("quntuan starts");
    let pid = child.id();
    let mut server = Server(child);
    wait_healthy(port).await;

    let requests: Vec<_> = (0..REQUESTS)
        .map(|_| tokio::spawn(http(port, graphql_post("{ version }"))))
        .collect();
    let started = Instant::now();
    while subgraph.arrived.load(Ordering::SeqCst) < REQUESTS {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "requests never arrived"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    // The gateway stops accepting while the requests are still held by the subgraph.
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the gateway kept accepting connections after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(
        server.0.try_wait().expect("status"),
        None,
        "it exited early"
    );
    subgraph.release.add_permits(REQUESTS);
    for request in requests {
        let answer = request.await.expect("client task");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert_eq!(body_of(&answer), json!({ "data": { "version": 7 } }));
    }
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().expect("status") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "it did not exit"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    assert!(status.success(), "{status}");
}

/// `quntuan serve --otlp-endpoint ... --log-format json`: a request with a `traceparent` is
/// exported (on SIGTERM the gateway sends what it holds before exiting), the subgraph gets
/// the fetch's `traceparent`, and the log lines on stderr are JSON.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_exports_traces_and_logs_json_by_its_flags() {
    let trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    let exports: Arc<std::sync::Mutex<Vec<Value>>> = Arc::default();
    let received: Arc<std::sync::Mutex<Vec<String>>> = Arc::default();
    let (store, seen) = (exports.clone(), received.clone());
    let collector = axum::Router::new().route(
        "/v1/traces",
        post(move |body: axum::body::Bytes| async move {
            let export: Value = serde_json::from_slice(&body).expect("OTLP JSON");
            store.lock().expect("exports").push(export);
            "{}"
        }),
    );
    let subgraph = axum::Router::new().route(
        "/graphql",
        post(move |headers: axum::http::HeaderMap| async move {
            let traceparent = headers.get("traceparent").and_then(|v| v.to_str().ok());
            seen.lock()
                .expect("received")
                .push(traceparent.unwrap_or("none").to_string());
            Json(json!({ "data": { "version": 7 } }))
        }),
    );
    let mut addresses = Vec::new();
    for app in [collector, subgraph] {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        addresses.push(listener.local_addr().expect("address"));
        tokio::spawn(async move { axum::serve(listener, app).await });
    }
    let dir = temp_dir("traces");
    let supergraph_file = dir.join("supergraph.graphql");
    let subgraph_url = format!("http://{}/graphql", addresses[1]);
    std::fs::write(&supergraph_file, supergraph(&subgraph_url)).expect("write");
    let port = free_port();
    let child = quntuan()
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--supergraph")
        .arg(&supergraph_file)
        .args(["--otlp-endpoint", &format!("http://{}", addresses[0])])
        .args(["--otlp-protocol", "http/json", "--log-format", "json"])
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("quntuan starts");
    let pid = child.id();
    let mut server = Server(child);
    wait_healthy(port).await;
    let body = json!({ "query": "query Version { version }" }).to_string();
    let request = format!(
        "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\ntraceparent: 00-{trace}-00f067aa0ba902b7-01\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let answer = http(port, request).await;
    assert_eq!(body_of(&answer), json!({ "data": { "version": 7 } }));
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let child = std::mem::replace(
        &mut server.0,
        Command::new("true").spawn().expect("a placeholder"),
    );
    let output = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .expect("waits")
        .expect("output");
    assert!(output.status.success(), "{}", output.status);

    let spans: Vec<Value> = exports
        .lock()
        .expect("exports")
        .iter()
        .flat_map(|export| {
            export["resourceSpans"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .flat_map(|resource| {
            resource["scopeSpans"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .flat_map(|scope| scope["spans"].as_array().cloned().unwrap_or_default())
        .collect();
    let mut names: Vec<&str> = spans.iter().filter_map(|s| s["name"].as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["execute", "fetch", "parse", "plan", "request", "validate"]
    );
    assert!(spans.iter().all(|s| s["traceId"] == trace));
    let fetch = spans.iter().find(|s| s["name"] == "fetch").expect("fetch");
    let fetch_id = fetch["spanId"].as_str().expect("span id");
    assert_eq!(
        *received.lock().expect("received"),
        [format!("00-{trace}-{fetch_id}-01")]
    );

    let stderr = String::from_utf8_lossy(&output.stderr);
    let logged: Vec<Value> = stderr
        .lines()
        .filter(|line| line.starts_with('{'))
        .map(|line| serde_json::from_str(line).expect("a JSON log line"))
        .collect();
    let loaded = logged
        .iter()
        .find(|line| line["message"] == "supergraph loaded")
        .unwrap_or_else(|| panic!("no JSON line for the loaded supergraph in {stderr}"));
    assert_eq!(loaded["level"], "INFO");
    assert_eq!(loaded["target"], "quntuan_gateway::reload::source");
}
