//! Dataloaders: every entity resolver and every list under a parent goes through one of
//! these, so a page of N records costs a constant number of statements.

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;

use async_graphql::dataloader::{DataLoader, Loader};
use quntuan_kit::ApiError;
use sea_orm::{DatabaseConnection, EntityTrait, Value};

use crate::entity::{association, award, event, workstation};
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

/// `Region.science` figures: one statement per batch of region codes.
pub(crate) struct RegionFigures {
    db: DatabaseConnection,
}

/// The figures, in this order: associations, their members, workstations, academician
/// workstations, activities, their participants, awards.
pub(crate) const FIGURE_SOURCES: &[figures::FigureSource] = &[
    figures::FigureSource {
        table: "science_associations",
        aggregates: &["COUNT(*)", "COALESCE(SUM(member_count), 0)"],
    },
    figures::FigureSource {
        table: "science_workstations",
        aggregates: &[
            "COUNT(*)",
            "COALESCE(SUM(CASE WHEN kind = '院士工作站' THEN 1 ELSE 0 END), 0)",
        ],
    },
    figures::FigureSource {
        table: "science_events",
        aggregates: &["COUNT(*)", "COALESCE(SUM(participant_count), 0)"],
    },
    figures::FigureSource {
        table: "science_awards",
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
    pub(crate) association: DataLoader<ById<association::Entity>>,
    pub(crate) workstation: DataLoader<ById<workstation::Entity>>,
    pub(crate) event: DataLoader<ById<event::Entity>>,
    pub(crate) award: DataLoader<ById<award::Entity>>,
    pub(crate) events_of_association: DataLoader<ChildrenOf<event::Entity, i64>>,
    pub(crate) events_at_center: DataLoader<ChildrenOf<event::Entity, String>>,
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
            association: dataloader(by_id::<association::Entity>(
                db,
                association::Column::Id,
                |m| m.id,
            )),
            workstation: dataloader(by_id::<workstation::Entity>(
                db,
                workstation::Column::Id,
                |m| m.id,
            )),
            event: dataloader(by_id::<event::Entity>(db, event::Column::Id, |m| m.id)),
            award: dataloader(by_id::<award::Entity>(db, award::Column::Id, |m| m.id)),
            events_of_association: dataloader(children::<event::Entity, i64>(
                db,
                event::Column::AssociationId,
                event::Column::Id,
                |m| m.association_id,
            )),
            events_at_center: dataloader(children::<event::Entity, String>(
                db,
                event::Column::ServiceCenterId,
                event::Column::Id,
                |m| m.service_center_id.clone(),
            )),
            region_figures: dataloader(RegionFigures { db: db.clone() }),
        }
    }
}
