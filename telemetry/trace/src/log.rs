//! Log lines: the `tracing` events of the process on stderr, as text or as one JSON object a
//! line ([`JsonLines`]) carrying the trace and span ids of the request that logged it, so a
//! log search leads to the trace and back.

use serde::Deserialize;
use serde_json::{Map, Value as Json};
use std::fmt::Debug;
use std::io::Write;
use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

impl std::str::FromStr for LogFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "text" => Ok(Self::Text),
            "json" => Ok(Self::Json),
            other => Err(format!("`{other}` is not a log format: text or json")),
        }
    }
}

/// The `log` section of the configuration file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogSettings {
    pub format: LogFormat,
    /// What is logged, as `RUST_LOG` says it (`info`, `warn,quntuan::audit=info`); `RUST_LOG`
    /// given wins.
    pub level: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            format: LogFormat::Text,
            level: "info".into(),
        }
    }
}

impl LogSettings {
    pub fn validate(&self) -> Result<(), (String, String)> {
        tracing_subscriber::EnvFilter::try_new(&self.level)
            .map(|_| ())
            .map_err(|e| ("log.level".into(), format!("`{}`: {e}", self.level)))
    }
}

/// Logs to stderr from now on, as `settings` say. Once per process: a later call is refused.
pub fn init_logging(settings: &LogSettings) -> Result<(), String> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(directives) if !directives.trim().is_empty() => {
            tracing_subscriber::EnvFilter::try_new(&directives)
                .map_err(|e| format!("RUST_LOG `{directives}`: {e}"))?
        }
        _ => tracing_subscriber::EnvFilter::try_new(&settings.level)
            .map_err(|e| format!("log.level `{}`: {e}", settings.level))?,
    };
    let registry = tracing_subscriber::registry().with(filter);
    let installed = match settings.format {
        LogFormat::Text => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_writer(std::io::stderr)
                    // Colours for a terminal only, not for a file or a log collector.
                    .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr())),
            )
            .try_init(),
        LogFormat::Json => registry.with(JsonLines::new(std::io::stderr)).try_init(),
    };
    installed.map_err(|e| format!("cannot set up logging: {e}"))
}

/// A layer writing each event as a JSON line: `timestamp`, `level`, `target`, `message`, the
/// event's fields, and `trace_id`/`span_id` when it was logged under a span.
pub struct JsonLines<W> {
    writer: W,
}

impl<W> JsonLines<W> {
    pub fn new(writer: W) -> Self {
        Self { writer }
    }
}

impl<S, W> Layer<S> for JsonLines<W>
where
    S: Subscriber,
    W: for<'w> MakeWriter<'w> + 'static,
{
    fn on_event(&self, event: &Event<'_>, _context: Context<'_, S>) {
        let mut line = Map::new();
        line.insert(
            "timestamp".into(),
            Json::String(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)),
        );
        let metadata = event.metadata();
        line.insert("level".into(), Json::String(metadata.level().to_string()));
        line.insert("target".into(), Json::String(metadata.target().to_string()));
        if let Some(current) = crate::span::current() {
            line.insert(
                "trace_id".into(),
                Json::String(current.context.trace_id.to_string()),
            );
            line.insert(
                "span_id".into(),
                Json::String(current.context.span_id.to_string()),
            );
            line.insert("service".into(), Json::String(current.service.to_string()));
        }
        event.record(&mut Fields(&mut line));
        let mut text = Json::Object(line).to_string();
        text.push('\n');
        let _ = self.writer.make_writer().write_all(text.as_bytes());
    }
}

struct Fields<'a>(&'a mut Map<String, Json>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0
            .insert(field.name().into(), Json::String(format!("{value:?}")));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0
            .insert(field.name().into(), Json::String(value.into()));
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.0.insert(field.name().into(), Json::from(value));
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().into(), Json::from(value));
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.0.insert(field.name().into(), Json::from(value));
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        self.0.insert(field.name().into(), Json::from(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl Write for Buffer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'w> MakeWriter<'w> for Buffer {
        type Writer = Buffer;

        fn make_writer(&'w self) -> Buffer {
            self.clone()
        }
    }

    #[test]
    fn a_line_is_json_with_its_fields_and_no_trace_outside_a_request() {
        let buffer = Buffer::default();
        let subscriber = tracing_subscriber::registry().with(JsonLines::new(buffer.clone()));
        tracing::subscriber::with_default(subscriber, || {
            tracing::warn!(target: "quntuan::test", subgraph = "youth", attempt = 2, "slow");
        });
        let text = String::from_utf8(buffer.0.lock().expect("buffer").clone()).expect("utf-8");
        let line: Json = serde_json::from_str(text.trim_end()).expect("one JSON line");
        assert_eq!(line["level"], "WARN");
        assert_eq!(line["target"], "quntuan::test");
        assert_eq!(line["message"], "slow");
        assert_eq!(line["subgraph"], "youth");
        assert_eq!(line["attempt"], 2);
        assert!(line.get("trace_id").is_none());
        assert!(text.ends_with('\n') && text.lines().count() == 1);
    }
}
