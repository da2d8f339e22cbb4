//! The process's tracer: the sampler and the exporter, installed once ([`install`]). Until
//! then, and when no collector is configured, every span is [`crate::Span::none`].

use crate::export::Exporter;
use crate::record::SpanRecord;
use crate::sampler::Sampler;
use crate::settings::TracingSettings;
use std::sync::OnceLock;

pub(crate) struct Tracer {
    /// `service.name` of the spans of the process's main service (the gateway).
    service: &'static str,
    pub(crate) sampler: Sampler,
    pub(crate) exporter: Exporter,
}

impl Tracer {
    pub(crate) fn export(&self, record: SpanRecord) {
        self.exporter.send(record);
    }
}

static TRACER: OnceLock<Tracer> = OnceLock::new();

pub(crate) fn tracer() -> Option<&'static Tracer> {
    TRACER.get()
}

/// Whether spans are recorded at all (a collector is configured).
pub fn enabled() -> bool {
    TRACER.get().is_some()
}

/// Starts exporting to the configured collector: `Ok(false)` when none is configured. One
/// tracer per process: a second call with a collector is refused.
pub fn install(settings: &TracingSettings) -> Result<bool, String> {
    settings
        .validate()
        .map_err(|(key, message)| format!("{key}: {message}"))?;
    let Some(otlp) = &settings.otlp else {
        return Ok(false);
    };
    let exporter = Exporter::start(otlp)?;
    let tracer = Tracer {
        // Leaked once per process: spans carry their service by reference.
        service: Box::leak(settings.service_name.clone().into_boxed_str()),
        sampler: Sampler::ratio(settings.sampling_ratio),
        exporter,
    };
    TRACER
        .set(tracer)
        .map_err(|_| "a tracer is already installed in this process".to_string())?;
    Ok(true)
}

/// The configured `service.name` (the gateway's), or the default before [`install`].
pub fn service_name() -> &'static str {
    TRACER.get().map_or("quntuan-gateway", |t| t.service)
}

/// Sends the spans recorded so far and waits until the collector has them (or the export
/// failed): at shutdown, and in tests.
pub async fn flush() {
    if let Some(tracer) = TRACER.get() {
        tracer.exporter.flush().await;
    }
}

/// Spans dropped because the export queue was full (the collector too slow or away).
pub fn dropped_spans() -> u64 {
    TRACER.get().map_or(0, |t| t.exporter.dropped())
}
