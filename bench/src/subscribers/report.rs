//! The load client's figures: what every subscriber saw, summed up, and printed both for
//! people and as one `RESULT key=value …` line for the script.

use std::fmt;
use std::time::Instant;

use super::{LoadConfig, Outcome};

#[derive(Debug, Clone)]
pub struct Report {
    pub subscribers: usize,
    /// Subscribers that had a first event.
    pub opened: usize,
    /// Subscribers that never had one, and the first reason given.
    pub failed_to_open: usize,
    /// Subscribers that had events and then ended before the stop.
    pub ended_early: usize,
    pub first_failure: Option<String>,
    pub open_seconds: f64,
    pub window_seconds: f64,
    pub window_events: u64,
    /// Events per second of the window, over every subscriber.
    pub per_second: Vec<u64>,
    /// The fewest and most events one subscriber received in the window.
    pub min_per_subscriber: u64,
    pub max_per_subscriber: u64,
    /// Subscribers whose first event was `seq` 0 (a subgraph subscription of their own).
    pub from_first_event: usize,
    pub missed: u64,
    pub wrong: u64,
    pub first_wrong: Option<String>,
    /// Delivery latency (subgraph sent → subscriber received) over the window, in ms.
    pub latency_p50_ms: f64,
    pub latency_p99_ms: f64,
    pub latency_max_ms: f64,
}

impl Report {
    pub(super) fn new(
        config: &LoadConfig,
        started: Instant,
        window_start: Instant,
        per_second: Vec<u64>,
        outcomes: Vec<Outcome>,
    ) -> Self {
        let opened: Vec<&Outcome> = outcomes.iter().filter(|o| o.first_seq.is_some()).collect();
        let mut latencies: Vec<f32> = outcomes
            .iter()
            .flat_map(|o| o.latencies_ms.iter().copied())
            .collect();
        latencies.sort_by(f32::total_cmp);
        Self {
            subscribers: config.subscribers,
            opened: opened.len(),
            failed_to_open: outcomes.len() - opened.len(),
            ended_early: opened.iter().filter(|o| o.failure.is_some()).count(),
            first_failure: outcomes.iter().find_map(|o| o.failure.clone()),
            open_seconds: (window_start - started).as_secs_f64(),
            window_seconds: config.duration.as_secs_f64(),
            window_events: outcomes.iter().map(|o| o.window_events).sum(),
            per_second,
            min_per_subscriber: opened.iter().map(|o| o.window_events).min().unwrap_or(0),
            max_per_subscriber: opened.iter().map(|o| o.window_events).max().unwrap_or(0),
            from_first_event: opened.iter().filter(|o| o.first_seq == Some(0)).count(),
            missed: outcomes.iter().map(|o| o.missed).sum(),
            wrong: outcomes.iter().map(|o| o.wrong).sum(),
            first_wrong: outcomes.iter().find_map(|o| o.first_wrong.clone()),
            latency_p50_ms: quantile(&latencies, 0.50),
            latency_p99_ms: quantile(&latencies, 0.99),
            latency_max_ms: latencies.last().map_or(0.0, |&l| f64::from(l)),
        }
    }

    pub fn events_per_second(&self) -> f64 {
        if self.window_seconds > 0.0 {
            self.window_events as f64 / self.window_seconds
        } else {
            0.0
        }
    }

    /// Every subscriber opened and stayed, and no event was missing, repeated or wrong.
    pub fn clean(&self) -> bool {
        self.opened == self.subscribers
            && self.ended_early == 0
            && self.missed == 0
            && self.wrong == 0
    }
}

fn quantile(sorted: &[f32], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() - 1) as f64 * q).round() as usize;
    f64::from(sorted[index.min(sorted.len() - 1)])
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "subscribers: {} opened in {:.2} s ({} failed to open, {} ended early)",
            self.opened, self.open_seconds, self.failed_to_open, self.ended_early
        )?;
        writeln!(
            f,
            "events: {} in {:.1} s = {:.1} events/s; per subscriber {}..{}; per second {:?}",
            self.window_events,
            self.window_seconds,
            self.events_per_second(),
            self.min_per_subscriber,
            self.max_per_subscriber,
            self.per_second
        )?;
        writeln!(
            f,
            "checks: {} missed, {} wrong or out of order; {} subscribers started at seq 0",
            self.missed, self.wrong, self.from_first_event
        )?;
        writeln!(
            f,
            "latency (subgraph sent -> subscriber received): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            self.latency_p50_ms, self.latency_p99_ms, self.latency_max_ms
        )?;
        if let Some(failure) = &self.first_failure {
            writeln!(f, "first failure: {failure}")?;
        }
        if let Some(wrong) = &self.first_wrong {
            writeln!(f, "first wrong event: {wrong}")?;
        }
        write!(
            f,
            "RESULT subscribers={} opened={} failed={} ended_early={} open_s={:.2} window_s={:.1} \
             events={} events_per_s={:.1} min_per_sub={} max_per_sub={} missed={} wrong={} \
             from_seq0={} p50_ms={:.1} p99_ms={:.1} max_ms={:.1} clean={}",
            self.subscribers,
            self.opened,
            self.failed_to_open,
            self.ended_early,
            self.open_seconds,
            self.window_seconds,
            self.window_events,
            self.events_per_second(),
            self.min_per_subscriber,
            self.max_per_subscriber,
            self.missed,
            self.wrong,
            self.from_first_event,
            self.latency_p50_ms,
            self.latency_p99_ms,
            self.latency_max_ms,
            self.clean()
        )
    }
}
