//! `quntuan seed NAME --scale demo|full`: fills a subgraph's database with the deterministic data.

use crate::subgraphs;
use clap::Args;
use quntuan_kit::scale::Scale;
use quntuan_kit::seed::Progress;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, Args)]
pub(crate) struct SeedArgs {
    /// hub, unions, youth, women, science or disability; `all` for every one.
    name: String,
    /// demo (small, seconds) or full (the source's figures, about a million rows).
    #[arg(long, default_value = "demo")]
    scale: String,
    /// Database URL; with `all`, leave it out to use one SQLite file per subgraph.
    #[arg(long, env = "DATABASE_URL")]
    database_url: Option<String>,
    #[arg(long, default_value = "data")]
    data_dir: PathBuf,
}

pub(crate) fn run(args: SeedArgs) -> ExitCode {
    crate::block_on(async move {
        let scale: Scale = args.scale.parse().map_err(|e| format!("--scale: {e}"))?;
        let services = if args.name == "all" {
            subgraphs::all()
        } else {
            vec![subgraphs::by_name(&args.name)?]
        };
        std::fs::create_dir_all(&args.data_dir)
            .map_err(|e| format!("cannot create {}: {e}", args.data_dir.display()))?;
        for service in services {
            let url = match (&args.database_url, args.name == "all") {
                (Some(url), false) => url.clone(),
                _ => subgraphs::sqlite_url(&args.data_dir, service.name()),
            };
            let db = quntuan_kit::db::connect(&url)
                .await
                .map_err(|e| format!("{}: {e}", service.name()))?;
            service
                .migrate(&db)
                .await
                .map_err(|e| format!("{}: migration failed: {e}", service.name()))?;
            let started = Instant::now();
            service
                .seed(&db, scale, &Progress::stderr())
                .await
                .map_err(|e| format!("{}: seeding failed: {e}", service.name()))?;
            eprintln!(
                "seeded `{}` at {} scale in {:.1?}",
                service.name(),
                scale.as_str(),
                started.elapsed()
            );
        }
        Ok(())
    })
}
