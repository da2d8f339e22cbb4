//! Starts the benchmark servers on 127.0.0.1: the four federation subgraphs, the monolith
//! baseline, the pass-through proxy baseline, the subscription load test's ticker and products,
//! or an OTLP sink for the traced gateway legs.
//! Each runs until SIGINT or SIGTERM.

use std::process::ExitCode;

use axum::Router;
use axum::http::Uri;
use clap::{Parser, Subcommand};
use quntuan_bench::server::{self, ServeError, graphql_router};
use quntuan_bench::subgraphs::{accounts, inventory, products, reviews};
use quntuan_bench::traffic::counted;
use quntuan_bench::{monolith, proxy, ticker};
use tokio::task::JoinSet;

#[derive(Parser)]
#[command(
    name = "quntuan-bench-subgraphs",
    about = "Benchmark servers for the Quntuan gateway (all on 127.0.0.1)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The four federation subgraphs, each on its own port, in this one process. Each counts what
    /// it is asked (`GET /traffic`).
    Subgraphs {
        #[arg(long, default_value_t = 4101)]
        accounts: u16,
        #[arg(long, default_value_t = 4102)]
        inventory: u16,
        #[arg(long, default_value_t = 4103)]
        products: u16,
        #[arg(long, default_value_t = 4104)]
        reviews: u16,
    },
    /// One non-federated schema over the same data, answering the deep query alone.
    Monolith {
        #[arg(long, default_value_t = 4105)]
        port: u16,
    },
    /// A pass-through proxy: POST /graphql is forwarded to --upstream unchanged.
    Proxy {
        #[arg(long, default_value_t = 4106)]
        port: u16,
        #[arg(long, default_value = "http://127.0.0.1:4105/graphql")]
        upstream: Uri,
    },
    /// The subscription load test's subgraphs: `ticker` (`Subscription.ticks`, over
    /// graphql-transport-ws) and `products` (the entity each event names).
    Ticker {
        #[arg(long, default_value_t = 4121)]
        ticker: u16,
        #[arg(long, default_value_t = 4122)]
        products: u16,
    },
    /// An OTLP/HTTP collector that reads every export and keeps nothing (`POST /v1/traces`):
    /// what the traced gateway legs export to.
    Sink {
        #[arg(long, default_value_t = 4110)]
        port: u16,
    },
}

/// `POST /v1/traces` read whole and answered 200 (an empty `ExportTraceServiceResponse`).
fn sink_router() -> Router {
    Router::new()
        .route(
            "/v1/traces",
            axum::routing::post(|_body: axum::body::Bytes| async { "" }),
        )
        .route("/health", axum::routing::get(|| async { "ok" }))
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let servers = match Cli::parse().command {
        Command::Subgraphs {
            accounts: a,
            inventory: i,
            products: p,
            reviews: r,
        } => vec![
            (
                "accounts",
                a,
                counted("accounts", graphql_router(accounts::schema())),
            ),
            (
                "inventory",
                i,
                counted("inventory", graphql_router(inventory::schema())),
            ),
            (
                "products",
                p,
                counted("products", graphql_router(products::schema())),
            ),
            (
                "reviews",
                r,
                counted("reviews", graphql_router(reviews::schema())),
            ),
        ],
        Command::Monolith { port } => {
            vec![("monolith", port, server::graphql_router(monolith::schema()))]
        }
        Command::Proxy { port, upstream } => vec![("proxy", port, proxy::router(upstream))],
        Command::Ticker {
            ticker: t,
            products: p,
        } => vec![
            ("ticker", t, ticker::router()),
            ("products", p, server::graphql_router(products::schema())),
        ],
        Command::Sink { port } => vec![("sink", port, sink_router())],
    };
    match run(servers).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("quntuan-bench-subgraphs: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Binds every server first (so a taken port fails before anything serves), prints where each
/// listens, then serves them all until a signal arrives or one of them fails.
async fn run(servers: Vec<(&'static str, u16, Router)>) -> Result<(), ServeError> {
    let mut bound = Vec::with_capacity(servers.len());
    for (name, port, router) in servers {
        let listener = server::bind(port).await?;
        let addr = listener
            .local_addr()
            .map_err(|source| ServeError::Bind { port, source })?;
        println!("{name} listening on http://{addr}/graphql");
        bound.push((name, listener, router));
    }
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut tasks = JoinSet::new();
    for (name, listener, router) in bound {
        let mut stop = stop_rx.clone();
        tasks.spawn(server::serve(name, listener, router, async move {
            // An error means the sender is gone, which also means "stop".
            let _ = stop.wait_for(|stopped| *stopped).await;
        }));
    }
    let mut result = Ok(());
    tokio::select! {
        () = shutdown_signal() => {}
        Some(joined) = tasks.join_next() => {
            if let Ok(Err(error)) = joined {
                result = Err(error);
            }
        }
    }
    let _ = stop_tx.send(true);
    while let Some(joined) = tasks.join_next().await {
        if let (Ok(Err(error)), Ok(())) = (joined, &result) {
            result = Err(error);
        }
    }
    result
}

async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            // Without a SIGTERM handler, SIGINT still stops the process.
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}
