//! `ServiceCenter @key(fields: "id")` (owned by `hub`), extended with what the women's
//! federation runs at the venue.

use async_graphql::{Context, ID, Object};

use super::directory::WomenActivity;
use super::loader;
use super::loaders::{ActivitiesAtCenter, ChildrensHomesAtCenter, WomensHomesAtCenter};
use super::places::{ChildrensHome, WomensHome};

/// A shared service venue; `hub` owns its name, kind and place.
pub struct ServiceCenter {
    id: String,
}

impl ServiceCenter {
    pub fn new(id: String) -> ServiceCenter {
        ServiceCenter { id }
    }
}

#[Object]
impl ServiceCenter {
    async fn id(&self) -> ID {
        ID(self.id.clone())
    }

    /// What the women's federation runs at this venue.
    async fn women(&self) -> Option<WomenAtServiceCenter> {
        Some(WomenAtServiceCenter {
            center_id: self.id.clone(),
        })
    }
}

/// The women's federation's services at one venue.
pub struct WomenAtServiceCenter {
    center_id: String,
}

#[Object]
impl WomenAtServiceCenter {
    /// Women's homes housed here.
    async fn womens_homes(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WomensHome>> {
        let homes = loader(ctx)?
            .load_one(WomensHomesAtCenter(self.center_id.clone()))
            .await?;
        Ok(homes
            .unwrap_or_default()
            .into_iter()
            .map(WomensHome)
            .collect())
    }

    /// Children's homes housed here.
    async fn childrens_homes(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ChildrensHome>> {
        let key = ChildrensHomesAtCenter(self.center_id.clone());
        let homes = loader(ctx)?.load_one(key).await?;
        Ok(homes
            .unwrap_or_default()
            .into_iter()
            .map(ChildrensHome)
            .collect())
    }

    /// Family-education activities held here.
    async fn activities(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WomenActivity>> {
        let key = ActivitiesAtCenter(self.center_id.clone());
        let activities = loader(ctx)?.load_one(key).await?;
        Ok(activities
            .unwrap_or_default()
            .into_iter()
            .map(WomenActivity)
            .collect())
    }
}
