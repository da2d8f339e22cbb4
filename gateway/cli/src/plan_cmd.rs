//! `quntuan plan`: prints the query plan of an operation, without calling any subgraph.

use crate::serve_cmd::load_gateway;
use clap::Args;
use quntuan_gateway::gateway::GatewaySettings;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub(crate) struct PlanArgs {
    /// The supergraph SDL.
    #[arg(long)]
    supergraph: PathBuf,
    /// A file holding the GraphQL operation.
    operation: PathBuf,
    /// Which operation of the file to plan, when it has several.
    #[arg(long)]
    operation_name: Option<String>,
    /// Variables as a JSON object (they decide `@skip`/`@include`).
    #[arg(long)]
    variables: Option<String>,
    /// Print the plan as JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: PlanArgs) -> ExitCode {
    let gateway = match load_gateway(&args.supergraph, GatewaySettings::default()) {
        Ok(gateway) => gateway,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let query = match std::fs::read_to_string(&args.operation) {
        Ok(query) => query,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", args.operation.display());
            return ExitCode::FAILURE;
        }
    };
    let variables = match args
        .variables
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
    {
        Ok(variables) => variables.unwrap_or_default(),
        Err(error) => {
            eprintln!("error: --variables is not a JSON object: {error}");
            return ExitCode::FAILURE;
        }
    };
    let planned = match gateway.plan_for(&query, args.operation_name.as_deref(), &variables) {
        Ok(planned) => planned,
        Err(errors) => {
            for error in errors {
                eprintln!("error: {}", error.message);
            }
            return ExitCode::FAILURE;
        }
    };
    match planned.as_ref() {
        Ok(prepared) => {
            if args.json {
                match serde_json::to_string_pretty(&prepared.plan) {
                    Ok(text) => println!("{text}"),
                    Err(error) => {
                        eprintln!("error: {error}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                print!("{}", prepared.plan);
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {}", error.message);
            ExitCode::FAILURE
        }
    }
}
