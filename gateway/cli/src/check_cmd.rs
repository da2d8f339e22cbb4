//! `quntuan check`: composes with a proposed subgraph SDL and reports
//! composition errors and changes that break clients of the current API schema.

use clap::Args;
use quntuan_compose::check;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The supergraph config describing the current subgraphs.
    #[arg(long, default_value = "schema/supergraph.yaml")]
    config: PathBuf,
    /// The subgraph the proposed SDL replaces (or adds).
    #[arg(long)]
    subgraph: String,
    /// The proposed SDL of that subgraph.
    #[arg(long)]
    schema: PathBuf,
    /// PEM CA certificates trusted besides the public roots for `https://` subgraph URLs.
    #[arg(long, env = "QUNTUAN_TLS_CA_FILE")]
    tls_ca_file: Option<PathBuf>,
}

pub(crate) fn run(args: CheckArgs) -> ExitCode {
    let current = match crate::sdl_fetch::load_subgraphs(&args.config, args.tls_ca_file.clone()) {
        Ok(subgraphs) => subgraphs,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let proposed = match std::fs::read_to_string(&args.schema) {
        Ok(sdl) => sdl,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", args.schema.display());
            return ExitCode::FAILURE;
        }
    };
    let report = check(&current, &args.subgraph, &proposed);
    print!("{report}");
    if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
