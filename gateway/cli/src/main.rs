//! The `quntuan` command: one binary for the gateway and the tooling around it.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "quntuan", version, about = "Quntuan: an Apollo Federation v2 gateway and the Chengdu mass-organisation graph")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {}
}
