//! Dataloaders: every entity resolver and every list under a parent goes through one of
//! these (the kit's row loaders), so a page of N records costs a constant number of
//! statements.

use async_graphql::dataloader::DataLoader;
use quntuan_kit::dataloader;
use quntuan_kit::figure_sources::{FigureSource, LiveFigures};
use quntuan_kit::rows::{ById, ChildrenOf, by_primary_key, children_of};
use sea_orm::DatabaseConnection;

use crate::entity::{association, award, event, workstation};

/// `Region.science` figures, in this order: associations, their members, workstations,
/// academician workstations, activities, their participants, awards.
pub(crate) const FIGURE_SOURCES: &[FigureSource] = &[
    FigureSource {
        table: "science_associations",
        aggregates: &["COUNT(*)", "COALESCE(SUM(member_count), 0)"],
    },
    FigureSource {
        table: "science_workstations",
        aggregates: &[
            "COUNT(*)",
            "COALESCE(SUM(CASE WHEN kind = '院士工作站' THEN 1 ELSE 0 END), 0)",
        ],
    },
    FigureSource {
        table: "science_events",
        aggregates: &["COUNT(*)", "COALESCE(SUM(participant_count), 0)"],
    },
    FigureSource {
        table: "science_awards",
        aggregates: &["COUNT(*)"],
    },
];

/// All loaders of one schema (shared by its requests; none caches, so every request
/// reads current rows).
pub(crate) struct Loaders {
    pub(crate) association: DataLoader<ById<association::Entity>>,
    pub(crate) workstation: DataLoader<ById<workstation::Entity>>,
    pub(crate) event: DataLoader<ById<event::Entity>>,
    pub(crate) award: DataLoader<ById<award::Entity>>,
    pub(crate) events_of_association: DataLoader<ChildrenOf<event::Entity, i64>>,
    pub(crate) events_at_center: DataLoader<ChildrenOf<event::Entity, String>>,
    pub(crate) region_figures: DataLoader<LiveFigures>,
}

impl Loaders {
    pub(crate) fn new(db: &DatabaseConnection) -> Loaders {
        use event::Column as E;
        Loaders {
            association: dataloader(by_primary_key(db)),
            workstation: dataloader(by_primary_key(db)),
            event: dataloader(by_primary_key(db)),
            award: dataloader(by_primary_key(db)),
            events_of_association: dataloader(children_of(db, E::AssociationId)),
            events_at_center: dataloader(children_of(db, E::ServiceCenterId)),
            region_figures: dataloader(LiveFigures::new(db, FIGURE_SOURCES)),
        }
    }
}
