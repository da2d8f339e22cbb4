//! `ServiceCenter @key(fields: "id")` (owned by `hub`), extended with what the women's
//! federation runs at the venue.

use async_graphql::{Context, Object};

use super::directory::WomenActivity;
use super::loader;
use super::loaders::{ActivitiesAtCenter, ChildrensHomesAtCenter, WomensHomesAtCenter};
use super::places::{ChildrensHome, WomensHome};
use quntuan_kit::load_list;

quntuan_kit::service_center! {
    /// What the women's federation runs at this venue.
    women: WomenAtServiceCenter,
    /// The women's federation's services at one venue.
}

#[Object]
impl WomenAtServiceCenter {
    /// Women's homes housed here.
    async fn womens_homes(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WomensHome>> {
        Ok(load_list(
            loader(ctx)?,
            WomensHomesAtCenter(self.center_id.clone()),
            WomensHome,
        )
        .await?)
    }

    /// Children's homes housed here.
    async fn childrens_homes(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ChildrensHome>> {
        let key = ChildrensHomesAtCenter(self.center_id.clone());
        Ok(load_list(loader(ctx)?, key, ChildrensHome).await?)
    }

    /// Family-education activities held here.
    async fn activities(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WomenActivity>> {
        let key = ActivitiesAtCenter(self.center_id.clone());
        Ok(load_list(loader(ctx)?, key, WomenActivity).await?)
    }
}
