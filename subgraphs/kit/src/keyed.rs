//! `string_key_loaders!`: batch loaders keyed by a text id: each entry says how "these ids
//! → their rows" is answered (`fetch(db, &ids) -> HashMap<String, T>`).
//!
//! One loader struct (declared here, holding `db: DatabaseConnection`) serves every key type: each key type
//! is a newtype over the id, so async-graphql batches each kind of lookup on its own and a
//! response with N parents costs one statement per kind, not N.
//!
//! Most entries are one of two shapes, written short: `Key => module by id;` (the rows of
//! entity `module` by primary key, [`by_text_ids`](crate::rows::by_text_ids)) and
//! `Key => module by Column;` (its rows grouped by that column of the parent's id,
//! [`grouped_by_text`](crate::rows::grouped_by_text)); any other names its value type and
//! function. The entity modules must be in scope.
//!
//! ```ignore
//! quntuan_kit::string_key_loaders! {
//!     /// The one loader of the subgraph; each key type below is a separate batch.
//!     pub struct UnionsLoader;
//!     /// A grassroots union by id.
//!     UnionById => grassroots_union by id;
//!     /// The workers' homes of a union, by union id.
//!     HomesOfUnion => workers_home by UnionId;
//!     /// The caseload of a service centre, by centre id.
//!     CaseloadAtCenter => CenterCaseload, disputes::caseload_by_center_ids;
//! }
//! ```

/// See the [module documentation](crate::keyed).
#[macro_export]
macro_rules! string_key_loaders {
    (@entries $loader:ident;) => {};
    (@entries $loader:ident; $(#[$meta:meta])* $key:ident => $module:ident by id; $($rest:tt)*) => {
        $crate::string_key_loaders!(@one $loader, [$(#[$meta])*] $key => $module::Model,
            $crate::rows::by_text_ids::<$module::Entity, _>);
        $crate::string_key_loaders!(@entries $loader; $($rest)*);
    };
    (@entries $loader:ident; $(#[$meta:meta])* $key:ident => $module:ident by $column:ident; $($rest:tt)*) => {
        $crate::string_key_loaders!(@one $loader, [$(#[$meta])*] $key => Vec<$module::Model>,
            $crate::rows::grouped_by_text::<$module::Entity, _>, $module::Column::$column);
        $crate::string_key_loaders!(@entries $loader; $($rest)*);
    };
    (@entries $loader:ident; $(#[$meta:meta])* $key:ident => $value:ty, $fetch:path; $($rest:tt)*) => {
        $crate::string_key_loaders!(@one $loader, [$(#[$meta])*] $key => $value, $fetch);
        $crate::string_key_loaders!(@entries $loader; $($rest)*);
    };
    (@one $loader:ident, [$(#[$meta:meta])*] $key:ident => $value:ty, $fetch:path $(, $column:expr)?) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct $key(pub String);

        impl $crate::reexports::async_graphql::dataloader::Loader<$key> for $loader {
            type Value = $value;
            type Error = $crate::ApiError;

            async fn load(
                &self,
                keys: &[$key],
            ) -> Result<::std::collections::HashMap<$key, $value>, $crate::ApiError> {
                let ids: Vec<String> = keys.iter().map(|k| k.0.clone()).collect();
                let found = $fetch(&self.db, $($column,)? &ids).await?;
                Ok(found.into_iter().map(|(id, value)| ($key(id), value)).collect())
            }
        }
    };
    ($(#[$meta:meta])* $vis:vis struct $loader:ident; $($entries:tt)*) => {
        $(#[$meta])*
        $vis struct $loader {
            pub db: $crate::reexports::sea_orm::DatabaseConnection,
        }

        $crate::string_key_loaders!(@entries $loader; $($entries)*);
    };
}
