//! `supergraph.yaml`, in the shape of Apollo Rover's supergraph config:
//!
//! ```yaml
//! federation_version: =2.5.0
//! subgraphs:
//!   products:
//!     routing_url: http://127.0.0.1:4001/graphql
//!     schema:
//!       file: ./products.graphql        # relative to this file
//!   reviews:
//!     routing_url: http://127.0.0.1:4002/graphql
//!     schema:
//!       subgraph_url: http://127.0.0.1:4002/graphql   # reads `_service { sdl }`
//! ```
//!
//! `${env.NAME}` and `${env.NAME:-default}` are expanded before parsing.

use crate::SubgraphSdl;
use crate::fetch::{FetchError, fetch_sdl};
use indexmap::IndexMap;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a valid supergraph config: {source}")]
    Yaml {
        path: PathBuf,
        source: serde_yaml::Error,
    },
    #[error("{path}: environment variable `{name}` is not set (used as ${{env.{name}}})")]
    MissingEnv { path: PathBuf, name: String },
    #[error(
        "federation_version `{0}` is not supported: use a Federation 2 version such as `=2.5.0` or `2`"
    )]
    FederationVersion(String),
    #[error("subgraph `{0}` has no routing_url (needed unless schema.subgraph_url is given)")]
    MissingRoutingUrl(String),
    #[error("cannot read the schema of subgraph `{name}` from {path}: {source}")]
    SchemaFile {
        name: String,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot fetch the schema of subgraph `{name}`: {source}")]
    Fetch { name: String, source: FetchError },
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SupergraphConfig {
    #[serde(default)]
    pub federation_version: Option<serde_yaml::Value>,
    pub subgraphs: IndexMap<String, SubgraphConfig>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SubgraphConfig {
    #[serde(default)]
    pub routing_url: Option<String>,
    pub schema: SchemaSource,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum SchemaSource {
    File {
        file: PathBuf,
    },
    SubgraphUrl {
        subgraph_url: String,
        #[serde(default)]
        introspection_headers: IndexMap<String, String>,
    },
    Sdl {
        sdl: String,
    },
}

/// A loaded config and the directory its relative paths start from.
#[derive(Debug, Clone)]
pub struct LoadedConfig {
    pub config: SupergraphConfig,
    pub base_dir: PathBuf,
}

impl LoadedConfig {
    pub fn load(path: &Path) -> Result<LoadedConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let text = expand_env(&text, |n| std::env::var(n).ok()).map_err(|name| {
            ConfigError::MissingEnv {
                path: path.to_path_buf(),
                name,
            }
        })?;
        let config: SupergraphConfig =
            serde_yaml::from_str(&text).map_err(|source| ConfigError::Yaml {
                path: path.to_path_buf(),
                source,
            })?;
        if let Some(v) = &config.federation_version {
            let s = match v {
                serde_yaml::Value::String(s) => s.clone(),
                serde_yaml::Value::Number(n) => n.to_string(),
                other => format!("{other:?}"),
            };
            if !s.trim_start_matches('=').starts_with('2') {
                return Err(ConfigError::FederationVersion(s));
            }
        }
        let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(LoadedConfig { config, base_dir })
    }

    /// Reads or fetches every subgraph's SDL (fetched over plain HTTP: see
    /// [`Self::subgraphs_with`]).
    pub fn subgraphs(&self) -> Result<Vec<SubgraphSdl>, ConfigError> {
        self.subgraphs_with(&fetch_sdl)
    }

    /// Reads every subgraph's SDL, fetching those given by `subgraph_url` with `fetch` (the
    /// CLI passes the gateway's client, which speaks TLS too).
    pub fn subgraphs_with(
        &self,
        fetch: &dyn Fn(&str, &IndexMap<String, String>) -> Result<String, FetchError>,
    ) -> Result<Vec<SubgraphSdl>, ConfigError> {
        let mut out = Vec::new();
        for (name, sub) in &self.config.subgraphs {
            let (sdl, default_url) = match &sub.schema {
                SchemaSource::File { file } => {
                    let path = self.base_dir.join(file);
                    let sdl = std::fs::read_to_string(&path).map_err(|source| {
                        ConfigError::SchemaFile {
                            name: name.clone(),
                            path,
                            source,
                        }
                    })?;
                    (sdl, None)
                }
                SchemaSource::SubgraphUrl {
                    subgraph_url,
                    introspection_headers,
                } => {
                    let sdl = fetch(subgraph_url, introspection_headers).map_err(|source| {
                        ConfigError::Fetch {
                            name: name.clone(),
                            source,
                        }
                    })?;
                    (sdl, Some(subgraph_url.clone()))
                }
                SchemaSource::Sdl { sdl } => (sdl.clone(), None),
            };
            let url = sub
                .routing_url
                .clone()
                .or(default_url)
                .ok_or_else(|| ConfigError::MissingRoutingUrl(name.clone()))?;
            out.push(SubgraphSdl::new(name.clone(), url, sdl));
        }
        Ok(out)
    }
}

/// Expands `${env.NAME}` and `${env.NAME:-default}`; returns the missing name on failure.
pub fn expand_env(text: &str, lookup: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${env.") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 6..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return Ok(out);
        };
        let expr = &after[..end];
        let (name, default) = match expr.split_once(":-") {
            Some((n, d)) => (n, Some(d)),
            None => (expr, None),
        };
        match lookup(name).or_else(|| default.map(str::to_string)) {
            Some(v) => out.push_str(&v),
            None => return Err(name.to_string()),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rover_config() {
        let yaml = "federation_version: =2.5.0\nsubgraphs:\n  a:\n    routing_url: http://a/graphql\n    schema:\n      file: ./a.graphql\n  b:\n    schema:\n      subgraph_url: http://b/graphql\n";
        let config: SupergraphConfig = serde_yaml::from_str(yaml).expect("valid config");
        assert_eq!(
            config.subgraphs["a"].schema,
            SchemaSource::File {
                file: PathBuf::from("./a.graphql")
            }
        );
        assert_eq!(
            config.subgraphs["b"].schema,
            SchemaSource::SubgraphUrl {
                subgraph_url: "http://b/graphql".into(),
                introspection_headers: IndexMap::new()
            }
        );
        assert_eq!(config.subgraphs["b"].routing_url, None);
    }

    #[test]
    fn rejects_unknown_keys() {
        let yaml = "subgraphs:\n  a:\n    routing: http://a\n    schema:\n      file: a.graphql\n";
        let err = serde_yaml::from_str::<SupergraphConfig>(yaml).expect_err("unknown key");
        assert!(err.to_string().contains("routing"), "{err}");
    }

    #[test]
    fn expands_environment_variables() {
        let lookup = |n: &str| (n == "HOST").then(|| "example".to_string());
        assert_eq!(
            expand_env("http://${env.HOST}:${env.PORT:-4001}/", lookup),
            Ok("http://example:4001/".to_string())
        );
        assert_eq!(
            expand_env("${env.MISSING}", lookup),
            Err("MISSING".to_string())
        );
    }

    #[test]
    fn loads_files_relative_to_the_config() {
        let dir =
            std::env::temp_dir().join(format!("quntuan-compose-config-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sdl")).expect("temp dir");
        std::fs::write(dir.join("sdl/a.graphql"), "type Query { a: Int }").expect("write sdl");
        std::fs::write(
            dir.join("supergraph.yaml"),
            "federation_version: =2.5.0\nsubgraphs:\n  a:\n    routing_url: http://127.0.0.1:${env.QUNTUAN_TEST_UNSET_PORT:-4001}/graphql\n    schema:\n      file: sdl/a.graphql\n",
        )
        .expect("write config");
        let loaded = LoadedConfig::load(&dir.join("supergraph.yaml")).expect("config loads");
        let subgraphs = loaded.subgraphs().expect("subgraphs load");
        assert_eq!(
            subgraphs,
            vec![SubgraphSdl::new(
                "a",
                "http://127.0.0.1:4001/graphql",
                "type Query { a: Int }"
            )]
        );
        std::fs::write(
            dir.join("supergraph.yaml"),
            "federation_version: 1\nsubgraphs: {}\n",
        )
        .expect("write config");
        let err = LoadedConfig::load(&dir.join("supergraph.yaml")).expect_err("fed 1 refused");
        assert!(matches!(err, ConfigError::FederationVersion(_)), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
