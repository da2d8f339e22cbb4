//! A supergraph the gateway composes itself from its subgraphs' SDLs (`{ _service { sdl } }`),
//! recomposed when one of them changes. A subgraph that does not answer, or a composition
//! error, keeps the current supergraph serving.

use bytes::Bytes;
use quntuan_gateway::execute::{HttpTransport, SubgraphRequest, SubgraphTransport};
use quntuan_gateway::reload::SupergraphSource;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

const SDL_QUERY: &[u8] = br#"{"query":"{ _service { sdl } }"}"#;
const FETCH_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) struct ComposedSource {
    /// (name, URL), in name order.
    subgraphs: Vec<(String, String)>,
    transport: HttpTransport,
    /// The hash of the SDLs (or the error) the previous poll saw.
    last: Option<u64>,
}

impl ComposedSource {
    pub(crate) fn new(subgraphs: Vec<(String, String)>) -> Self {
        Self {
            subgraphs,
            transport: HttpTransport::new(),
            last: None,
        }
    }

    async fn sdl(&self, name: &str, url: &str) -> Result<String, String> {
        let request = SubgraphRequest {
            service_name: name.to_string(),
            url: url.to_string(),
            body: Bytes::from_static(SDL_QUERY),
            headers: Vec::new(),
            deduplicate: false,
            traceparent: None,
        };
        let body = tokio::time::timeout(FETCH_TIMEOUT, self.transport.send(request))
            .await
            .map_err(|_| format!("subgraph `{name}` did not answer within {FETCH_TIMEOUT:?}"))?
            .map_err(|e| format!("subgraph `{name}` {e}"))?;
        let answer: serde_json::Value = serde_json::from_slice(&body)
            .map_err(|e| format!("subgraph `{name}` answered with invalid JSON: {e}"))?;
        answer
            .pointer("/data/_service/sdl")
            .and_then(|sdl| sdl.as_str())
            .map(str::to_string)
            .ok_or_else(|| format!("subgraph `{name}` gave no `_service {{ sdl }}`: {answer}"))
    }

    async fn compose(&self) -> Result<(u64, Result<String, String>), (u64, String)> {
        let mut inputs = Vec::new();
        for (name, url) in &self.subgraphs {
            match self.sdl(name, url).await {
                Ok(sdl) => inputs.push(quntuan_compose::SubgraphSdl::new(name, url, sdl)),
                Err(error) => return Err((hash_of(&error), error)),
            }
        }
        let mut hasher = DefaultHasher::new();
        for input in &inputs {
            (&input.name, &input.url, &input.sdl).hash(&mut hasher);
        }
        let seen = hasher.finish();
        let composed = quntuan_compose::compose(&inputs)
            .map(|supergraph| supergraph.sdl)
            .map_err(|diagnostics| {
                format!(
                    "composition failed:\n{}",
                    quntuan_compose::render_diagnostics(&diagnostics)
                )
            });
        Ok((seen, composed))
    }
}

impl SupergraphSource for ComposedSource {
    fn describe(&self) -> String {
        let names: Vec<&str> = self.subgraphs.iter().map(|(n, _)| n.as_str()).collect();
        format!("the subgraphs {}", names.join(", "))
    }

    async fn poll(&mut self) -> Result<Option<String>, String> {
        let (seen, outcome) = match self.compose().await {
            Ok((seen, composed)) => (seen, composed),
            Err((seen, error)) => (seen, Err(error)),
        };
        if self.last.replace(seen) == Some(seen) {
            return Ok(None);
        }
        outcome.map(Some)
    }
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
