//! `list_filter!`: a list's filter input and the paged queries it narrows, from one
//! declaration.
//!
//! Without it a crate writes every filter twice: a field of the `InputObject`, then the
//! line of the [`paged_lists!`](crate::paged_lists) closure that applies it. Here a field
//! and its condition stand on one line, `field: Type => op Column`, where `op` is a method
//! of [`Filters`](crate::Filters) taking `(column, Option<value>)` (`equal`, `at_least`,
//! `at_most`, `containing`, `has_value`); the field becomes `pub field: Option<Type>`. The
//! first field is always `region_code`, applied by [`fetch_page`](crate::lists::fetch_page)
//! (only its doc comment is written). Each `fn` declares
//! `async fn NAME(db, filter: &Filter, page: Page) -> ApiResult<(i64, Vec<module::Model>)>`
//! over the entity module named after `->` (which must be in scope), its columns named
//! as the module's `Column` variants; `latest first by A, B` orders by those columns
//! descending before the primary key. Doc comments stay where they are written, so the
//! GraphQL input type and its descriptions are what the struct would have been by hand.
//!
//! ```ignore
//! use crate::model::union_activity;
//!
//! quntuan_kit::list_filter! {
//!     pub struct UnionActivityFilter {
//!         /// Only activities held in this region and below.
//!         region_code,
//!         /// Only activities held on or after this day.
//!         held_from: NaiveDate => at_least HeldOn,
//!         service_center_id: String => equal ServiceCenterId,
//!     }
//!     /// One page of activities, latest first, and the total count.
//!     pub fn list() -> union_activity, latest first by HeldOn;
//! }
//! ```

/// See the [module documentation](crate::list_filter).
#[macro_export]
macro_rules! list_filter {
    (
        @struct [$(#[$meta:meta])* $vis:vis struct $name:ident]
        {
            $(#[$region_doc:meta])* region_code,
            $($(#[$doc:meta])* $field:ident: $ty:ty => $op:ident $column:ident,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, $crate::reexports::async_graphql::InputObject)]
        $vis struct $name {
            $(#[$region_doc])*
            pub region_code: Option<String>,
            $($(#[$doc])* pub $field: Option<$ty>,)*
        }
    };
    (
        @fn [$(#[$meta:meta])* $vis:vis fn $fn_name:ident($name:ident) -> $module:ident]
        [$($order:ident)*]
        {
            $(#[$region_doc:meta])* region_code,
            $($(#[$doc:meta])* $field:ident: $ty:ty => $op:ident $column:ident,)*
        }
    ) => {
        $(#[$meta])*
        $vis async fn $fn_name<C: $crate::reexports::sea_orm::ConnectionTrait>(
            db: &C,
            filter: &$name,
            page: $crate::Page,
        ) -> $crate::ApiResult<(i64, Vec<$module::Model>)> {
            use $crate::reexports::sea_orm::QueryOrder as _;
            use $crate::Filters as _;
            $crate::lists::fetch_page::<$module::Entity, C>(
                db,
                page,
                filter.region_code.as_deref(),
                |select| {
                    select
                        $(.$op($module::Column::$column, filter.$field.clone()))*
                        $(.order_by_desc($module::Column::$order))*
                },
            )
            .await
        }
    };
    (
        $(#[$meta:meta])* $vis:vis struct $name:ident $fields:tt
        $(
            $(#[$fn_meta:meta])*
            $fn_vis:vis fn $fn_name:ident() -> $module:ident $(, latest first by $($order:ident),+)?;
        )+
    ) => {
        $crate::list_filter!(@struct [$(#[$meta])* $vis struct $name] $fields);
        $(
            $crate::list_filter!(
                @fn [$(#[$fn_meta])* $fn_vis fn $fn_name($name) -> $module] [$($($order)+)?] $fields
            );
        )+
    };
}
