//! The subscription load client: opens `--subscribers` graphql-transport-ws subscriptions to
//! the gateway's `ticks`, prints `OPENED …` once each has had its first event, counts and checks
//! events for `--duration` seconds, closes them all and prints the figures (the last line
//! `RESULT key=value …`). Exit status 0 when every subscriber got every event right, 1 otherwise.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use quntuan_bench::subscribers::{self, LoadConfig};

#[derive(Parser)]
#[command(
    name = "quntuan-bench-subscribers",
    about = "Concurrent subscriptions to the gateway, events counted and checked"
)]
struct Cli {
    /// The gateway's WebSocket endpoint.
    #[arg(long, default_value = "ws://127.0.0.1:4120/graphql")]
    url: String,
    #[arg(long, default_value_t = 1000)]
    subscribers: usize,
    /// Milliseconds between two events of one subscription.
    #[arg(long, default_value_t = 100)]
    interval_ms: u32,
    /// Measured seconds, from when every subscriber has had its first event.
    #[arg(long, default_value_t = 20)]
    duration: u64,
    /// Seconds each step of opening a subscription may take.
    #[arg(long, default_value_t = 30)]
    open_timeout: u64,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let url = cli.url;
    if !url.starts_with("ws://127.0.0.1:") {
        eprintln!(
            "quntuan-bench-subscribers: --url must be ws://127.0.0.1:PORT/… (loopback only), not {url}"
        );
        return ExitCode::from(2);
    }
    let config = LoadConfig {
        interval_ms: cli.interval_ms,
        duration: Duration::from_secs(cli.duration),
        open_timeout: Duration::from_secs(cli.open_timeout),
        ..LoadConfig::new(url, cli.subscribers)
    };
    let report = subscribers::run(&config, |opened| {
        // The script reads the gateway's memory when this line appears.
        println!(
            "OPENED opened={} failed={} seconds={:.2}",
            opened.opened, opened.failed, opened.seconds
        );
        let _ = std::io::stdout().flush();
    })
    .await;
    println!("{report}");
    if report.clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
