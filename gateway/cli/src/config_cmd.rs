//! `quntuan config check FILE` and `quntuan config schema`: the configuration file without
//! serving.

use crate::config;
use clap::{Args, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub(crate) struct ConfigArgs {
    #[command(subcommand)]
    command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
enum ConfigCommand {
    /// Load a configuration file as `quntuan serve --config` would, and say what is wrong.
    Check {
        /// The configuration file.
        file: PathBuf,
    },
    /// Print the JSON Schema of the configuration file, for editors.
    Schema,
}

pub(crate) fn run(args: ConfigArgs) -> ExitCode {
    match args.command {
        ConfigCommand::Check { file } => match config::load(&file) {
            Ok(_) => {
                println!("{}: ok", file.display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::FAILURE
            }
        },
        ConfigCommand::Schema => {
            print!("{}", config::JSON_SCHEMA);
            ExitCode::SUCCESS
        }
    }
}
