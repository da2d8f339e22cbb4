//! `ServiceCenter` (owned by hub) extended with the federation's service point there: the
//! disability workers stationed at the venue and the accessibility services held there.

use async_graphql::{Context, ID, Object, Result, SimpleObject};

use super::app;
use super::objects::{DisabilityActivity, DisabilityWorker};

/// A shared service venue (owned by hub).
pub(crate) struct ServiceCenter {
    pub(crate) id: ID,
}

impl ServiceCenter {
    pub(crate) fn new(id: String) -> ServiceCenter {
        ServiceCenter { id: ID(id) }
    }
}

#[Object]
impl ServiceCenter {
    async fn id(&self) -> &ID {
        &self.id
    }
    /// The disability service point at this venue.
    async fn disability(&self, ctx: &Context<'_>) -> Result<Option<DisabilityAtServiceCenter>> {
        // Nullable, so that an outage of this subgraph nulls only its own figures.
        self.disability_here(ctx).await.map(Some)
    }

    #[graphql(skip)]
    async fn disability_here(&self, ctx: &Context<'_>) -> Result<DisabilityAtServiceCenter> {
        let loaders = &app(ctx)?.loaders;
        let (workers, services) = tokio::join!(
            loaders.workers_at_center.load_one(self.id.0.clone()),
            loaders.services_at_center.load_one(self.id.0.clone()),
        );
        Ok(DisabilityAtServiceCenter {
            workers: workers?
                .unwrap_or_default()
                .into_iter()
                .map(DisabilityWorker)
                .collect(),
            activities: services?
                .unwrap_or_default()
                .into_iter()
                .map(DisabilityActivity)
                .collect(),
        })
    }
}

/// The workers stationed at one venue and the accessibility services held there.
#[derive(SimpleObject)]
pub(crate) struct DisabilityAtServiceCenter {
    workers: Vec<DisabilityWorker>,
    activities: Vec<DisabilityActivity>,
}
