//! `quntuan subgraph NAME`: one subgraph alone, migrated on start.

use crate::subgraphs;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub(crate) struct SubgraphArgs {
    /// hub, unions, youth, women, science or disability.
    name: String,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:4001")]
    listen: String,
    /// Database URL (sqlite://FILE or postgres://...). Default: SQLite under --data-dir.
    #[arg(long, env = "DATABASE_URL")]
    database_url: Option<String>,
    /// Where the default SQLite databases live.
    #[arg(long, default_value = "data")]
    data_dir: PathBuf,
}

pub(crate) fn run(args: SubgraphArgs) -> ExitCode {
    crate::block_on(async move {
        let service = subgraphs::by_name(&args.name)?;
        std::fs::create_dir_all(&args.data_dir)
            .map_err(|e| format!("cannot create {}: {e}", args.data_dir.display()))?;
        let url = args
            .database_url
            .unwrap_or_else(|| subgraphs::sqlite_url(&args.data_dir, service.name()));
        let db = quntuan_kit::db::connect(&url)
            .await
            .map_err(|e| format!("{}: {e}", service.name()))?;
        service
            .migrate(&db)
            .await
            .map_err(|e| format!("{}: migration failed: {e}", service.name()))?;
        eprintln!(
            "subgraph `{}` listening on http://{}/graphql",
            service.name(),
            args.listen
        );
        quntuan_kit::server::serve(&args.listen, service.router(db))
            .await
            .map_err(|e| format!("{}: {e}", service.name()))
    })
}
