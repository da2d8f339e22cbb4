//! Dataloaders: every entity resolver and every list under a parent goes through one of
//! these, so a page of N records costs a constant number of statements.

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;

use async_graphql::dataloader::{DataLoader, Loader};
use quntuan_kit::ApiError;
use sea_orm::{DatabaseConnection, EntityTrait, Value};

use crate::entity::{award, organization, person, service, worker};
use crate::service::{batch, figures};

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

/// `Region.disability` figures: one statement per batch of region codes.
pub(crate) struct RegionFigures {
    db: DatabaseConnection,
}

/// The figures, in this order: organisations, their members, workers, registered people,
/// accessibility services, their beneficiaries, awards.
pub(crate) const FIGURE_SOURCES: &[figures::FigureSource] = &[
    figures::FigureSource {
        table: "disability_organizations",
        aggregates: &["COUNT(*)", "COALESCE(SUM(member_count), 0)"],
    },
    figures::FigureSource {
        table: "disability_workers",
        aggregates: &["COUNT(*)"],
    },
    figures::FigureSource {
        table: "disability_persons",
        aggregates: &["COUNT(*)"],
    },
    figures::FigureSource {
        table: "disability_services",
        aggregates: &["COUNT(*)", "COALESCE(SUM(participant_count), 0)"],
    },
    figures::FigureSource {
        table: "disability_awards",
        aggregates: &["COUNT(*)"],
    },
];

impl Loader<String> for RegionFigures {
    type Value = Vec<i64>;
    type Error = ApiError;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Vec<i64>>, ApiError> {
        Ok(figures::region_figures(&self.db, FIGURE_SOURCES, keys).await?)
    }
}

/// All loaders of one schema (shared by its requests; none caches, so every request
/// reads current rows).
pub(crate) struct Loaders {
    pub(crate) organization: DataLoader<ById<organization::Entity>>,
    pub(crate) worker: DataLoader<ById<worker::Entity>>,
    pub(crate) person: DataLoader<ById<person::Entity>>,
    pub(crate) service: DataLoader<ById<service::Entity>>,
    pub(crate) award: DataLoader<ById<award::Entity>>,
    pub(crate) workers_of_organization: DataLoader<ChildrenOf<worker::Entity, i64>>,
    pub(crate) services_of_organization: DataLoader<ChildrenOf<service::Entity, i64>>,
    pub(crate) workers_at_center: DataLoader<ChildrenOf<worker::Entity, String>>,
    pub(crate) services_at_center: DataLoader<ChildrenOf<service::Entity, String>>,
    pub(crate) persons_per_organization: DataLoader<TotalsOf<person::Entity>>,
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
        use quntuan_kit::dataloader;
        Loaders {
            organization: dataloader(by_id::<organization::Entity>(
                db,
                organization::Column::Id,
                |m| m.id,
            )),
            worker: dataloader(by_id::<worker::Entity>(db, worker::Column::Id, |m| m.id)),
            person: dataloader(by_id::<person::Entity>(db, person::Column::Id, |m| m.id)),
            service: dataloader(by_id::<service::Entity>(db, service::Column::Id, |m| m.id)),
            award: dataloader(by_id::<award::Entity>(db, award::Column::Id, |m| m.id)),
            workers_of_organization: dataloader(children::<worker::Entity, i64>(
                db,
                worker::Column::OrganizationId,
                worker::Column::Id,
                |m| m.organization_id,
            )),
            services_of_organization: dataloader(children::<service::Entity, i64>(
                db,
                service::Column::OrganizationId,
                service::Column::Id,
                |m| m.organization_id,
            )),
            workers_at_center: dataloader(children::<worker::Entity, String>(
                db,
                worker::Column::ServiceCenterId,
                worker::Column::Id,
                |m| m.service_center_id.clone(),
            )),
            services_at_center: dataloader(children::<service::Entity, String>(
                db,
                service::Column::ServiceCenterId,
                service::Column::Id,
                |m| m.service_center_id.clone(),
            )),
            persons_per_organization: dataloader(TotalsOf::<person::Entity> {
                db: db.clone(),
                column: person::Column::OrganizationId,
                aggregate: "COUNT(*)",
            }),
            region_figures: dataloader(RegionFigures { db: db.clone() }),
        }
    }
}
