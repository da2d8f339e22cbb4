//! The subscription load client of `bench/subscriptions.sh` against the real gateway HTTP
//! server, small: the benchmark's ticker and products subgraphs in process, 20 subscribers for
//! two seconds, and every subscriber must get every event with the product its `seq` names
//! (resolved through an entity fetch to `products`), with deduplication off and on. This keeps
//! the script's machinery honest; the figures come from the script's release runs.

use std::sync::Arc;
use std::time::Duration;

use quntuan_bench::server;
use quntuan_bench::subgraphs::products;
use quntuan_bench::subscribers::{self, LoadConfig, Report};
use quntuan_bench::ticker;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router_with_subscriptions};
use quntuan_gateway::reload::GatewayHandle;
use quntuan_gateway::subscription::Registry;
use quntuan_gateway::supergraph::Supergraph;

const SUBSCRIBERS: usize = 20;
const INTERVAL_MS: u32 = 50;

/// Serves `router` on an ephemeral loopback port until the test ends; its `http://` address.
async fn spawn(name: &'static str, router: axum::Router) -> String {
    let listener = server::bind(0).await.expect("a loopback port");
    let address = listener.local_addr().expect("the bound address");
    tokio::spawn(server::serve(
        name,
        listener,
        router,
        std::future::pending(),
    ));
    format!("http://{address}")
}

/// The ticker, products and a gateway over `bench/supergraph-subscriptions.graphql`; the
/// gateway's WebSocket URL.
async fn start(deduplicate: bool) -> String {
    let ticker = spawn("ticker", ticker::router()).await;
    let products = spawn("products", server::graphql_router(products::schema())).await;
    let mut settings = GatewaySettings::default();
    settings.subscriptions.deduplicate = deduplicate;
    settings
        .url_overrides
        .insert("ticker".into(), format!("{ticker}/graphql"));
    settings
        .url_overrides
        .insert("products".into(), format!("{products}/graphql"));
    let sdl = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../bench/supergraph-subscriptions.graphql"),
    )
    .expect("bench/supergraph-subscriptions.graphql");
    let supergraph = Supergraph::parse(&sdl).expect("the subscriptions supergraph loads");
    let handle = GatewayHandle::new(Arc::new(Gateway::new(supergraph, settings)));
    let app = router_with_subscriptions(handle, &HttpSettings::default(), Registry::new());
    let gateway = spawn("gateway", app).await;
    format!("{}/graphql", gateway.replace("http://", "ws://"))
}

async fn load(url: String) -> Report {
    let config = LoadConfig {
        interval_ms: INTERVAL_MS,
        duration: Duration::from_secs(2),
        open_timeout: Duration::from_secs(10),
        ..LoadConfig::new(url, SUBSCRIBERS)
    };
    let mut opened = None;
    let report = subscribers::run(&config, |o| opened = Some(o)).await;
    let opened = opened.expect("the client reports when its subscriptions are open");
    assert_eq!((opened.opened, opened.failed), (SUBSCRIBERS, 0), "{report}");
    report
}

/// Every subscriber opened, stayed, and got every event in order with the right product.
/// At 50 ms two seconds hold about 40 events each on a quiet machine, but a busy one ticks
/// slower (12-14 were seen at load average 10: fewer events, none skipped), so the count
/// only has to show that events kept flowing; how many per second is the benchmark's figure.
fn assert_every_event_arrived(report: &Report) {
    assert!(report.clean(), "{report}");
    assert_eq!(report.wrong, 0, "{report}");
    assert_eq!(report.missed, 0, "{report}");
    assert!(report.min_per_subscriber >= 5, "{report}");
    assert_eq!(
        report.window_events,
        report.per_second.iter().sum::<u64>(),
        "every counted event falls in a second of the window: {report}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_subscriber_gets_every_event_with_its_entity_resolved() {
    let url = start(false).await;
    let report = load(url).await;
    assert_every_event_arrived(&report);
    assert_eq!(
        report.from_first_event, SUBSCRIBERS,
        "each subscriber has its own subgraph subscription, from seq 0: {report}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_deduplication_every_subscriber_still_gets_every_event() {
    let url = start(true).await;
    let report = load(url).await;
    assert_every_event_arrived(&report);
}
