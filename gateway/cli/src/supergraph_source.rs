//! Picks the supergraph source the configuration names, loads the first supergraph, and keeps
//! watching the source for new ones.

use crate::composed_source::ComposedSource;
use crate::config::SupergraphConfig;
use quntuan_gateway::reload::file::FileSource;
use quntuan_gateway::reload::url::UrlSource;
use quntuan_gateway::reload::{GatewayHandle, SupergraphSource, poll_once, watch};

/// Loads the first supergraph. A file that does not load stops the gateway at start (the
/// operator is there to read why); an URL or subgraphs that do not answer yet leave it
/// serving `/health` and refusing `/ready` until they do.
pub(crate) async fn start(handle: &GatewayHandle, config: &SupergraphConfig) -> Result<(), String> {
    if let Some(path) = &config.file {
        return begin(handle, FileSource::new(path), config, true).await;
    }
    if let Some(url) = &config.url {
        return begin(handle, UrlSource::new(url), config, false).await;
    }
    if !config.subgraphs.is_empty() {
        let subgraphs = config
            .subgraphs
            .iter()
            .map(|(name, url)| (name.clone(), url.clone()))
            .collect();
        return begin(handle, ComposedSource::new(subgraphs), config, false).await;
    }
    Err(
        "no supergraph: give `--supergraph FILE`, or `supergraph.file`, `supergraph.url` or \
         `supergraph.subgraphs` in the configuration file"
            .into(),
    )
}

async fn begin<S: SupergraphSource>(
    handle: &GatewayHandle,
    mut source: S,
    config: &SupergraphConfig,
    must_load: bool,
) -> Result<(), String> {
    if let Err(message) = poll_once(handle, &mut source).await {
        if must_load {
            return Err(message);
        }
        eprintln!("warning: {message}; not ready until a supergraph loads");
    }
    if config.watch {
        watch(handle.clone(), source, config.poll_interval());
    }
    Ok(())
}
