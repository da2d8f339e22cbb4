//! Dataloaders with a batching window that survives a loaded machine.

use std::time::Duration;

use async_graphql::dataloader::DataLoader;

/// How long a dataloader collects keys before it runs the batch. async-graphql's default
/// (1 ms) splits batches when the executor yields midway through a long list (futures'
/// `FuturesUnordered` yields every 32 polls) on a busy machine; 5 ms keeps one batch per
/// level while adding little latency.
pub const LOADER_DELAY: Duration = Duration::from_millis(5);

/// `DataLoader::new(loader, tokio::spawn)` with [`LOADER_DELAY`].
pub fn dataloader<T: Send + Sync + 'static>(loader: T) -> DataLoader<T> {
    DataLoader::new(loader, tokio::spawn).delay(LOADER_DELAY)
}
