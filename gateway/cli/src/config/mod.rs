//! The configuration file of `quntuan serve` (`--config FILE` or `QUNTUAN_CONFIG`): one YAML
//! document with a key for every flag. `${VAR}` and `${VAR:-default}` are expanded first
//! ([`expand`]); unknown keys, wrong types and bad values are refused with the file, the line
//! and the key ([`error`]). Flags and environment variables override the file (`serve_cmd`).

mod error;
mod expand;
mod locate;
mod model;

pub(crate) use error::ConfigError;
pub(crate) use model::{ServeConfig, SupergraphConfig};

use std::path::Path;

/// The JSON Schema of the file, for editors (`quntuan config schema`).
pub(crate) const JSON_SCHEMA: &str = include_str!("../../../../deploy/quntuan.schema.json");

/// Reads, expands, parses and validates a configuration file.
pub(crate) fn load(path: &Path) -> Result<ServeConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Unreadable {
        file: path.display().to_string(),
        reason: e.to_string(),
    })?;
    parse(&path.display().to_string(), &text)
}

/// Parses the text of a configuration file; `file` names it in errors.
pub(crate) fn parse(file: &str, text: &str) -> Result<ServeConfig, ConfigError> {
    let expanded =
        expand::expand(text).map_err(|e| ConfigError::at(file, e.line, "", e.message))?;
    if expanded.trim().is_empty() {
        return Ok(ServeConfig::default());
    }
    let deserializer = serde_yaml::Deserializer::from_str(&expanded);
    let config: ServeConfig =
        serde_path_to_error::deserialize(deserializer).map_err(|e| error::from_serde(file, &e))?;
    config.validate().map_err(|(key, message)| {
        let line = locate::line_of(&expanded, &key);
        ConfigError::at(file, line, &key, message)
    })?;
    Ok(config)
}

#[cfg(test)]
mod tests;
