//! The subscription load client: `subscribers` WebSockets to the gateway, each with one
//! `ticks` subscription; once every one has had its first event, events are counted for a
//! fixed window (per second, per subscriber, with each event's content checked), then every
//! subscriber completes and closes. Used by `bench/subscriptions.sh` (through the
//! `quntuan-bench-subscribers` binary) and by the gateway's load test.

mod report;
mod subscriber;

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use tokio::sync::{Notify, Semaphore, watch};

pub use report::Report;
pub use subscriber::{OPEN_TIMEOUT, Outcome, TICKS};

/// What to run.
#[derive(Debug, Clone)]
pub struct LoadConfig {
    /// The gateway's WebSocket endpoint, `ws://127.0.0.1:PORT/graphql`.
    pub url: String,
    pub subscribers: usize,
    /// The `intervalMs` each subscription asks the ticker for.
    pub interval_ms: u32,
    /// The measured window, which starts when every subscriber has had its first event.
    pub duration: Duration,
    /// How long each step of opening may take, and (twice this) opening them all.
    pub open_timeout: Duration,
    /// Handshakes in flight at once.
    pub connect_parallelism: usize,
}

impl LoadConfig {
    pub fn new(url: impl Into<String>, subscribers: usize) -> Self {
        Self {
            url: url.into(),
            subscribers,
            interval_ms: 100,
            duration: Duration::from_secs(20),
            open_timeout: OPEN_TIMEOUT,
            connect_parallelism: 64,
        }
    }
}

/// How opening went, given to the caller before the window starts (the script reads the
/// gateway's memory then).
#[derive(Debug, Clone, Copy)]
pub struct Opened {
    pub opened: usize,
    pub failed: usize,
    pub seconds: f64,
}

/// What every subscriber task shares.
pub(crate) struct Shared {
    url: String,
    interval_ms: u32,
    open_timeout: Duration,
    connecting: Semaphore,
    opened: AtomicUsize,
    failed: AtomicUsize,
    opened_or_failed: Notify,
    window: OnceLock<Instant>,
    window_length: Duration,
    /// Events received in each second of the window, over every subscriber.
    per_second: Vec<AtomicU64>,
}

impl Shared {
    /// The second of the window `at` falls in, if it does.
    fn window_second(&self, at: Instant) -> Option<usize> {
        let since = at.checked_duration_since(*self.window.get()?)?;
        if since >= self.window_length {
            return None;
        }
        usize::try_from(since.as_secs()).ok()
    }
}

/// Opens every subscriber, calls `on_open` once they all had their first event (or failed, or
/// twice the open timeout passed), measures for `duration`, then stops them all.
pub async fn run(config: &LoadConfig, on_open: impl FnOnce(Opened)) -> Report {
    let seconds = usize::try_from(config.duration.as_secs()).unwrap_or(0)
        + usize::from(config.duration.subsec_nanos() > 0);
    let shared = Arc::new(Shared {
        url: config.url.clone(),
        interval_ms: config.interval_ms,
        open_timeout: config.open_timeout,
        connecting: Semaphore::new(config.connect_parallelism.max(1)),
        opened: AtomicUsize::new(0),
        failed: AtomicUsize::new(0),
        opened_or_failed: Notify::new(),
        window: OnceLock::new(),
        window_length: config.duration,
        per_second: (0..seconds).map(|_| AtomicU64::new(0)).collect(),
    });
    let (stop, stopped) = watch::channel(false);
    let started = Instant::now();
    let tasks: Vec<_> = (0..config.subscribers)
        .map(|_| tokio::spawn(subscriber::run(shared.clone(), stopped.clone())))
        .collect();

    let deadline = started + config.open_timeout * 2;
    loop {
        let settled = shared.opened.load(Ordering::Relaxed) + shared.failed.load(Ordering::Relaxed);
        if settled >= config.subscribers {
            break;
        }
        let notified = shared.opened_or_failed.notified();
        if tokio::time::timeout_at(deadline.into(), notified)
            .await
            .is_err()
        {
            break;
        }
    }
    on_open(Opened {
        opened: shared.opened.load(Ordering::Relaxed),
        failed: shared.failed.load(Ordering::Relaxed),
        seconds: started.elapsed().as_secs_f64(),
    });
    let window_start = Instant::now();
    let _ = shared.window.set(window_start);
    tokio::time::sleep_until((window_start + config.duration).into()).await;
    let _ = stop.send(true);

    let mut outcomes = Vec::with_capacity(tasks.len());
    for task in tasks {
        outcomes.push(task.await.unwrap_or_else(|error| Outcome {
            failure: Some(format!("the subscriber task failed: {error}")),
            ..Outcome::default()
        }));
    }
    let per_second = shared
        .per_second
        .iter()
        .map(|n| n.load(Ordering::Relaxed))
        .collect();
    Report::new(config, started, window_start, per_second, outcomes)
}
