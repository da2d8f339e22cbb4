//! `list_filter!`: a list's filter input and the paged queries it narrows, from one
//! declaration.
//!
//! Without it a crate writes every filter twice: a field of the `InputObject`, then the
//! line of the [`paged_lists!`](crate::paged_lists) closure that applies it. Here a field
//! and its condition stand on one line, `field: Type => op Column`, where `op` is a method
//! of [`Filters`](crate::Filters) taking `(column, Option<value>)` (`equal`, `at_least`,
//! `at_most`, `containing`, `has_value`); the field becomes `pub field: Option<Type>`. A
//! field holding a public id ends with `by ids::KIND ["argName"]`: its value is parsed with
//! [`IdKind::parse_optional`](crate::ids::IdKind::parse_optional) (a bad id is a bad-input
//! error naming `argName`, raised before the query runs) and compared as the row id. The
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
//!         organization_id: ID => equal OrganizationId by ids::ORGANIZATION ["organizationId"],
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
            $($(#[$doc:meta])* $field:ident: $ty:ty => $op:ident $column:ident $(by $kind:path [$arg:literal])?,)*
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
            $($(#[$doc:meta])* $field:ident: $ty:ty => $op:ident $column:ident $(by $kind:path [$arg:literal])?,)*
        }
    ) => {
        $(#[$meta])*
        $vis async fn $fn_name<C: $crate::reexports::sea_orm::ConnectionTrait>(
            db: &C,
            filter: &$name,
            page: $crate::Page,
        ) -> $crate::ApiResult<(i64, Vec<$module::Model>)> {
            #[allow(unused_imports, reason = "used by `latest first` only")]
            use $crate::reexports::sea_orm::QueryOrder as _;
            use $crate::Filters as _;
            $($(let $field = $kind.parse_optional($arg, filter.$field.as_ref())?;)?)*
            $crate::lists::fetch_page::<$module::Entity, C>(
                db,
                page,
                filter.region_code.as_deref(),
                |select| {
                    select
                        $(.$op(
                            $module::Column::$column,
                            $crate::list_filter!(@value filter.$field $($kind)?),
                        ))*
                        $(.order_by_desc($module::Column::$order))*
                },
            )
            .await
        }
    };
    // A plain field's value, or the database id parsed from a public-id field (`by`).
    (@value $filter:ident.$field:ident) => { $filter.$field.clone() };
    (@value $filter:ident.$field:ident $kind:path) => { $field };
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

#[cfg(test)]
mod tests {
    use async_graphql::ID;
    use sea_orm::ConnectionTrait;

    use crate::ids::IdKind;
    use crate::{Page, test_database};

    #[allow(unreachable_pub)] // the entity macro writes public items, as for a crate's model
    mod child {
        crate::located_entity!("child" { parent_id: Option<i64> });
    }

    const PARENT: IdKind = IdKind::new("parent-", 3).named("a parent");

    crate::list_filter! {
        struct ChildFilter {
            region_code,
            parent_id: ID => equal ParentId by PARENT ["parentId"],
        }
        fn children() -> child;
    }

    #[tokio::test]
    async fn a_public_id_field_is_parsed_then_compared_as_the_row_id() {
        let db = test_database().await;
        db.execute_unprepared(
            "CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT, region_code TEXT NOT \
             NULL, street_code TEXT NOT NULL, district_code TEXT NOT NULL); INSERT INTO child \
             VALUES (1, 7, 'c', 's', 'd'), (2, 8, 'c', 's', 'd'), (3, NULL, 'c', 's', 'd')",
        )
        .await
        .expect("the table is created");
        let page = || Page::new(10, 0).expect("a valid page");
        let of = |parent: &str| ChildFilter {
            parent_id: Some(ID::from(parent)),
            ..ChildFilter::default()
        };
        let ids = |found: crate::ApiResult<(i64, Vec<child::Model>)>| {
            found.map(|(_, rows)| rows.iter().map(|r| r.id).collect::<Vec<_>>())
        };
        assert_eq!(
            ids(children(&db, &of("parent-007"), page()).await),
            Ok(vec![1])
        );
        let all = children(&db, &ChildFilter::default(), page()).await;
        assert_eq!(ids(all), Ok(vec![1, 2, 3]));
        let refused = children(&db, &of("other-007"), page()).await;
        assert_eq!(
            refused.err().map(|e| e.message().to_string()),
            Some("`parentId` is not a parent id: `other-007`".to_string())
        );
    }
}
