//! A small Prometheus registry: counter, gauge and histogram families keyed by label values,
//! rendered in the text exposition format (version 0.0.4).
//!
//! Hand-written rather than a crate: each update is one read-locked map lookup and one relaxed
//! atomic add, no dependency is added, and the families are exactly what the gateway needs.
//! Series are created on first use and never removed; callers keep label values bounded
//! ([`super::labels`]).

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// Upper bounds of latency histograms, in seconds: 0.5 ms to 10 s.
pub const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Series of one family by their rendered label set (`a="x",b="y"`).
struct Series<T> {
    by_labels: RwLock<HashMap<String, Arc<T>>>,
}

impl<T: Default> Series<T> {
    fn new() -> Self {
        Self {
            by_labels: RwLock::new(HashMap::new()),
        }
    }

    fn get(&self, names: &[&str], values: &[&str]) -> Arc<T> {
        let key = render_labels(names, values);
        if let Some(series) = self
            .by_labels
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return series.clone();
        }
        self.by_labels
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .entry(key)
            .or_default()
            .clone()
    }

    /// Every series, sorted by labels so the output is stable.
    fn sorted(&self) -> Vec<(String, Arc<T>)> {
        let map = self.by_labels.read().unwrap_or_else(|e| e.into_inner());
        let mut all: Vec<_> = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }
}

fn render_labels(names: &[&str], values: &[&str]) -> String {
    let mut out = String::new();
    for (i, (name, value)) in names.iter().zip(values).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(name);
        out.push_str("=\"");
        for c in value.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
        out.push('"');
    }
    out
}

fn header(out: &mut String, name: &str, help: &str, kind: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

fn sample(out: &mut String, name: &str, labels: &str, value: impl std::fmt::Display) {
    if labels.is_empty() {
        let _ = writeln!(out, "{name} {value}");
    } else {
        let _ = writeln!(out, "{name}{{{labels}}} {value}");
    }
}

/// A monotonically increasing count per label set.
pub struct CounterFamily {
    name: &'static str,
    help: &'static str,
    labels: &'static [&'static str],
    series: Series<AtomicU64>,
}

impl CounterFamily {
    pub fn new(name: &'static str, help: &'static str, labels: &'static [&'static str]) -> Self {
        Self {
            name,
            help,
            labels,
            series: Series::new(),
        }
    }

    pub fn inc(&self, values: &[&str]) {
        self.add(values, 1);
    }

    pub fn add(&self, values: &[&str], n: u64) {
        self.series
            .get(self.labels, values)
            .fetch_add(n, Ordering::Relaxed);
    }

    pub fn get(&self, values: &[&str]) -> u64 {
        self.series.get(self.labels, values).load(Ordering::Relaxed)
    }

    fn render(&self, out: &mut String) {
        header(out, self.name, self.help, "counter");
        for (labels, value) in self.series.sorted() {
            sample(out, self.name, &labels, value.load(Ordering::Relaxed));
        }
    }
}

/// A value that goes up and down per label set.
pub struct GaugeFamily {
    name: &'static str,
    help: &'static str,
    labels: &'static [&'static str],
    series: Series<AtomicI64>,
}

impl GaugeFamily {
    pub fn new(name: &'static str, help: &'static str, labels: &'static [&'static str]) -> Self {
        Self {
            name,
            help,
            labels,
            series: Series::new(),
        }
    }

    pub fn add(&self, values: &[&str], delta: i64) {
        self.series
            .get(self.labels, values)
            .fetch_add(delta, Ordering::Relaxed);
    }

    pub fn set(&self, values: &[&str], value: i64) {
        self.series
            .get(self.labels, values)
            .store(value, Ordering::Relaxed);
    }

    fn render(&self, out: &mut String) {
        header(out, self.name, self.help, "gauge");
        for (labels, value) in self.series.sorted() {
            sample(out, self.name, &labels, value.load(Ordering::Relaxed));
        }
    }
}

/// Observations in fixed buckets; the sum is kept in nanoseconds so one atomic add records it.
pub struct Histogram {
    buckets: Vec<AtomicU64>,
    sum_nanos: AtomicU64,
    count: AtomicU64,
}

impl Default for Histogram {
    fn default() -> Self {
        Self {
            buckets: LATENCY_BUCKETS.iter().map(|_| AtomicU64::new(0)).collect(),
            sum_nanos: AtomicU64::new(0),
            count: AtomicU64::new(0),
        }
    }
}

