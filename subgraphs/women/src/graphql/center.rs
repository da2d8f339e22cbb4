//! `ServiceCenter @key(fields: "id")` (owned by `hub`), extended with what the women's
//! federation runs at the venue.

use async_graphql::{Context, Object};

use super::directory::WomenActivity;
use super::loader;
use super::loaders::{ActivitiesAtCenter, ChildrensHomesAtCenter, WomensHomesAtCenter};
use super::places::{ChildrensHome, WomensHome};

quntuan_kit::service_center! {
    /// What the women's federation runs at this venue.
    women: WomenAtServiceCenter,
    /// The women's federation's services at one venue.
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
