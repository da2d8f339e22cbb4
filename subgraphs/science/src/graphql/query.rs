//! Root queries: filtered, paginated lists and the federation entity resolvers (all
//! batched through the dataloaders).

use async_graphql::{Context, MergedObject, Object, Result};
use quntuan_kit::Page;

use super::app;
use super::center::ServiceCenter;
use super::objects::*;
use super::region::Region;
use crate::ids;
use crate::service::lists::{
    self, ScienceActivityFilter, ScienceAssociationFilter, ScienceAwardFilter,
    ScienceWorkstationFilter,
};

#[derive(MergedObject, Default)]
pub struct Query(ListQuery, EntityQuery);

#[derive(Default)]
pub(super) struct ListQuery;

#[Object]
impl ListQuery {
    /// Enterprise and institution science associations, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn science_associations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: ScienceAssociationFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<ScienceAssociationConnection> {
        let found = lists::associations(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(ScienceAssociationConnection::of(found, ScienceAssociation))
    }

    /// Academician and expert innovation workstations, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn science_workstations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: ScienceWorkstationFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<ScienceWorkstationConnection> {
        let found = lists::workstations(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(ScienceWorkstationConnection::of(found, ScienceWorkstation))
    }

    /// Science-popularisation activities, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn science_activities(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: ScienceActivityFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<ScienceActivityConnection> {
        let found = lists::activities(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(ScienceActivityConnection::of(found, ScienceActivity))
    }

    /// "Most beautiful science worker" honours, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn science_awards(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: ScienceAwardFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<ScienceAwardConnection> {
        let found = lists::awards(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(ScienceAwardConnection::of(found, ScienceAward))
    }
}

quntuan_kit::entity_lookups! {
    /// Lookups by id that also answer `_entities`.
    EntityQuery, app: super::app, extends Region and ServiceCenter;
    find_science_association_by_id => ScienceAssociation, association, ids::ASSOCIATION, "science association";
    find_science_workstation_by_id => ScienceWorkstation, workstation, ids::WORKSTATION, "workstation";
    find_science_activity_by_id => ScienceActivity, event, ids::ACTIVITY, "science activity";
    find_science_award_by_id => ScienceAward, award, ids::AWARD, "science award";
}
