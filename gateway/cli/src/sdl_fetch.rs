//! How `quntuan compose` and `quntuan check` read a running subgraph's SDL
//! (`schema.subgraph_url`): with the gateway's client, so `https://` URLs work, verified
//! against the public roots and `--tls-ca-file` as the gateway's own requests are.

use http::{HeaderName, HeaderValue};
use quntuan_compose::SubgraphSdl;
use quntuan_compose::config::{ConfigError, LoadedConfig};
use quntuan_compose::fetch::FetchError;
use quntuan_gateway::execute::HttpTransport;
use quntuan_gateway::reload::service_sdl::fetch_service_sdl;
use quntuan_gateway::tls::{TlsSettings, configure};
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(15);

/// The subgraphs of the supergraph config at `path`, their SDLs read or fetched; the error is
/// the line to print.
pub(crate) fn load_subgraphs(
    path: &Path,
    ca_file: Option<PathBuf>,
) -> Result<Vec<SubgraphSdl>, String> {
    configure(&TlsSettings { ca_file })?;
    LoadedConfig::load(path)
        .and_then(|config| config.subgraphs_with(&fetch))
        .map_err(|error: ConfigError| error.to_string())
}

/// Fetches one SDL, blocking: on a thread with its own small runtime, so it works whether or
/// not the caller is inside one.
fn fetch(url: &str, headers: &indexmap::IndexMap<String, String>) -> Result<String, FetchError> {
    let failed = |reason: String| FetchError::Request {
        url: url.to_string(),
        reason,
    };
    let headers = headers
        .iter()
        .map(|(name, value)| {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| failed(format!("`{name}` is not a header name")))?;
            let value = HeaderValue::from_str(value)
                .map_err(|_| failed(format!("the value of `{name}` is not a header value")))?;
            Ok((name, value))
        })
        .collect::<Result<Vec<_>, FetchError>>()?;
    let target = url.to_string();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        runtime.block_on(async {
            let transport = HttpTransport::new();
            fetch_service_sdl(&transport, &target, &target, headers, TIMEOUT).await
        })
    })
    .join()
    .unwrap_or_else(|_| Err("the fetch thread panicked".into()))
    .map_err(|reason| failed(without_subject(reason, url)))
}

/// `fetch_service_sdl` names the subgraph it asked ("subgraph `NAME` did not answer ..."); here
/// the name is the URL that `FetchError::Request` already prints, and the transport's "could not
/// reach URL" repeats it again, so both are cut and the URL is said once.
fn without_subject(reason: String, url: &str) -> String {
    let rest = reason
        .strip_prefix(&format!("subgraph `{url}` "))
        .unwrap_or(&reason);
    match rest.strip_prefix(&format!("could not reach {url}: ")) {
        Some(cause) => format!("could not connect: {cause}"),
        None => rest.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_fetch_names_the_url_once() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let url = format!("http://127.0.0.1:{port}/graphql");
        let message = fetch(&url, &indexmap::IndexMap::new())
            .expect_err("nothing listens on the port")
            .to_string();
        assert_eq!(message.matches(&url).count(), 1, "{message}");
        assert!(
            message.starts_with(&format!("request to {url} failed: ")),
            "{message}"
        );
    }
}
