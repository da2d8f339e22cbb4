//! Serves the youth subgraph from an existing database, for timing scripts such as
//! `subgraphs/kit/benches/entities_latency.py` without building the whole CLI:
//! `cargo run -p quntuan-youth --example serve_youth -- sqlite:data/youth.sqlite 127.0.0.1:44001`
//! (the same router and schema as `quntuan subgraph youth`).

use quntuan_kit::SubgraphService;
use quntuan_youth::Youth;

#[tokio::main]
async fn main() -> Result<(), quntuan_kit::KitError> {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .unwrap_or_else(|| "sqlite:data/youth.sqlite".into());
    let listen = args.next().unwrap_or_else(|| "127.0.0.1:44001".into());
    let db = quntuan_kit::connect(&url).await?;
    quntuan_kit::serve(&listen, Youth.router(db)).await
}
