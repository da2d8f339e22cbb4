//! `quntuan dev`: the whole federated graph on one machine, in one process.
//!
//! Steps: bind every port first (a taken port is an error naming it); create, migrate and (on
//! first start only) seed each subgraph's SQLite database; serve the subgraphs; compose the
//! supergraph from their SDLs with our own composition; write `DATA/quntuan.yaml` and serve the
//! gateway with it (it recomposes when a subgraph's SDL changes);
//! print the GraphiQL and dashboard addresses, a development token and a sample query; stop
//! everything on Ctrl-C.

use crate::subgraphs;
use clap::Args;
use quntuan_kit::scale::Scale;
use quntuan_kit::seed::Progress;
use std::path::PathBuf;
use std::process::ExitCode;
use tokio::net::TcpListener;

/// The secret `dev` signs and verifies tokens with; real deployments set QUNTUAN_JWT_SECRET.
const DEV_JWT_SECRET: &str = "quntuan-dev-secret";
/// What the printed development token may read: every organisation's personal data, not the
/// disability registry's sensitive fields.
const DEV_TOKEN_SCOPES: &[&str] = &[
    "unions:personal",
    "youth:personal",
    "women:personal",
    "science:personal",
    "disability:personal",
];
/// How long the development token is valid: a working day.
const DEV_TOKEN_TTL_SECONDS: u64 = 12 * 3600;

pub(crate) const SAMPLE_QUERY: &str = "{ regions(level: DISTRICT) { code name unions { grassrootsUnionCount workersHomeCount } youth { branchCount volunteerCount youthHomeCount } women { organizationCount womensHomeCount childrensHomeCount } science { associationCount workstationCount } disability { organizationCount workerCount } } }";

#[derive(Debug, Args)]
pub(crate) struct DevArgs {
    /// Where the SQLite databases live (created on first start, reused after).
    #[arg(long, default_value = "data")]
    data_dir: PathBuf,
    /// The gateway's port; the subgraphs take the ports after it.
    #[arg(long, default_value_t = 4000)]
    port: u16,
    /// Seed scale on first start: demo or full.
    #[arg(long, default_value = "demo")]
    scale: String,
}

async fn bind(port: u16, what: &str) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port)).await.map_err(|e| {
        format!("port {port} (for {what}) is not available: {e}; stop what uses it or pass --port")
    })
}

pub(crate) fn run(args: DevArgs) -> ExitCode {
    if let Err(message) = quntuan_trace::log::init_logging(&crate::subgraph_cmd::log_settings()) {
        eprintln!("error: {message}");
        return ExitCode::FAILURE;
    }
    crate::block_on(async move {
        let scale: Scale = args.scale.parse().map_err(|e| format!("--scale: {e}"))?;
        let services = subgraphs::all();
        let gateway_listener = bind(args.port, "the gateway").await?;
        let mut listeners = Vec::new();
        for (i, service) in services.iter().enumerate() {
            let port = args.port + 1 + i as u16;
            listeners.push((bind(port, service.name()).await?, port));
        }
        std::fs::create_dir_all(&args.data_dir)
            .map_err(|e| format!("cannot create {}: {e}", args.data_dir.display()))?;

        let mut composed_inputs = Vec::new();
        let mut subgraph_urls = Vec::new();
        // One bus for the six subgraphs of this process (Redis when `QUNTUAN_REDIS_URL` is
        // set): hub's directory follows the organisations' mutations through it.
        let events = quntuan_kit::EventBus::from_env()
            .await
            .map_err(|e| e.to_string())?;
        for (service, (listener, port)) in services.iter().zip(listeners) {
            let name = service.name();
            let db = quntuan_kit::db::connect(&subgraphs::sqlite_url(&args.data_dir, name))
                .await
                .map_err(|e| format!("{name}: {e}"))?;
            service
                .migrate(&db)
                .await
                .map_err(|e| format!("{name}: migration failed: {e}"))?;
            let marker = args.data_dir.join(format!("{name}.seeded"));
            if !marker.exists() {
                eprintln!("seeding `{name}` ({} scale) ...", scale.as_str());
                service
                    .seed(&db, scale, &Progress::stderr())
                    .await
                    .map_err(|e| format!("{name}: seeding failed: {e}"))?;
                std::fs::write(&marker, scale.as_str())
                    .map_err(|e| format!("cannot write {}: {e}", marker.display()))?;
            }
            let router =
                quntuan_kit::trace::traced(service.router_with_events(db, events.clone()), name);
            tokio::spawn(async move {
                if let Err(error) = quntuan_kit::server::serve_listener(listener, router).await {
                    eprintln!("subgraph `{name}` stopped: {error}");
                }
            });
            let url = format!("http://127.0.0.1:{port}/graphql");
            subgraph_urls.push((name.to_string(), url.clone()));
            composed_inputs.push(quntuan_compose::SubgraphSdl::new(name, url, service.sdl()));
        }

        let composed = quntuan_compose::compose(&composed_inputs).map_err(|diagnostics| {
            format!(
                "composition failed:\n{}",
                quntuan_compose::render_diagnostics(&diagnostics)
            )
        })?;
        std::fs::write(args.data_dir.join("supergraph.graphql"), &composed.sdl)
            .map_err(|e| format!("cannot write the supergraph: {e}"))?;
        let config_path = args.data_dir.join("quntuan.yaml");
        std::fs::write(&config_path, dev_config(args.port, &subgraph_urls))
            .map_err(|e| format!("cannot write {}: {e}", config_path.display()))?;
        let mut config = crate::config::load(&config_path).map_err(|e| e.to_string())?;
        // Not in the file: `serve` refuses a secret this short, which only development uses.
        config.jwt_secret = Some(DEV_JWT_SECRET.into());
        // QUNTUAN_OTLP_ENDPOINT: the gateway and the six subgraphs (one process, one tracer)
        // export one trace per request.
        let from_env = quntuan_trace::TracingSettings::from_env()?;
        if from_env.otlp.is_some() {
            config.tracing = from_env;
        }
        let token = quntuan_kit::auth::issue_token(
            DEV_JWT_SECRET,
            "dev",
            DEV_TOKEN_SCOPES,
            DEV_TOKEN_TTL_SECONDS,
        )
        .map_err(|e| format!("cannot sign the development token: {e}"))?;

        println!("Quntuan is running.");
        println!("  GraphiQL:  http://127.0.0.1:{}/graphql", args.port);
        println!("  dashboard: http://127.0.0.1:{}/dashboard", args.port);
        for (i, service) in services.iter().enumerate() {
            println!(
                "  subgraph {:<11} http://127.0.0.1:{}/graphql",
                service.name(),
                args.port + 1 + i as u16
            );
        }
        println!(
            "Try:\n  curl -s http://127.0.0.1:{}/graphql -H 'content-type: application/json' \\\n    -d '{{\"query\": \"{}\"}}'",
            args.port, SAMPLE_QUERY
        );
        println!(
            "Development token (personal data of every organisation, 12 h; paste it into the dashboard's sign-in):\n  {token}"
        );
        println!(
            "Configuration: {} (quntuan serve --config takes it too)",
            config_path.display()
        );
        println!("Stop with Ctrl-C.");
        crate::serve_cmd::serve(config, Some(gateway_listener)).await
    })
}

