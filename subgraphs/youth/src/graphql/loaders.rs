//! Dataloaders: every entity resolver and every list under a parent goes through one of
//! these, so a page of N records costs a constant number of statements.

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;

use async_graphql::dataloader::{DataLoader, Loader};
use quntuan_kit::ApiError;
use sea_orm::{DatabaseConnection, EntityTrait, Value};

use crate::entity::{activity, award, branch, home, service_log, social_worker, volunteer};
use crate::service::{batch, summary};

/// Rows by primary key.
pub(crate) struct ById<E: EntityTrait> {
    db: DatabaseConnection,
    column: E::Column,
    id_of: fn(&E::Model) -> i64,
}

impl<E> Loader<i64> for ById<E>
where
    E: EntityTrait + Send + Sync,
    E::Model: Clone + Send + Sync,
    E::Column: Send + Sync,
{
    type Value = E::Model;
    type Error = ApiError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, E::Model>, ApiError> {
        Ok(batch::rows_by_id::<E, _>(&self.db, self.column, keys, self.id_of).await?)
    }
}

/// Children of a batch of parents (`column` holds the parent key), ordered by id.
pub(crate) struct ChildrenOf<E: EntityTrait, K> {
    db: DatabaseConnection,
    column: E::Column,
    order_by: E::Column,
    key_of: fn(&E::Model) -> Option<K>,
    _key: PhantomData<fn() -> K>,
}

impl<E, K> Loader<K> for ChildrenOf<E, K>
where
    E: EntityTrait + Send + Sync,
    E::Model: Clone + Send + Sync,
    E::Column: Send + Sync,
    K: Into<Value> + Clone + Eq + Hash + Send + Sync + 'static,
{
    type Value = Vec<E::Model>;
    type Error = ApiError;

    async fn load(&self, keys: &[K]) -> Result<HashMap<K, Vec<E::Model>>, ApiError> {
        Ok(batch::rows_grouped_by::<E, K, _>(
            &self.db,
            self.column,
            self.order_by,
            keys,
            self.key_of,
        )
        .await?)
    }
}

/// An aggregate (`COUNT(*)`, `SUM(minutes)`) per parent key.
pub(crate) struct TotalsOf<E: EntityTrait> {
    db: DatabaseConnection,
    column: E::Column,
    aggregate: &'static str,
}

impl<E> Loader<i64> for TotalsOf<E>
where
    E: EntityTrait + Send + Sync,
    E::Column: Send + Sync,
{
    type Value = i64;
    type Error = ApiError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, i64>, ApiError> {
        Ok(batch::totals_by::<E, _>(&self.db, self.column, self.aggregate, keys).await?)
    }
}

/// `Region.youth` figures: one read of the per-region summary per batch of region codes.
pub(crate) struct RegionFigures {
    db: DatabaseConnection,
}

impl Loader<String> for RegionFigures {
    type Value = Vec<i64>;
    type Error = ApiError;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Vec<i64>>, ApiError> {
        Ok(summary::figures_of(&self.db, keys).await?)
    }
}

/// All loaders of one schema (shared by its requests; none caches, so every request
/// reads current rows).
pub(crate) struct Loaders {
    pub(crate) branch: DataLoader<ById<branch::Entity>>,
    pub(crate) home: DataLoader<ById<home::Entity>>,
    pub(crate) volunteer: DataLoader<ById<volunteer::Entity>>,
    pub(crate) service_log: DataLoader<ById<service_log::Entity>>,
    pub(crate) activity: DataLoader<ById<activity::Entity>>,
    pub(crate) social_worker: DataLoader<ById<social_worker::Entity>>,
    pub(crate) award: DataLoader<ById<award::Entity>>,
    pub(crate) logs_of_volunteer: DataLoader<ChildrenOf<service_log::Entity, i64>>,
    pub(crate) activities_of_home: DataLoader<ChildrenOf<activity::Entity, i64>>,
    pub(crate) homes_at_center: DataLoader<ChildrenOf<home::Entity, String>>,
    pub(crate) activities_at_center: DataLoader<ChildrenOf<activity::Entity, String>>,
    pub(crate) workers_at_center: DataLoader<ChildrenOf<social_worker::Entity, String>>,
    pub(crate) volunteers_per_branch: DataLoader<TotalsOf<volunteer::Entity>>,
    pub(crate) minutes_per_volunteer: DataLoader<TotalsOf<service_log::Entity>>,
    pub(crate) region_figures: DataLoader<RegionFigures>,
}

