//! `region_figures!`: `Region @key(fields: "code")` (owned by hub) extended with one
//! organisation's figures object, read from a loader that answers a region code with the
//! figures in a fixed order (a [`crate::summary::SummaryFigures`] or a
//! [`crate::figure_sources::LiveFigures`]).
//!
//! The crate names the field on `Region`, the figures type and its fields in the order the
//! loader answers them; a field is an `i64` taken as it is, or `name: Type = conversion`
//! for one that is derived from its stored value (service minutes shown as hours). Doc
//! comments go to the SDL as they would on hand-written types, so the SDL stays unchanged.
//! The field on `Region` is nullable: an outage of this subgraph nulls only its figures.
//!
//! A figures object whose fields are more than one stored value each (a field with
//! arguments, a sum of two columns, a list) is the crate's own: leave the block of fields
//! out and write its `#[Object] impl`. With `unions: UnionsRegionFigures by FigureTable;`
//! the macro declares the type over the summary row with `figure(table, index)`, the
//! figure at `index` among those of `table` (`FigureTable::columns()` says where they sit in
//! the row), and its object can be a [`directory_object!`](crate::directory_object) whose
//! `figure name(FigureTable::Awards, 0);` shorthands read one figure each; with `unions:
//! UnionsRegionFigures;` the crate declares the type itself, with `fn from_row(row: &[i64])
//! -> Self`.
//!
//! ```ignore
//! quntuan_kit::region_figures! {
//!     loader(ctx) = app(ctx)?.loaders.region_figures;
//!     /// The youth league's figures for this region and everything below it.
//!     youth: YouthRegionFigures;
//!     /// Counts and totals of the youth league in a region (public aggregates).
//!     {
//!         branch_count,
//!         /// Hours served by volunteers, over all logs.
//!         service_hours: f64 = |minutes| minutes as f64 / 60.0,
//!     }
//! }
//! ```

/// See the [module documentation](crate::region_figures).
#[macro_export]
macro_rules! region_figures {
    (
        loader($ctx:ident) = $loader:expr;
        $(#[$field_doc:meta])* $field:ident: $figures:ident;
        $(#[$figures_doc:meta])*
        { $( $(#[$m:meta])* $name:ident $(: $t:ty = $conv:expr)? ),* $(,)? }
    ) => {
        $crate::region_figures! {
            loader($ctx) = $loader;
            $(#[$field_doc])* $field: $figures;
        }

        $(#[$figures_doc])*
        #[derive($crate::reexports::async_graphql::SimpleObject, Debug, Default, PartialEq)]
        pub(crate) struct $figures {
            $( $(#[$m])* pub(crate) $name: $crate::region_figures!(@type $($t)?), )*
        }

        impl $figures {
            /// From the figures in the order the loader answers them (missing ones are 0).
            fn from_row(row: &[i64]) -> $figures {
                let mut values = row.iter().copied();
                $figures {
                    $( $name: {
                        let value = values.next().unwrap_or(0);
                        $crate::region_figures!(@value value $(, $conv)?)
                    }, )*
                }
            }
        }
    };
    // The figures as the summary row, read by table: `figure(table, index)` is the figure at
    // `index` among those of `table` (whose `columns()` is where they sit in the row); the
    // crate writes the `#[Object] impl`.
    (
        loader($ctx:ident) = $loader:expr;
        $(#[$field_doc:meta])* $field:ident: $figures:ident by $table:ty;
        $(#[$figures_doc:meta])*
    ) => {
        $crate::region_figures! {
            loader($ctx) = $loader;
            $(#[$field_doc])* $field: $figures;
        }

        $(#[$figures_doc])*
        pub struct $figures(Vec<i64>);

        impl $figures {
            fn from_row(row: &[i64]) -> Self {
                $figures(row.to_vec())
            }

            /// The figure at `index` among the figures of `table` (0 when missing).
            fn figure(&self, table: $table, index: usize) -> i64 {
                let figures = self.0.get(table.columns()).unwrap_or_default();
                figures.get(index).copied().unwrap_or(0)
            }
        }
    };
    // `Region` and its field only: the crate declares `$figures` and its `from_row`.
    (
        loader($ctx:ident) = $loader:expr;
        $(#[$field_doc:meta])* $field:ident: $figures:ident;
    ) => {
        /// A region of the county – street – community hierarchy (owned by hub).
        pub(crate) struct Region {
            pub(crate) code: String,
        }

        #[$crate::reexports::async_graphql::Object]
        impl Region {
            async fn code(&self) -> &str {
                &self.code
            }

            $(#[$field_doc])*
            async fn $field(
                &self,
                $ctx: &$crate::reexports::async_graphql::Context<'_>,
            ) -> $crate::reexports::async_graphql::Result<Option<$figures>> {
                let row = $loader.load_one(self.code.clone()).await?.unwrap_or_default();
                Ok(Some($figures::from_row(&row)))
            }
        }
    };
    (@type) => { i64 };
    (@type $t:ty) => { $t };
    (@value $value:ident) => { $value };
    (@value $value:ident, $conv:expr) => { ($conv)($value) };
}
