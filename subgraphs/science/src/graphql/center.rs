//! `ServiceCenter` (owned by hub) extended with what the science association runs there.

use async_graphql::{Context, ID, Object, Result, SimpleObject};

use super::app;
use super::objects::ScienceActivity;

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
    /// What the science association runs at this venue.
    async fn science(&self, ctx: &Context<'_>) -> Result<Option<ScienceAtServiceCenter>> {
        // Nullable, so that an outage of this subgraph nulls only its own figures.
        self.science_here(ctx).await.map(Some)
    }

    #[graphql(skip)]
    async fn science_here(&self, ctx: &Context<'_>) -> Result<ScienceAtServiceCenter> {
        let rows = app(ctx)?
            .loaders
            .events_at_center
            .load_one(self.id.0.clone())
            .await?;
        Ok(ScienceAtServiceCenter {
            activities: rows
                .unwrap_or_default()
                .into_iter()
                .map(ScienceActivity)
                .collect(),
        })
    }
}

/// The science-popularisation activities held at one venue.
#[derive(SimpleObject)]
pub(crate) struct ScienceAtServiceCenter {
    activities: Vec<ScienceActivity>,
}
