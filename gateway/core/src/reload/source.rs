//! Where supergraphs come from, and the loop that polls a source and swaps in what it gives.

use super::GatewayHandle;
use std::future::Future;
use std::time::Duration;

/// A place new supergraph SDLs come from.
pub trait SupergraphSource: Send + 'static {
    /// The source for log lines: a path, an URL, a list of subgraphs.
    fn describe(&self) -> String;

    /// The supergraph SDL when it changed since the previous call (the first call gives the
    /// current one), `None` when it did not. An error is reported once per distinct failure,
    /// so a broken file left in place is not counted again on every poll.
    fn poll(&mut self) -> impl Future<Output = Result<Option<String>, String>> + Send;
}

/// Polls `source` once and swaps in what it gives; `Err` when it gave nothing loadable (the
/// failure is counted and the current schema, if any, keeps serving).
pub async fn poll_once<S: SupergraphSource>(
    handle: &GatewayHandle,
    source: &mut S,
) -> Result<(), String> {
    let what = source.describe();
    match source.poll().await {
        Ok(Some(sdl)) => match handle.load(&sdl) {
            Ok(true) => {
                tracing::info!(source = %what, "supergraph loaded");
                Ok(())
            }
            Ok(false) => Ok(()),
            Err(reason) => Err(format!("supergraph from {what} refused: {reason}")),
        },
        Ok(None) => Ok(()),
        Err(reason) => Err(handle.refuse(format!("supergraph from {what}: {reason}"))),
    }
}

/// Polls `source` every `interval` for as long as the runtime lives, logging refusals.
pub fn watch<S: SupergraphSource>(
    handle: GatewayHandle,
    mut source: S,
    interval: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(interval).await;
            if let Err(message) = poll_once(&handle, &mut source).await {
                tracing::warn!("{message}; the current schema keeps serving");
                eprintln!("warning: {message}; the current schema keeps serving");
            }
        }
    })
}
