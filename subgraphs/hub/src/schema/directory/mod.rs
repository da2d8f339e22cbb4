//! The shared directory: interfaces `GrassrootsUnit`, `Activity` and `Award`, each with one
//! implementing entity type per organisation (`@key(fields: "id")`, fields `@shareable` so
//! the organisation subgraph can resolve the same type with its detailed fields).

pub mod activities;
pub mod awards;
pub mod units;

pub use activities::{Activity, ActivityConnection, ActivityLookups};
pub use awards::{Award, AwardConnection, AwardLookups};
pub use units::{GrassrootsUnit, GrassrootsUnitConnection, UnitLookups};

/// One directory interface over a directory table's rows: an entity type per organisation
/// wrapping the row, with `id`, the `head` fields, `organization`, the region fields and
/// the `tail` fields in that order (the order of the SDL; `region_code` documented as
/// given); the interface enum, its `fields: (head) then (tail)` the interface fields of the
/// `head` and `tail` (the kit writes `id`, `organization` and the region fields between); `from_row` (the typed entry of a
/// row, `None` for an unknown organisation); its connection; and the object of the types'
/// federation entity resolvers (`lookups: UnitLookups by units`: each type named
/// `by find_..` resolves through `loaders.units`, null for an id of another organisation's
/// type), merged into `Query`. An entry type given a scope
/// (`UnionAward = Unions ("unions:personal")`) also serves `recipientPerson` after the
/// `head` fields, to callers holding that scope. Each type's object is a kit
/// `directory_object!`: the `head` and `tail` fields are its shorthands (`str title;`,
/// `copy year: i32;`) or whole `async fn`s reading the row as `self.0`.
macro_rules! directory_interface {
    (
        row: $row:ty,
        $(#[$interface_doc:meta])* interface: $interface:ident,
        fields: ($($head_fields:tt)*) then ($($tail_fields:tt)*),
        $(#[$connection_doc:meta])* connection: $connection:ident,
        lookups: $lookups:ident by $loader:ident,
        region_code $region_doc:tt
        head $head:tt
        tail $tail:tt
        types {
            $($(#[$doc:meta])* $name:ident = $org:ident $(($scope:literal))? by $find:ident,)*
        }
    ) => {
        $(
            $(#[$doc])*
            pub struct $name(pub(crate) $row);

            directory_interface!(@fields $name, $org, [$($scope)?], $region_doc, $head, $tail);
        )*

        $(#[$interface_doc])*
        #[derive(async_graphql::Interface)]
        #[graphql(
            field(name = "id", ty = "ID"),
            $($head_fields)*,
            field(name = "organization", ty = "Organization"),
            field(name = "region_code", ty = "&str"),
            field(name = "street_code", ty = "&str"),
            field(name = "district_code", ty = "&str"),
            field(name = "region", ty = "Region"),
            $($tail_fields)*
        )]
        pub enum $interface {
            $($name($name),)*
        }

        impl $interface {
            /// The typed entry of a directory row; `None` for an unknown organisation.
            pub(crate) fn from_row(row: $row) -> Option<$interface> {
                let organization = Organization::from_stored(&row.organization)?;
                $(if organization == Organization::$org {
                    return Some($interface::$name($name(row)));
                })*
                None
            }
        }

        quntuan_kit::connection!(
            $(#[$connection_doc])*
            $connection,
            $interface
        );

        /// Federation entity resolvers of the interface's types, batched through one
        /// loader of directory rows.
        #[derive(Default)]
        pub struct $lookups;

        #[async_graphql::Object]
        impl $lookups {
            $(
                #[graphql(entity)]
                async fn $find(
                    &self,
                    ctx: &async_graphql::Context<'_>,
                    id: async_graphql::ID,
                ) -> async_graphql::Result<Option<$name>> {
                    let row = crate::schema::loaders(ctx)?.$loader.load_one(id.0).await?;
                    Ok(row
                        .filter(|r| r.organization == Organization::$org.stored())
                        .map($name))
                }
            )*
        }
    };
    (@fields $name:ident, $org:ident, [], $region_doc:tt, $head:tt, $tail:tt) => {
        directory_interface!(@object $name, $org, [], $region_doc, $head, {}, $tail);
    };
    // An organisation's personal-data scope: the entry's `recipientPerson` needs it.
    (@fields $name:ident, $org:ident, [$scope:literal], $region_doc:tt, $head:tt, $tail:tt) => {
        directory_interface!(@object $name, $org, [personal($scope)], $region_doc, $head, {
            /// The honoured person for individual awards (personal data); null for
            /// collectives and for callers without the organisation's `personal` scope.
            nullable personal recipient_person(concat!(stringify!($name), ".recipientPerson"));
        }, $tail);
    };
    (@object $name:ident, $org:ident, [$($scope:tt)*], { $(#[$region_doc:meta])* },
        { $($head:tt)* }, { $($personal:tt)* }, { $($tail:tt)* }) => {
        quntuan_kit::directory_object! {
            #[async_graphql::Object(shareable)]
            impl $name $($scope)* {
                id;
                $($head)*
                $($personal)*
                organization(Organization::$org);
                $(#[$region_doc])*
                codes;
                async fn region(&self) -> Region {
                    Region::by_code(self.0.region_code.clone())
                }
                $($tail)*
            }
        }
    };
}
pub(crate) use directory_interface;
