//! Measures a full-scale hub seed: `cargo run -p quntuan-hub --example seed_full -- URL`
//! (default: a fresh SQLite file in the temp directory).

use std::time::Instant;

use quntuan_hub::Hub;
use quntuan_kit::{Progress, Scale, SubgraphService, connect};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = match std::env::args().nth(1) {
        Some(url) => url,
        None => {
            let path = std::env::temp_dir().join("quntuan-hub-full.sqlite");
            let _ = std::fs::remove_file(&path);
            format!("sqlite:{}", path.display())
        }
    };
    let db = connect(&url).await?;
    let started = Instant::now();
    Hub.migrate(&db).await?;
    Hub.seed(&db, Scale::Full, &Progress::stderr()).await?;
    println!(
        "hub full-scale migrate + seed into {url}: {:.1?}",
        started.elapsed()
    );
    Ok(())
}
