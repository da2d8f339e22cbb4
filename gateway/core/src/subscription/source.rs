//! Where one client subscription's subgraph messages come from: its own subgraph
//! subscription, or a share of one identical subscriptions hold together
//! (`subscriptions.deduplicate`, [`super::shared`]).

use super::settings::SubscriptionSettings;
use super::shared::{Share, SharedSubscriptions};
use super::upstream::{self, Upstream};
use crate::error::GraphqlError;
use crate::execute::SubgraphRequest;
use std::sync::Arc;

pub(crate) enum Source {
    Own(upstream::Events),
    Shared(Share),
}

impl Source {
    /// Opens `root` against its subgraph, sharing it when deduplication is on.
    pub(crate) async fn open(
        root: SubgraphRequest,
        settings: &SubscriptionSettings,
        shared: &Arc<SharedSubscriptions>,
    ) -> Result<Self, GraphqlError> {
        if settings.deduplicate {
            shared.join(root, settings).await.map(Self::Shared)
        } else {
            upstream::open(root, settings).await.map(Self::Own)
        }
    }

    /// The next subgraph message; `None` once the subgraph completed.
    pub(crate) async fn recv(&mut self) -> Option<Upstream> {
        match self {
            Self::Own(events) => events.recv().await,
            Self::Shared(share) => share.recv().await,
        }
    }
}
