//! The `quntuan` command: one binary for the gateway and the tooling around it.

mod check_cmd;
mod compose_cmd;
mod plan_cmd;
mod serve_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "quntuan",
    version,
    about = "Quntuan: an Apollo Federation v2 gateway and the Chengdu mass-organisation graph"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the gateway in front of the subgraphs of a supergraph.
    Serve(serve_cmd::ServeArgs),
    /// Print the query plan of an operation.
    Plan(plan_cmd::PlanArgs),
    /// Compose the subgraphs of a supergraph config into a supergraph SDL.
    Compose(compose_cmd::ComposeArgs),
    /// Check a proposed subgraph SDL: composition errors and breaking changes.
    Check(check_cmd::CheckArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => serve_cmd::run(args),
        Command::Plan(args) => plan_cmd::run(args),
        Command::Compose(args) => compose_cmd::run(args),
        Command::Check(args) => check_cmd::run(args),
    }
}
