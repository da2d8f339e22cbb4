//! Trace settings: the `tracing` section of the gateway's configuration file, and the
//! environment variables a subgraph reads ([`TracingSettings::from_env`]).

use serde::Deserialize;
use std::collections::BTreeMap;

/// Environment variables of a subgraph (and defaults of the gateway's flags).
pub const OTLP_ENDPOINT_ENV: &str = "QUNTUAN_OTLP_ENDPOINT";
pub const OTLP_PROTOCOL_ENV: &str = "QUNTUAN_OTLP_PROTOCOL";
pub const SAMPLING_RATIO_ENV: &str = "QUNTUAN_TRACE_SAMPLING_RATIO";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TracingSettings {
    /// Where spans go; without it nothing is traced.
    pub otlp: Option<OtlpSettings>,
    /// The share of traces started here that are recorded, 0 to 1. A request with a
    /// `traceparent` follows its caller's decision.
    pub sampling_ratio: f64,
    /// `service.name` of the gateway's spans.
    pub service_name: String,
}

impl Default for TracingSettings {
    fn default() -> Self {
        Self {
            otlp: None,
            sampling_ratio: 1.0,
            service_name: "quntuan-gateway".into(),
        }
    }
}

/// An OTLP collector.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtlpSettings {
    /// `http://host:4318` (HTTP: `/v1/traces` is added when the URL has no path) or
    /// `http://host:4317` (gRPC).
    pub endpoint: String,
    #[serde(default)]
    pub protocol: Protocol,
    /// Sent with every export (an API key of a hosted collector, for one).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
}

/// How spans are sent, named as `OTEL_EXPORTER_OTLP_PROTOCOL` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Protocol {
    #[serde(rename = "grpc")]
    Grpc,
    #[default]
    #[serde(rename = "http/protobuf", alias = "http")]
    HttpProtobuf,
    #[serde(rename = "http/json")]
    HttpJson,
}

impl std::str::FromStr for Protocol {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "grpc" => Ok(Self::Grpc),
            "http" | "http/protobuf" => Ok(Self::HttpProtobuf),
            "http/json" => Ok(Self::HttpJson),
            other => Err(format!(
                "`{other}` is not an OTLP protocol: grpc, http/protobuf or http/json"
            )),
        }
    }
}

impl TracingSettings {
    /// Refuses settings that cannot work, naming the key to fix.
    pub fn validate(&self) -> Result<(), (String, String)> {
        if !(0.0..=1.0).contains(&self.sampling_ratio) {
            return Err((
                "tracing.sampling_ratio".into(),
                format!("{} is not between 0 and 1", self.sampling_ratio),
            ));
        }
        if self.service_name.trim().is_empty() {
            return Err(("tracing.service_name".into(), "must not be empty".into()));
        }
        let Some(otlp) = &self.otlp else {
            return Ok(());
        };
        let uri_ok = otlp.endpoint.starts_with("http://")
            && otlp
                .endpoint
                .parse::<http::Uri>()
                .is_ok_and(|uri| uri.host().is_some());
        if !uri_ok {
            return Err((
                "tracing.otlp.endpoint".into(),
                format!(
                    "`{}` is not an http:// URL (send to a collector nearby, which may forward \
                     over TLS)",
                    otlp.endpoint
                ),
            ));
        }
        for (name, value) in &otlp.headers {
            if http::HeaderName::try_from(name.as_str()).is_err()
                || http::HeaderValue::try_from(value.as_str()).is_err()
            {
                return Err((
                    format!("tracing.otlp.headers.{name}"),
                    "is not a valid HTTP header name and value".into(),
                ));
            }
        }
        Ok(())
    }

    /// A subgraph's settings: `QUNTUAN_OTLP_ENDPOINT` (nothing traced without it),
    /// `QUNTUAN_OTLP_PROTOCOL` and `QUNTUAN_TRACE_SAMPLING_RATIO`.
    pub fn from_env() -> Result<Self, String> {
        let mut settings = Self::default();
        let read = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        if let Some(endpoint) = read(OTLP_ENDPOINT_ENV) {
            let protocol = match read(OTLP_PROTOCOL_ENV) {
                Some(text) => text
                    .parse()
                    .map_err(|e| format!("{OTLP_PROTOCOL_ENV}: {e}"))?,
                None => Protocol::default(),
            };
            settings.otlp = Some(OtlpSettings {
                endpoint,
                protocol,
                headers: BTreeMap::new(),
            });
        }
        if let Some(ratio) = read(SAMPLING_RATIO_ENV) {
            settings.sampling_ratio = ratio
                .parse()
                .map_err(|_| format!("{SAMPLING_RATIO_ENV}: `{ratio}` is not a number"))?;
        }
        settings
            .validate()
            .map_err(|(key, message)| format!("{key}: {message}"))?;
        Ok(settings)
    }
}