fn by_id<E: EntityTrait>(
    db: &DatabaseConnection,
    column: E::Column,
    id_of: fn(&E::Model) -> i64,
) -> ById<E> {
    ById {
        db: db.clone(),
        column,
        id_of,
    }
}

fn children<E: EntityTrait, K>(
    db: &DatabaseConnection,
    column: E::Column,
    order_by: E::Column,
    key_of: fn(&E::Model) -> Option<K>,
) -> ChildrenOf<E, K> {
    ChildrenOf {
        db: db.clone(),
        column,
        order_by,
        key_of,
        _key: PhantomData,
    }
}

impl Loaders {
    pub(crate) fn new(db: &DatabaseConnection) -> Loaders {
        Loaders {
            branch: quntuan_kit::dataloader(by_id::<branch::Entity>(db, branch::Column::Id, |m| {
                m.id
            })),
            home: quntuan_kit::dataloader(by_id::<home::Entity>(db, home::Column::Id, |m| m.id)),
            volunteer: quntuan_kit::dataloader(by_id::<volunteer::Entity>(
                db,
                volunteer::Column::Id,
                |m| m.id,
            )),
            service_log: quntuan_kit::dataloader(by_id::<service_log::Entity>(
                db,
                service_log::Column::Id,
                |m| m.id,
            )),
            activity: quntuan_kit::dataloader(by_id::<activity::Entity>(
                db,
                activity::Column::Id,
                |m| m.id,
            )),
            social_worker: quntuan_kit::dataloader(by_id::<social_worker::Entity>(
                db,
                social_worker::Column::Id,
                |m| m.id,
            )),
            award: quntuan_kit::dataloader(by_id::<award::Entity>(db, award::Column::Id, |m| m.id)),
            logs_of_volunteer: quntuan_kit::dataloader(children::<service_log::Entity, i64>(
                db,
                service_log::Column::VolunteerId,
                service_log::Column::Id,
                |m| Some(m.volunteer_id),
            )),
            activities_of_home: quntuan_kit::dataloader(children::<activity::Entity, i64>(
                db,
                activity::Column::YouthHomeId,
                activity::Column::Id,
                |m| m.youth_home_id,
            )),
            homes_at_center: quntuan_kit::dataloader(children::<home::Entity, String>(
                db,
                home::Column::ServiceCenterId,
                home::Column::Id,
                |m| m.service_center_id.clone(),
            )),
            activities_at_center: quntuan_kit::dataloader(children::<activity::Entity, String>(
                db,
                activity::Column::ServiceCenterId,
                activity::Column::Id,
                |m| m.service_center_id.clone(),
            )),
            workers_at_center: quntuan_kit::dataloader(children::<social_worker::Entity, String>(
                db,
                social_worker::Column::ServiceCenterId,
                social_worker::Column::Id,
                |m| m.service_center_id.clone(),
            )),
            volunteers_per_branch: quntuan_kit::dataloader(TotalsOf::<volunteer::Entity> {
                db: db.clone(),
                column: volunteer::Column::BranchId,
                aggregate: "COUNT(*)",
            }),
            minutes_per_volunteer: quntuan_kit::dataloader(TotalsOf::<service_log::Entity> {
                db: db.clone(),
                column: service_log::Column::VolunteerId,
                aggregate: "SUM(minutes)",
            }),
            region_figures: quntuan_kit::dataloader(RegionFigures { db: db.clone() }),
        }
    }
}
