//! Per-region figures in one SQL statement per batch of regions: the kit's multi-table
//! aggregate, under the names this crate's loaders use.

pub(crate) use quntuan_kit::figure_sources::{FigureSource, region_figures};
