//! `string_key_loaders!`: batch loaders keyed by a text id: each entry names the function
//! answering "these ids → their rows" (`fetch(db, &ids) -> HashMap<String, T>`, or
//! `fetch(db, column, &ids)` when the entry names a column after it).
//!
//! One loader struct (holding `db: DatabaseConnection`) serves every key type: each key type
//! is a newtype over the id, so async-graphql batches each kind of lookup on its own and a
//! response with N parents costs one statement per kind, not N.
//!
//! ```ignore
//! quntuan_kit::string_key_loaders! {
//!     UnionsLoader;
//!     /// A grassroots union by id.
//!     UnionById => grassroots_union::Model, unions::by_ids;
//!     /// The workers' homes of a union, by union id.
//!     HomesOfUnion => Vec<workers_home::Model>, homes::by_union_ids;
//!     /// The kit's generics over a text key: by primary key, and grouped by a column.
//!     CraftsmanById => craftsman::Model, rows::by_text_ids::<craftsman::Entity, _>;
//!     HomesAtCenter => Vec<workers_home::Model>, rows::grouped_by_text::<workers_home::Entity, _>,
//!         workers_home::Column::ServiceCenterId;
//! }
//! ```

/// See the [module documentation](crate::keyed).
#[macro_export]
macro_rules! string_key_loaders {
    ($loader:ident; $( $(#[$meta:meta])* $key:ident => $value:ty, $fetch:path $(, $column:expr)?; )*) => {
        $(
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
        )*
    };
}
