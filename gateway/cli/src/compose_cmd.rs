//! `quntuan compose`: composes the subgraphs listed in a supergraph config
//! (Rover's `supergraph.yaml` shape) into a supergraph SDL.

use clap::Args;
use quntuan_compose::{compose, render_diagnostics};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub(crate) struct ComposeArgs {
    /// The supergraph config: `subgraphs: NAME: {routing_url, schema: {file | subgraph_url}}`.
    #[arg(long, default_value = "schema/supergraph.yaml")]
    config: PathBuf,
    /// Where to write the supergraph SDL (standard output when absent).
    #[arg(long)]
    output: Option<PathBuf>,
    /// PEM CA certificates trusted besides the public roots for `https://` subgraph URLs.
    #[arg(long, env = "QUNTUAN_TLS_CA_FILE")]
    tls_ca_file: Option<PathBuf>,
}

pub(crate) fn run(args: ComposeArgs) -> ExitCode {
    let subgraphs = match crate::sdl_fetch::load_subgraphs(&args.config, args.tls_ca_file.clone()) {
        Ok(subgraphs) => subgraphs,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    match compose(&subgraphs) {
        Ok(supergraph) => match &args.output {
            Some(path) => match std::fs::write(path, &supergraph.sdl) {
                Ok(()) => {
                    eprintln!(
                        "composed {} subgraphs into {}",
                        subgraphs.len(),
                        path.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("error: cannot write {}: {error}", path.display());
                    ExitCode::FAILURE
                }
            },
            None => {
                print!("{}", supergraph.sdl);
                ExitCode::SUCCESS
            }
        },
        Err(diagnostics) => {
            eprint!("{}", render_diagnostics(&diagnostics));
            eprintln!(
                "error: composition failed with {} error(s)",
                diagnostics.len()
            );
            ExitCode::FAILURE
        }
    }
}
