//! Fault (d) of issue 16: PostgreSQL restarted under a subgraph while requests flow.
//!
//! The machine's PostgreSQL is shared, so this scenario starts a private cluster of its own
//! (`initdb` into a temporary folder, `pg_ctl` on port 46432, 127.0.0.1 only), runs the youth
//! subgraph on it and the hub on SQLite, puts the real gateway in front, and drives closed-loop
//! clients for a bounded time while the cluster is stopped and started again: readers, and a
//! writer registering volunteers. Afterwards every acknowledged registration is stored, none
//! is half-applied (youth's region summary equals the live count), and the subgraph has
//! reconnected by itself. Ignored by
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
const REGISTER: &str = "mutation($input: RegisterVolunteerInput!) { registerYouthVolunteer(input: $input) { id idNumber } }";
/// The community every registration of this test goes to, and the date that tells them apart
/// from the seed's volunteers.
const COMMUNITY: &str = "510104003001";
const REGISTERED_ON: &str = "2025-06-15";
/// Stored registrations of this test (two pages of at most 100) and the region's summary.
const STORED: &str = "query($offset: Int!) {
  youthVolunteers(filter: { regionCode: \"510104003001\", registeredFrom: \"2025-06-15\", registeredTo: \"2025-06-15\" }, limit: 100, offset: $offset) { totalCount items { idNumber } }
  all: youthVolunteers(filter: { regionCode: \"510104003001\" }, limit: 1) { totalCount }
  region(code: \"510104003001\") { youth { volunteerCount } } }";
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
    match client.post_json(url, body, None).await {
        Some(answer) => answer.get("errors").is_none() && answer["data"] != Value::Null,
        None => false,
    }
}

/// The youth officer's token (the test gateway and subgraphs share the kit's test secret).
fn officer() -> String {
    quntuan_e2e::token("fault-d-officer", "youth:personal")
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

        pub(super) async fn post_json(
            &self,
            url: &str,
            body: String,
            token: Option<&str>,
        ) -> Option<Value> {
            let mut request = http::Request::post(url).header("content-type", "application/json");
            if let Some(token) = token {
                request = request.header("authorization", format!("Bearer {token}"));
            }
            let request = request.body(Full::new(Bytes::from(body))).ok()?;
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

/// One registration: its ID number, when it started, and whether it was acknowledged.
struct Registration {
    id_number: String,
    started: Duration,
    acknowledged: bool,
}

/// Registers a volunteer every 50 ms until the load ends, each with a new ID number.
async fn register(url: String, start: Instant) -> Vec<Registration> {
    let client = reqwest_like::Client::new();
    let token = officer();
    let mut registrations = Vec::new();
    let mut n = 0;
    while start.elapsed() < LOAD_FOR {
        let id_number = quntuan_kit::testing::resident_id_number(70_000 + n);
        let body = json!({ "query": REGISTER, "variables": { "input": {
            "name": "故障测试",
            "idNumber": id_number,
            "phone": format!("139{:08}", 70_000 + n),
            "regionCode": COMMUNITY,
            "registeredOn": REGISTERED_ON,
        }}})
        .to_string();
        let started = start.elapsed();
        let answer = client.post_json(&url, body, Some(&token)).await;
        let acknowledged = answer.is_some_and(|a| {
            a.get("errors").is_none()
                && a["data"]["registerYouthVolunteer"]["idNumber"] == id_number.as_str()
        });
        registrations.push(Registration {
            id_number,
            started,
            acknowledged,
        });
        n += 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    registrations
}

/// The ID numbers this test's registrations left in the database, the youth summary's
/// volunteer count for the community and the live count of its volunteers.
async fn stored(url: &str) -> (Vec<String>, i64, i64) {
    let client = reqwest_like::Client::new();
    let token = officer();
    let mut ids = Vec::new();
    let mut figures = (0, 0);
    for offset in [0, 100, 200] {
        let body = json!({ "query": STORED, "variables": { "offset": offset } }).to_string();
        let answer = client
            .post_json(url, body, Some(&token))
            .await
            .expect("the gateway answers after the restart");
        assert!(answer.get("errors").is_none(), "{answer}");
        let page = answer["data"]["youthVolunteers"]["items"]
            .as_array()
            .expect("a page of volunteers");
        ids.extend(
            page.iter()
                .map(|v| v["idNumber"].as_str().unwrap_or_default().to_string()),
        );
        figures = (
            answer["data"]["region"]["youth"]["volunteerCount"]
                .as_i64()
                .unwrap_or(-1),
            answer["data"]["all"]["totalCount"].as_i64().unwrap_or(-2),
        );
    }
    (ids, figures.0, figures.1)
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
            jwt_secret: Some(quntuan_e2e::JWT_SECRET.into()),
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
    let writer = tokio::spawn(register(url.clone(), start));
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
    let registrations = writer.await.expect("the writer task");
    let (_postgres, stopped, restarted) = postgres.await.expect("the restart thread");
    let (stored_ids, summary_count, live_count) = stored(&url).await;
    let acknowledged: Vec<&Registration> =
        registrations.iter().filter(|r| r.acknowledged).collect();
    let refused: Vec<&Registration> = registrations.iter().filter(|r| !r.acknowledged).collect();
    let refused_but_stored = refused
        .iter()
        .filter(|r| stored_ids.contains(&r.id_number))
        .count();

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
    println!(
        "FAULT d (writes): {} registrations, {} acknowledged (all stored: {}), {} answered an \
         error ({} of them stored nonetheless: committed as the connection dropped), {} stored \
         in all; youth's region summary {} against a live count of {}",
        registrations.len(),
        acknowledged.len(),
        acknowledged
            .iter()
            .all(|r| stored_ids.contains(&r.id_number)),
        refused.len(),
        refused_but_stored,
        stored_ids.len(),
        summary_count,
        live_count,
    );
    assert!(
        before.iter().all(|o| o.ok),
        "requests failed before the outage"
    );
    for registration in &acknowledged {
        assert!(
            stored_ids.contains(&registration.id_number),
            "acknowledged registration {} is not stored",
            registration.id_number
        );
    }
    assert!(
        stored_ids
            .iter()
            .all(|id| registrations.iter().any(|r| &r.id_number == id)),
        "a stored registration this test never sent"
    );
    assert_eq!(
        summary_count, live_count,
        "youth's summary of the community disagrees with its volunteers: a write half-applied"
    );
    assert!(
        registrations
            .iter()
            .filter(|r| r.started >= restarted + RECOVERY_GRACE)
            .all(|r| r.acknowledged),
        "registrations still failed {} s after PostgreSQL came back",
        RECOVERY_GRACE.as_secs()
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
