//! A batch a loader starts outside a `Batching` request is spawned on tokio; it runs under the
//! span of the request that asked for it, so the statements it runs are in that trace.
//! (Its own test binary: it installs the process-wide tracer.)

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_graphql::dataloader::Loader;
use quntuan_kit::dataloader;
use quntuan_trace::{OtlpSettings, Span, TraceId, TracingSettings};

/// Records the trace each batch runs under (`None`: no span).
#[derive(Clone, Default)]
struct SeesTrace {
    traces: Arc<Mutex<Vec<Option<TraceId>>>>,
}

impl Loader<i64> for SeesTrace {
    type Value = i64;
    type Error = Arc<String>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, i64>, Self::Error> {
        let trace = quntuan_trace::current().map(|c| c.context.trace_id);
        self.traces.lock().expect("not poisoned").push(trace);
        Ok(keys.iter().map(|k| (*k, *k)).collect())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spawned_batch_runs_under_the_requests_span() {
    // Nothing listens there: spans are dropped, but a span's context exists.
    let settings = TracingSettings {
        otlp: Some(OtlpSettings {
            endpoint: "http://127.0.0.1:9".into(),
            protocol: Default::default(),
            headers: Default::default(),
        }),
        service_name: "kit-under-test".into(),
        ..TracingSettings::default()
    };
    assert!(quntuan_trace::install(&settings).expect("installs"));
    let seen = SeesTrace::default();
    let loader = dataloader(seen.clone());
    let request = Span::server("kit-under-test", "request", None);
    let trace = request.context().expect("tracing is on").trace_id;
    let answer = request
        .in_scope(loader.load_one(7))
        .await
        .expect("the batch answers");
    assert_eq!(answer, Some(7));
    assert_eq!(
        *seen.traces.lock().expect("not poisoned"),
        vec![Some(trace)]
    );
}
