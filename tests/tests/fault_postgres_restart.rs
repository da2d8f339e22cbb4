//! Fault (d) of issue 16: PostgreSQL restarted under a subgraph while requests flow.
//!
//! The machine's PostgreSQL is shared, so this scenario starts a private cluster of its own
//! (`initdb` into a temporary folder, `pg_ctl` on port 46432, 127.0.0.1 only), runs the youth
//! subgraph on it and the hub on SQLite, puts the real gateway in front, and drives closed-loop
//! clients for a bounded time while the cluster is stopped and started again. Ignored by
//! default (it needs PostgreSQL's server binaries and about 15 s); `bench/faults.sh` runs it
//! and prints its `FAULT` line.

use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::supergraph::Supergraph;
use quntuan_kit::SubgraphService;
use quntuan_kit::scale::Scale;
use quntuan_kit::seed::Progress;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PORT: u16 = 46432;
const YOUTH_QUERY: &str = "{ youthBranches(limit: 3) { totalCount items { id name } } }";
const HUB_QUERY: &str = "{ regions(level: DISTRICT) { code name } }";
/// When the cluster stops and starts again, counted from the start of the load.
const STOP_AT: Duration = Duration::from_secs(3);
const START_AT: Duration = Duration::from_secs(6);
const LOAD_FOR: Duration = Duration::from_secs(12);
/// Requests started this long after the restart must all succeed.
const RECOVERY_GRACE: Duration = Duration::from_secs(2);

/// A PostgreSQL cluster of this test's own, removed on drop.
struct PrivatePostgres {
    bin: PathBuf,
    data: PathBuf,
}

