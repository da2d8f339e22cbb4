//! Dataloaders: every entity resolver and every list under a parent goes through one of
//! these (the kit's row loaders), so a page of N records costs a constant number of
//! statements.

use quntuan_kit::figure_sources::{FigureSource, LiveFigures};
use quntuan_kit::rows::{ById, ChildrenOf, by_primary_key, children_of};

use crate::entity::{association, award, event, workstation};
use event::Column as E;

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

quntuan_kit::loaders! {
    /// All loaders of one schema (shared by its requests; none caches, so every request
    /// reads current rows).
    pub(crate) struct Loaders(db) {
        association: ById<association::Entity> = by_primary_key(db),
        workstation: ById<workstation::Entity> = by_primary_key(db),
        event: ById<event::Entity> = by_primary_key(db),
        award: ById<award::Entity> = by_primary_key(db),
        events_of_association: ChildrenOf<event::Entity, i64> = children_of(db, E::AssociationId),
        events_at_center: ChildrenOf<event::Entity, String> = children_of(db, E::ServiceCenterId),
        region_figures: LiveFigures = LiveFigures::new(db, FIGURE_SOURCES),
    }
}
