//! A supergraph the gateway composes itself from its subgraphs' SDLs (`{ _service { sdl } }`),
//! recomposed when one of them changes. A subgraph that does not answer, or a composition
//! error, keeps the current supergraph serving.

use quntuan_gateway::execute::HttpTransport;
use quntuan_gateway::reload::SupergraphSource;
use quntuan_gateway::reload::service_sdl::fetch_service_sdl;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

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
        fetch_service_sdl(&self.transport, name, url, Vec::new(), FETCH_TIMEOUT).await
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    pub(crate) const V1: &str = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\ntype Query { hello: String }\n";
    pub(crate) const V2: &str = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\ntype Query { hello: String world: Int }\n";

    /// A subgraph on 127.0.0.1 answering `_service { sdl }` with the SDL it holds now;
    /// counts the requests.
    pub(crate) async fn subgraph(sdl: Arc<Mutex<String>>, asked: Arc<Mutex<u32>>) -> String {
        let app = axum::Router::new().route(
            "/graphql",
            axum::routing::post(move || async move {
                *asked.lock().expect("asked") += 1;
                let sdl = sdl.lock().expect("sdl").clone();
                axum::Json(serde_json::json!({"data": {"_service": {"sdl": sdl}}}))
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{address}/graphql")
    }

    #[tokio::test]
    async fn a_changed_subgraph_sdl_is_recomposed_and_an_unchanged_one_is_not() {
        let sdl = Arc::new(Mutex::new(V1.to_string()));
        let asked = Arc::new(Mutex::new(0));
        let url = subgraph(sdl.clone(), asked.clone()).await;
        let mut source = ComposedSource::new(vec![("greetings".into(), url.clone())]);

        let first = source
            .poll()
            .await
            .expect("composes")
            .expect("a supergraph");
        assert!(first.contains("hello: String"), "{first}");
        assert!(!first.contains("world"), "{first}");
        assert!(first.contains(&format!("url: \"{url}\"")), "{first}");
        assert_eq!(source.poll().await, Ok(None), "unchanged: nothing to load");

        *sdl.lock().expect("sdl") = V2.to_string();
        let second = source
            .poll()
            .await
            .expect("composes")
            .expect("a supergraph");
        assert!(second.contains("world: Int"), "{second}");

        // A subgraph SDL that does not compose is reported once, then left alone.
        *sdl.lock().expect("sdl") = "type Query {".to_string();
        let error = source.poll().await.expect_err("does not compose");
        assert!(error.starts_with("composition failed:"), "{error}");
        assert_eq!(source.poll().await, Ok(None));
        assert_eq!(
            *asked.lock().expect("asked"),
            5,
            "each poll asks the subgraph"
        );
    }
}