impl Histogram {
    pub fn observe(&self, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        if let Some(i) = LATENCY_BUCKETS.iter().position(|bound| seconds <= *bound) {
            self.buckets[i].fetch_add(1, Ordering::Relaxed);
        }
        let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
        self.sum_nanos.fetch_add(nanos, Ordering::Relaxed);
        self.count.fetch_add(1, Ordering::Relaxed);
    }

    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}

/// Latency histograms per label set.
pub struct HistogramFamily {
    name: &'static str,
    help: &'static str,
    labels: &'static [&'static str],
    series: Series<Histogram>,
}

impl HistogramFamily {
    pub fn new(name: &'static str, help: &'static str, labels: &'static [&'static str]) -> Self {
        Self {
            name,
            help,
            labels,
            series: Series::new(),
        }
    }

    pub fn observe(&self, values: &[&str], elapsed: Duration) {
        self.series.get(self.labels, values).observe(elapsed);
    }

    pub fn count(&self, values: &[&str]) -> u64 {
        self.series.get(self.labels, values).count()
    }

    fn render(&self, out: &mut String) {
        header(out, self.name, self.help, "histogram");
        let bucket = format!("{}_bucket", self.name);
        for (labels, histogram) in self.series.sorted() {
            let separator = if labels.is_empty() { "" } else { "," };
            let mut cumulative = 0;
            for (bound, count) in LATENCY_BUCKETS.iter().zip(&histogram.buckets) {
                cumulative += count.load(Ordering::Relaxed);
                let le = format!("{labels}{separator}le=\"{bound}\"");
                sample(out, &bucket, &le, cumulative);
            }
            let total = histogram.count.load(Ordering::Relaxed);
            sample(
                out,
                &bucket,
                &format!("{labels}{separator}le=\"+Inf\""),
                total,
            );
            let sum = histogram.sum_nanos.load(Ordering::Relaxed) as f64 / 1e9;
            sample(out, &format!("{}_sum", self.name), &labels, sum);
            sample(out, &format!("{}_count", self.name), &labels, total);
        }
    }
}

/// Any family, for rendering them all in order.
pub enum Family<'a> {
    Counter(&'a CounterFamily),
    Gauge(&'a GaugeFamily),
    Histogram(&'a HistogramFamily),
}

/// The text exposition of `families`, in the order given.
pub fn render(families: &[Family<'_>]) -> String {
    let mut out = String::with_capacity(16 * 1024);
    for family in families {
        match family {
            Family::Counter(f) => f.render(&mut out),
            Family::Gauge(f) => f.render(&mut out),
            Family::Histogram(f) => f.render(&mut out),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_render_in_the_text_format_with_escaped_labels() {
        let requests = CounterFamily::new("t_requests_total", "Requests.", &["op"]);
        requests.inc(&["b\"q"]);
        requests.add(&["a"], 2);
        let in_flight = GaugeFamily::new("t_in_flight", "In flight.", &[]);
        in_flight.add(&[], 3);
        in_flight.add(&[], -1);
        let latency = HistogramFamily::new("t_seconds", "Latency.", &["stage"]);
        latency.observe(&["plan"], Duration::from_millis(3));
        latency.observe(&["plan"], Duration::from_secs(20));
        let text = render(&[
            Family::Counter(&requests),
            Family::Gauge(&in_flight),
            Family::Histogram(&latency),
        ]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[..8],
            [
                "# HELP t_requests_total Requests.",
                "# TYPE t_requests_total counter",
                "t_requests_total{op=\"a\"} 2",
                "t_requests_total{op=\"b\\\"q\"} 1",
                "# HELP t_in_flight In flight.",
                "# TYPE t_in_flight gauge",
                "t_in_flight 2",
                "# HELP t_seconds Latency.",
            ]
        );
        assert!(text.contains("t_seconds_bucket{stage=\"plan\",le=\"0.0025\"} 0\n"));
        assert!(text.contains("t_seconds_bucket{stage=\"plan\",le=\"0.005\"} 1\n"));
        assert!(text.contains("t_seconds_bucket{stage=\"plan\",le=\"10\"} 1\n"));
        assert!(text.contains("t_seconds_bucket{stage=\"plan\",le=\"+Inf\"} 2\n"));
        assert!(text.contains("t_seconds_sum{stage=\"plan\"} 20.003\n"));
        assert!(text.contains("t_seconds_count{stage=\"plan\"} 2\n"));
    }
}
