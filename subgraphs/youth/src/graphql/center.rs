//! `ServiceCenter` (owned by hub) extended with what the youth league runs there.

use async_graphql::{Context, ID, Object, Result, SimpleObject};

use super::app;
use super::objects::{YouthActivity, YouthHome, YouthSocialWorker};

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
    /// What the youth league runs at this venue.
    async fn youth(&self, ctx: &Context<'_>) -> Result<Option<YouthAtServiceCenter>> {
        // Nullable, so that an outage of this subgraph nulls only its own figures.
        self.youth_here(ctx).await.map(Some)
    }

    #[graphql(skip)]
    async fn youth_here(&self, ctx: &Context<'_>) -> Result<YouthAtServiceCenter> {
        let loaders = &app(ctx)?.loaders;
        let key = self.id.0.clone();
        let (homes, activities, workers) = tokio::join!(
            loaders.homes_at_center.load_one(key.clone()),
            loaders.activities_at_center.load_one(key.clone()),
            loaders.workers_at_center.load_one(key),
        );
        Ok(YouthAtServiceCenter {
            youth_homes: homes?
                .unwrap_or_default()
                .into_iter()
                .map(YouthHome)
                .collect(),
            activities: activities?
                .unwrap_or_default()
                .into_iter()
                .map(YouthActivity)
                .collect(),
            social_workers: workers?
                .unwrap_or_default()
                .into_iter()
                .map(YouthSocialWorker)
                .collect(),
        })
    }
}

/// The youth homes, activities and social workers at one venue.
#[derive(SimpleObject)]
pub(crate) struct YouthAtServiceCenter {
    youth_homes: Vec<YouthHome>,
    activities: Vec<YouthActivity>,
    social_workers: Vec<YouthSocialWorker>,
}