/// The configuration `dev` serves with: the subgraphs it runs, composed by the gateway and
/// recomposed when one's SDL changes, the dashboard on, a short drain.
fn dev_config(port: u16, subgraphs: &[(String, String)]) -> String {
    let mut text = format!(
        "# Written by `quntuan dev` on every start; every key: deploy/quntuan.example.yaml.\n\
         # The JWT secret is `dev`'s own development secret, set by the command.\n\
         listen: 127.0.0.1:{port}\n\
         dashboard: true\n\
         supergraph:\n  poll_interval_ms: 2000\n  subgraphs:\n"
    );
    for (name, url) in subgraphs {
        text.push_str(&format!("    {name}: {url}\n"));
    }
    text.push_str("shutdown:\n  grace_period_ms: 5000\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::composed_source::tests::{V1, V2, subgraph};
    use quntuan_gateway::execute::HttpTransport;
    use quntuan_gateway::gateway::SharedState;
    use quntuan_gateway::reload::GatewayHandle;
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    /// What `dev` serves with, minus the subgraphs it runs: a mock subgraph stands for them.
    #[tokio::test]
    async fn dev_recomposes_when_a_subgraph_sdl_changes() {
        let sdl = Arc::new(Mutex::new(V1.to_string()));
        let url = subgraph(sdl.clone(), Arc::default()).await;
        let text = dev_config(4000, &[("greetings".to_string(), url)]);
        let mut config = crate::config::parse("dev.yaml", &text)
            .ok()
            .expect("dev's configuration loads");
        config.supergraph.poll_interval_ms = 10;
        let settings = config.gateway_settings();
        let shared = SharedState::new(&settings, Arc::new(HttpTransport::new()));
        let handle = GatewayHandle::empty(settings, shared);
        crate::supergraph_source::start(&handle, &config.supergraph)
            .await
            .expect("the composed source starts");
        let api = |handle: &GatewayHandle| {
            handle
                .current()
                .map(|gateway| gateway.supergraph().api_sdl())
                .unwrap_or_default()
        };
        assert!(api(&handle).contains("hello: String"), "{}", api(&handle));
        assert!(!api(&handle).contains("world"));

        *sdl.lock().expect("sdl") = V2.to_string();
        let started = Instant::now();
        while !api(&handle).contains("world: Int") {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "not recomposed: {}",
                api(&handle)
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}
