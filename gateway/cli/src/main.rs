//! The `quntuan` command: one binary for the gateway and the tooling around it.

mod allocator;
mod check_cmd;
mod compose_cmd;
mod composed_source;
mod config;
mod config_cmd;
mod cost_args;
mod dev_cmd;
mod http_args;
mod limit_args;
mod new_subgraph_cmd;
mod plan_cmd;
mod sdl_fetch;
mod seed_cmd;
mod serve_cmd;
mod shutdown;
mod subgraph_cmd;
mod subgraphs;
mod supergraph_source;
mod telemetry_args;

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
#[expect(
    clippy::large_enum_variant,
    reason = "parsed once at start; the serve flags are what make it large"
)]
enum Command {
    /// Run the gateway in front of the subgraphs of a supergraph.
    Serve(serve_cmd::ServeArgs),
    /// Print the query plan of an operation.
    Plan(plan_cmd::PlanArgs),
    /// Compose the subgraphs of a supergraph config into a supergraph SDL.
    Compose(compose_cmd::ComposeArgs),
    /// Check a proposed subgraph SDL: composition errors and breaking changes.
    Check(check_cmd::CheckArgs),
    /// Run the whole federated graph locally: six subgraphs on SQLite and the gateway.
    Dev(dev_cmd::DevArgs),
    /// Run one subgraph alone.
    Subgraph(subgraph_cmd::SubgraphArgs),
    /// Seed a subgraph's database (demo or full scale).
    Seed(seed_cmd::SeedArgs),
    /// Check a configuration file, or print its JSON Schema.
    Config(config_cmd::ConfigArgs),
    /// Add a new organisation's subgraph to this checkout, from the `sample` template.
    NewSubgraph(new_subgraph_cmd::NewSubgraphArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => serve_cmd::run(args),
        Command::Plan(args) => plan_cmd::run(args),
        Command::Compose(args) => compose_cmd::run(args),
        Command::Check(args) => check_cmd::run(args),
        Command::Dev(args) => dev_cmd::run(args),
        Command::Subgraph(args) => subgraph_cmd::run(args),
        Command::Seed(args) => seed_cmd::run(args),
        Command::Config(args) => config_cmd::run(args),
        Command::NewSubgraph(args) => new_subgraph_cmd::run(args),
    }
}

/// Runs an async command on a fresh runtime; an `Err` is printed and exits non-zero.
pub(crate) fn block_on(future: impl std::future::Future<Output = Result<(), String>>) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(future) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