impl PrivatePostgres {
    fn start() -> PrivatePostgres {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL's server binaries under /usr/lib/postgresql")
            .filter_map(Result::ok)
            .map(|entry| entry.path().join("bin"))
            .find(|bin| bin.join("initdb").exists())
            .expect("an initdb under /usr/lib/postgresql/*/bin");
        let data = std::env::temp_dir().join(format!("quntuan-fault-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data).expect("create the cluster folder");
        let cluster = PrivatePostgres { bin, data };
        // initdb refuses to run as root: the cluster belongs to the `postgres` user.
        cluster.run_as_owner(&["chown", "-R", "postgres", &cluster.path()], false);
        cluster.run_as_owner(
            &[
                &cluster.tool("initdb"),
                "-D",
                &cluster.path(),
                "-A",
                "trust",
                "-U",
                "postgres",
            ],
            true,
        );
        cluster.pg_ctl("start");
        cluster
    }

    fn path(&self) -> String {
        self.data.display().to_string()
    }

    fn tool(&self, name: &str) -> String {
        self.bin.join(name).display().to_string()
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{PORT}/postgres")
    }

    fn run_as_owner(&self, command: &[&str], as_postgres: bool) {
        let mut process = if as_postgres && is_root() {
            let mut process = Command::new("runuser");
            process.args(["-u", "postgres", "--"]).args(command);
            process
        } else {
            let mut process = Command::new(command[0]);
            process.args(&command[1..]);
            process
        };
        let output = process
            .output()
            .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
        assert!(
            output.status.success(),
            "{command:?} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// `pg_ctl start|stop`, waiting until it is done; `stop` is the fast mode a restarting
    /// server uses (open sessions are ended at once).
    fn pg_ctl(&self, action: &str) {
        let options = format!("-p {PORT} -c listen_addresses=127.0.0.1 -k {}", self.path());
        let log = Path::new(&self.data)
            .join("server.log")
            .display()
            .to_string();
        let mut command = vec![self.tool("pg_ctl"), "-D".into(), self.path(), "-w".into()];
        match action {
            "start" => command.extend(["-o".into(), options, "-l".into(), log, "start".into()]),
            _ => command.extend(["-m".into(), "fast".into(), "stop".into()]),
        }
        let command: Vec<&str> = command.iter().map(String::as_str).collect();
        self.run_as_owner(&command, true);
    }
}

impl Drop for PrivatePostgres {
    fn drop(&mut self) {
        let _ = Command::new("runuser")
            .args([
                "-u",
                "postgres",
                "--",
                &self.tool("pg_ctl"),
                "-D",
                &self.path(),
            ])
            .args(["-m", "immediate", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

/// Serves `service` over `db` on an ephemeral 127.0.0.1 port; returns its GraphQL URL.
async fn serve_subgraph(
    service: &'static dyn SubgraphService,
    db: quntuan_kit::reexports::sea_orm::DatabaseConnection,
) -> String {
    service.migrate(&db).await.expect("migrate");
    service
        .seed(&db, Scale::Demo, &Progress::hidden())
        .await
        .expect("seed");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a subgraph");
    let url = format!("http://{}/graphql", listener.local_addr().expect("address"));
    let app = service.router(db);
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    url
}

/// One request's outcome: when it started (from the load's start), how long it took, and
/// whether it answered the data without errors.
struct Outcome {
    started: Duration,
    took: Duration,
    ok: bool,
}

async fn post(client: &reqwest_like::Client, url: &str, query: &str) -> bool {
    let body = json!({ "query": query }).to_string();
    match client.post_json(url, body).await {
        Some(answer) => answer.get("errors").is_none() && answer["data"] != Value::Null,
        None => false,
    }
}

/// The smallest HTTP client these clients need, over hyper.
mod reqwest_like {
    use bytes::Bytes;
    use http_body_util::{BodyExt, Full};
    use hyper_util::client::legacy::connect::HttpConnector;
    use hyper_util::rt::TokioExecutor;
    use serde_json::Value;

    pub(super) struct Client(hyper_util::client::legacy::Client<HttpConnector, Full<Bytes>>);

    impl Client {
        pub(super) fn new() -> Client {
            Client(hyper_util::client::legacy::Client::builder(TokioExecutor::new()).build_http())
        }

        pub(super) async fn post_json(&self, url: &str, body: String) -> Option<Value> {
            let request = http::Request::post(url)
                .header("content-type", "application/json")
                .body(Full::new(Bytes::from(body)))
                .ok()?;
            let response = self.0.request(request).await.ok()?;
            let bytes = response.into_body().collect().await.ok()?.to_bytes();
            serde_json::from_slice(&bytes).ok()
        }
    }
}

async fn drive(url: String, query: &'static str, start: Instant) -> Vec<Outcome> {
    let client = reqwest_like::Client::new();
    let mut outcomes = Vec::new();
    while start.elapsed() < LOAD_FOR {
        let started = start.elapsed();
        let ok = post(&client, &url, query).await;
        outcomes.push(Outcome {
            started,
            took: start.elapsed() - started,
            ok,
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    outcomes
}

fn p99(outcomes: &[&Outcome]) -> Duration {
    let mut took: Vec<Duration> = outcomes.iter().map(|o| o.took).collect();
    took.sort();
    took.get((took.len() * 99 / 100).min(took.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts a private PostgreSQL cluster; run by bench/faults.sh"]
async fn postgres_restarted_under_a_subgraph_fails_only_its_requests_and_they_recover() {
    let postgres = PrivatePostgres::start();
    let youth_db = quntuan_kit::db::connect(&postgres.url())
        .await
        .expect("connect to the private cluster");
    let hub_db = quntuan_kit::db::connect("sqlite::memory:")
        .await
        .expect("an in-memory hub");
    let youth_url = serve_subgraph(&quntuan_youth::Youth, youth_db).await;
    let hub_url = serve_subgraph(&quntuan_hub::Hub, hub_db).await;
    let composed = quntuan_compose::compose(&[
        quntuan_compose::SubgraphSdl::new("hub", hub_url, quntuan_hub::Hub.sdl()),
        quntuan_compose::SubgraphSdl::new("youth", youth_url, quntuan_youth::Youth.sdl()),
    ])
    .unwrap_or_else(|d| panic!("{}", quntuan_compose::render_diagnostics(&d)));
    let gateway = Gateway::new(
        Supergraph::parse(&composed.sdl).expect("supergraph"),
        GatewaySettings {
            subgraph_timeout: Duration::from_secs(10),
            ..GatewaySettings::default()
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the gateway");
    let url = format!("http://{}/graphql", listener.local_addr().expect("address"));
    let app = router(Arc::new(gateway), &HttpSettings::default())
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    assert!(post(&reqwest_like::Client::new(), &url, YOUTH_QUERY).await);

    let start = Instant::now();
    let mut clients = Vec::new();
    for query in [YOUTH_QUERY, YOUTH_QUERY, YOUTH_QUERY, HUB_QUERY] {
        clients.push(tokio::spawn(drive(url.clone(), query, start)));
    }
    let postgres = tokio::task::spawn_blocking(move || {
        std::thread::sleep(STOP_AT);
        postgres.pg_ctl("stop");
        let stopped = start.elapsed();
        std::thread::sleep(START_AT.saturating_sub(start.elapsed()));
        postgres.pg_ctl("start");
        (postgres, stopped, start.elapsed())
    });
    let mut youth = Vec::new();
    let mut hub = Vec::new();
    for (index, client) in clients.into_iter().enumerate() {
        let outcomes = client.await.expect("client task");
        if index < 3 {
            youth.extend(outcomes)
        } else {
            hub.extend(outcomes)
        }
    }
    let (_postgres, stopped, restarted) = postgres.await.expect("the restart thread");

    let before: Vec<&Outcome> = youth
        .iter()
        .filter(|o| o.started + o.took < stopped)
        .collect();
    let during: Vec<&Outcome> = youth
        .iter()
        .filter(|o| o.started + o.took >= stopped && o.started < restarted + RECOVERY_GRACE)
        .collect();
    let after: Vec<&Outcome> = youth
        .iter()
        .filter(|o| o.started >= restarted + RECOVERY_GRACE)
        .collect();
    // Requests that met the outage wait for a pooled connection; when did the last finish?
    let waited_until = during
        .iter()
        .map(|o| o.started + o.took)
        .max()
        .unwrap_or(restarted);
    let slowest = youth.iter().map(|o| o.took).max().unwrap_or_default();
    println!(
        "FAULT d: private PostgreSQL stopped at {:.1} s, started at {:.1} s; youth requests: \
         {} before (failed {}), {} during the outage and {} s after (failed {}), {} after \
         (failed {}); requests caught by the outage all answered {:.2} s after the restart; slowest {} ms; p99 {} ms; \
         hub (SQLite) requests {} (failed {})",
        stopped.as_secs_f64(),
        restarted.as_secs_f64(),
        before.len(),
        before.iter().filter(|o| !o.ok).count(),
        during.len(),
        RECOVERY_GRACE.as_secs(),
        during.iter().filter(|o| !o.ok).count(),
        after.len(),
        after.iter().filter(|o| !o.ok).count(),
        waited_until.saturating_sub(restarted).as_secs_f64(),
        slowest.as_millis(),
        p99(&youth.iter().collect::<Vec<_>>()).as_millis(),
        hub.len(),
        hub.iter().filter(|o| !o.ok).count(),
    );
    assert!(
        before.iter().all(|o| o.ok),
        "requests failed before the outage"
    );
    assert!(
        hub.iter().all(|o| o.ok),
        "the hub, on SQLite, failed while PostgreSQL was down"
    );
    assert!(!after.is_empty(), "no request ran after the restart");
    assert!(
        after.iter().all(|o| o.ok),
        "requests still failed {} s after PostgreSQL came back",
        RECOVERY_GRACE.as_secs()
    );
}
