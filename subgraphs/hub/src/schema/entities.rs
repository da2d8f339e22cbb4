//! Federation entity resolvers (`_entities`) of hub's own entities: each batches through a
//! dataloader, so N representations cost one statement per type, not N. The directory
//! types resolve through `directory::{UnitLookups, ActivityLookups, AwardLookups}`.

use async_graphql::{Context, ID, Object};

use super::center::ServiceCenter;
use super::region::Region;

#[derive(Default)]
pub struct EntityQuery;

#[Object]
impl EntityQuery {
    #[graphql(entity)]
    async fn find_region_by_code(
        &self,
        ctx: &Context<'_>,
        code: String,
    ) -> async_graphql::Result<Option<Region>> {
        Region::load(ctx, code).await
    }

    #[graphql(entity)]
    async fn find_service_center_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<ServiceCenter>> {
        ServiceCenter::load(ctx, id).await
    }
}
