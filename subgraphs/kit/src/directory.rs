//! `directory_object!`: a GraphQL object over one row, without writing each plain field
//! out: the objects of the shared directory (grassroots units, activities and awards) and
//! any other row object of a crate (volunteers, workers, homes).
//!
//! Every organisation serves the same interface fields on its directory types: an id, a name
//! or title, a kind, the organisation, the region and its codes, a date and a count. They only
//! read a column of the wrapped row (`self.0`). The macro takes the `impl` block with those
//! fields written as one-line shorthands, in the order they stand in the SDL, and passes
//! every other `async fn` through unchanged, so each crate keeps its own fields, docs and
//! field order (its SDL stays byte for byte what it was). The same shorthands serve the
//! crate's other row objects (volunteers, workers, homes): their personal columns are
//! `personal` fields.
//!
//! | shorthand | generates |
//! | --- | --- |
//! | `id;` | `fn id(&self) -> ID` from the string column `id` |
//! | `id(FORMAT);` | `ID(FORMAT.format(self.0.id))` for integer ids (see [`crate::ids`]) |
//! | `str name;` | `fn name(&self) -> &str` reading `self.0.name` |
//! | `label kind;` | `fn kind(&self) -> &str` as `self.0.kind.label()` |
//! | `copy year: i32;` | `fn year(&self) -> i32` reading `self.0.year` |
//! | `organization(Organization::Youth);` | `fn organization(&self) -> Organization` (the kit's [`Organization`](crate::organization::Organization), in scope) |
//! | `codes;` | `region_code`, `street_code`, `district_code` (docs go to `region_code`) |
//! | `region;` | `fn region(&self) -> Region` (the caller's `Region { code }`) |
//! | `personal name("Type.name");` | `fn name(&self, ctx) -> Option<String>` with `@requiresScopes` for the header's scope: `self.0.name` through [`reveal`](crate::reveal) (null and `FORBIDDEN` without the scope; audited as that field of the record) |
//! | `nullable personal name("Type.name");` | the same for a nullable column: null, with nothing read or audited, when the row has none |
//! | `shareable nullable personal name("Type.name");` | the same, also `@shareable` |
//! | `children homes: WorkersHome = HomesOfUnion;` | `fn homes(&self, ctx) -> Result<Vec<WorkersHome>>`: the rows the crate's `loader(ctx)` (in scope) answers for `HomesOfUnion(self.0.id)` (see [`string_key_loaders!`](crate::string_key_loaders)) |
//! | `link union: GrassrootsUnion = UnionById(union_id);`, `nullable link ..` | `fn union(&self, ctx) -> Result<Option<GrassrootsUnion>>`: the row `loader(ctx)` answers for `UnionById(self.0.union_id)`; `nullable` for an optional column (none: null) |
//! | `children logs: YouthServiceLog = loaders.logs_of_volunteer;` | the same through the crate's struct of loaders: the rows `app(ctx)?.loaders.logs_of_volunteer` (`app` in scope) answers for `self.0.id` |
//! | `link branch: YouthBranch = loaders.branch(branch_id);`, `nullable link ..` | the row `app(ctx)?.loaders.branch` answers for `self.0.branch_id`; `nullable` for an optional column |
//! | `figure grassroots_union_count(FigureTable::GrassrootsUnions, 0);` | `fn grassroots_union_count(&self) -> i64` as `self.figure(..)` (a figures object of [`region_figures!`](crate::region_figures)'s `by` form) |
//! | `service_center;` | `fn service_center(&self) -> Option<ServiceCenter>` (`ServiceCenter::new`) |
//!
//! Doc comments and attributes before a shorthand go onto the field it generates. Writing
//! `impl Type shared { … }` puts `#[graphql(shareable)]` on every shorthand field of the
//! shared interface (for types that mark fields one by one instead of
//! `#[Object(shareable)]`); personal fields, children and links are the crate's own and
//! stay unmarked.
//!
//! Personal fields take their scope from the header, written once per object:
//! `impl YouthVolunteer personal("youth:personal", ids::VOLUNTEER) { … }` for an integer
//! id (audited in its public form, `ids::VOLUNTEER.format(id)`), `impl Craftsman
//! personal("unions:personal") { … }` for a text id (audited as it is); `shared` goes before
//! `personal`. The scope is a literal because `@requiresScopes` is written into the SDL at
//! compile time. The macro writes a personal field's `#[graphql]` attribute (async-graphql
//! reads only the first), so only doc comments go before one.
//!
//! ```ignore
//! quntuan_kit::directory_object! {
//!     #[Object(shareable)]
//!     impl YouthAward personal("youth:personal", ids::AWARD) {
//!         id(ids::AWARD);
//!         str title;
//!         /// The honoured person (personal data).
//!         nullable personal recipient_person("YouthAward.recipientPerson");
//!         /// Always `YOUTH`.
//!         organization(Organization::Youth);
//!         codes;
//!         copy year: i32;
//!         region;
//!         async fn extra(&self) -> i32 { 1 }
//!     }
//! }
//! ```

/// A GraphQL object over one row (`self.0`): a directory type or any other row object,
/// plain fields written as shorthands. See the [module documentation](crate::directory).
#[macro_export]
macro_rules! directory_object {
    (
        $(#[$outer:meta])* impl $ty:ident shared
        $(personal($scope:literal $(, $format:expr)?))? { $($body:tt)* }
    ) => {
        $crate::directory_object!(@munch [$(#[$outer])*] $ty [#[graphql(shareable)]]
            [$($scope $(, $format)?)?] [] $($body)*);
    };
    (
        $(#[$outer:meta])* impl $ty:ident
        $(personal($scope:literal $(, $format:expr)?))? { $($body:tt)* }
    ) => {
        $crate::directory_object!(@munch [$(#[$outer])*] $ty [] [$($scope $(, $format)?)?] []
            $($body)*);
    };
    (@munch [$($outer:tt)*] $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*]) => {
        $($outer)*
        impl $ty {
            $($acc)*
        }
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* id; $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])* $($sh)*
            async fn id(&self) -> $crate::reexports::async_graphql::ID {
                $crate::reexports::async_graphql::ID(self.0.id.clone())
            }
        ] $($rest)*);
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* id($format:expr); $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])* $($sh)*
            async fn id(&self) -> $crate::reexports::async_graphql::ID {
                $crate::reexports::async_graphql::ID($format.format(self.0.id))
            }
        ] $($rest)*);
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* str $name:ident; $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])* $($sh)*
            async fn $name(&self) -> &str {
                &self.0.$name
            }
        ] $($rest)*);
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* label $name:ident; $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])* $($sh)*
            async fn $name(&self) -> &str {
                self.0.$name.label()
            }
        ] $($rest)*);
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* copy $name:ident: $t:ty; $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])* $($sh)*
            async fn $name(&self) -> $t {
                self.0.$name
            }
        ] $($rest)*);
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* organization($org:expr); $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])* $($sh)*
            async fn organization(&self) -> Organization {
                $org
            }
        ] $($rest)*);
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* codes; $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])* $($sh)*
            async fn region_code(&self) -> &str {
                &self.0.region_code
            }
            $($sh)*
            async fn street_code(&self) -> &str {
                &self.0.street_code
            }
            $($sh)*
            async fn district_code(&self) -> &str {
                &self.0.district_code
            }
        ] $($rest)*);
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* region; $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])* $($sh)*
            async fn region(&self) -> Region {
                Region {
                    code: self.0.region_code.clone(),
                }
            }
        ] $($rest)*);
    };
    // Personal fields, guarded by the scope the header names once (`personal("x:personal")`,
    // with the id format for integer ids): each gets `@requiresScopes` with that scope (one
    // `#[graphql]` attribute, as async-graphql reads only the first) and reads through
    // `reveal`. They are the organisation's own, so `shared` leaves them unmarked; a
    // shareable one says `shareable`. A nullable column without a value is null, with
    // nothing guarded or audited.
    (@munch $outer:tt $ty:ident $sh:tt $p:tt $acc:tt
        $(#[$m:meta])* personal $name:ident($field:expr); $($rest:tt)*) => {
        $crate::directory_object!(@personal [$(#[$m])*] [] [] $name $field;
            $outer $ty $sh $p $acc $($rest)*);
    };
    (@munch $outer:tt $ty:ident $sh:tt $p:tt $acc:tt
        $(#[$m:meta])* nullable personal $name:ident($field:expr); $($rest:tt)*) => {
        $crate::directory_object!(@personal [$(#[$m])*] [] [?] $name $field;
            $outer $ty $sh $p $acc $($rest)*);
    };
    (@munch $outer:tt $ty:ident $sh:tt $p:tt $acc:tt
        $(#[$m:meta])* shareable nullable personal $name:ident($field:expr); $($rest:tt)*) => {
        $crate::directory_object!(@personal [$(#[$m])*] [shareable,] [?] $name $field;
            $outer $ty $sh $p $acc $($rest)*);
    };
    (@personal [$($m:tt)*] [$($shareable:tt)*] [$($null:tt)?] $name:ident $field:expr;
        $outer:tt $ty:ident $sh:tt [$scope:literal $(, $format:expr)?] [$($acc:tt)*]
        $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty $sh [$scope $(, $format)?] [$($acc)*
            $($m)*
            #[graphql($($shareable)* requires_scopes = $scope)]
            async fn $name(
                &self,
                ctx: &$crate::reexports::async_graphql::Context<'_>,
            ) -> Option<String> {
                let value = self.0.$name.clone()$($null)?;
                let id = $crate::directory_object!(@record_id self $(, $format)?);
                $crate::reveal(ctx, $scope, $field, id, || value)
            }
        ] $($rest)*);
    };
    // The record a personal field is audited under: a text id as it is, an integer id in its
    // public form.
    (@record_id $row:ident) => { &$row.0.id };
    (@record_id $row:ident, $format:expr) => { &$format.format($row.0.id) };
    // Related rows: through the crate's one loader (`loader(ctx)`, in scope), keyed per kind
    // (`HomesOfUnion`, `UnionById(union_id)`), or through its struct of loaders
    // (`loaders.logs_of_volunteer`: `app(ctx)?.loaders.logs_of_volunteer`, `app` in scope),
    // keyed by the id or the column itself.
    (@munch $outer:tt $ty:ident $sh:tt $p:tt [$($acc:tt)*]
        $(#[$m:meta])* children $name:ident: $item:ident = $($via:ident).+; $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty $sh $p [$($acc)*
            $(#[$m])*
            async fn $name(
                &self,
                ctx: &$crate::reexports::async_graphql::Context<'_>,
            ) -> $crate::reexports::async_graphql::Result<Vec<$item>> {
                Ok($crate::directory_object!(@children ctx self $item $($via).+).await?)
            }
        ] $($rest)*);
    };
    (@children $ctx:ident $row:ident $item:ident loaders.$loader:ident) => {
        $crate::load_list(&app($ctx)?.loaders.$loader, $row.0.id, $item)
    };
    (@children $ctx:ident $row:ident $item:ident $key:ident) => {
        $crate::load_list(loader($ctx)?, $key($row.0.id.clone()), $item)
    };
    // A link to one row by a column: `Some(column)`, or the column as it is when nullable.
    (@munch $outer:tt $ty:ident $sh:tt $p:tt $acc:tt $(#[$m:meta])*
        link $name:ident: $item:ident = $($via:ident).+($column:ident); $($rest:tt)*) => {
        $crate::directory_object!(@link [$(#[$m])*] $name $item [Some] [$($via).+] $column;
            $outer $ty $sh $p $acc $($rest)*);
    };
    (@munch $outer:tt $ty:ident $sh:tt $p:tt $acc:tt $(#[$m:meta])*
        nullable link $name:ident: $item:ident = $($via:ident).+($column:ident); $($rest:tt)*) => {
        $crate::directory_object!(@link [$(#[$m])*] $name $item [std::convert::identity]
            [$($via).+] $column; $outer $ty $sh $p $acc $($rest)*);
    };
    (@link [$($m:tt)*] $name:ident $item:ident [$($wrap:tt)*] [$($via:tt)*] $column:ident;
        $outer:tt $ty:ident $sh:tt $p:tt [$($acc:tt)*] $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty $sh $p [$($acc)*
            $($m)*
            async fn $name(
                &self,
                ctx: &$crate::reexports::async_graphql::Context<'_>,
            ) -> $crate::reexports::async_graphql::Result<Option<$item>> {
                let column = $($wrap)*(self.0.$column.clone());
                Ok($crate::directory_object!(@load_one ctx column $item $($via)*).await?)
            }
        ] $($rest)*);
    };
    (@load_one $ctx:ident $column:ident $item:ident loaders.$loader:ident) => {
        $crate::load_optional(&app($ctx)?.loaders.$loader, $column, $item)
    };
    (@load_one $ctx:ident $column:ident $item:ident $key:ident) => {
        $crate::load_optional(loader($ctx)?, $column.map($key), $item)
    };
    // One figure of a figures object over a summary row (`region_figures!`'s `by` form).
    (@munch $outer:tt $ty:ident $sh:tt $p:tt [$($acc:tt)*]
        $(#[$m:meta])* figure $name:ident($($at:tt)*); $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty $sh $p [$($acc)*
            $(#[$m])*
            async fn $name(&self) -> i64 {
                self.figure($($at)*)
            }
        ] $($rest)*);
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* service_center; $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])*
            async fn service_center(&self) -> Option<ServiceCenter> {
                self.0.service_center_id.clone().map(ServiceCenter::new)
            }
        ] $($rest)*);
    };
    (@munch $outer:tt $ty:ident [$($sh:tt)*] $p:tt [$($acc:tt)*] $(#[$m:meta])* async fn $name:ident $args:tt -> $ret:ty $body:block $($rest:tt)*) => {
        $crate::directory_object!(@munch $outer $ty [$($sh)*] $p [$($acc)*
            $(#[$m])*
            async fn $name $args -> $ret $body
        ] $($rest)*);
    };
}

/// `ServiceCenter @key(fields: "id")`, the venue hub owns, as an organisation's subgraph
/// extends it: the entity with its id and one field (named after the organisation) that
/// leads to the organisation's own object of what it runs there. The macro declares
/// `ServiceCenter` (with `ServiceCenter::new(id)`) and the struct of that object, holding
/// `center_id`; the crate writes the object's `#[Object] impl` with its own fields.
///
/// ```ignore
/// quntuan_kit::service_center! {
///     /// What the trade unions run at this venue.
///     unions: UnionsAtServiceCenter,
///     /// The unions' services at one venue.
/// }
/// ```
///
/// When the object only lists the organisation's records at the venue, each through a
/// loader of children keyed by the centre id (`rows::ChildrenOf<E, String>`), the macro
/// also writes its `#[Object] impl`: `lists(ctx) = ..;` names the loaders, each entry
/// `field: ItemType = loader` one list field, in that order (the doc comment before
/// `lists` describes the object). With one loader for all kinds, keyed by a newtype per
/// kind ([`string_key_loaders!`](crate::string_key_loaders)), `keys(ctx) = ..;` names the
/// loader and each entry the key type, `field: ItemType = KeyType`; a block after the
/// entries holds the object's other fields as they are written.
///
/// ```ignore
/// quntuan_kit::service_center! {
///     /// What the youth league runs at this venue.
///     youth: YouthAtServiceCenter,
///     /// The youth homes, activities and social workers at one venue.
///     lists(ctx) = app(ctx)?.loaders;
///     {
///         youth_homes: YouthHome = homes_at_center,
///         activities: YouthActivity = activities_at_center,
///     }
/// }
/// ```
#[macro_export]
macro_rules! service_center {
    (
        $(#[$field_doc:meta])* $field:ident: $at:ident,
        $(#[$at_doc:meta])*
        lists($ctx:ident) = $loaders:expr;
        { $( $(#[$m:meta])* $list:ident: $item:ident = $loader:ident ),* $(,)? }
    ) => {
        $crate::service_center!($(#[$field_doc])* $field: $at,);
        $crate::service_center!(@object $at [$(#[$at_doc])*] $ctx
            [$( [$(#[$m])*] $list: $item = (&$loaders.$loader); )*] []);
    };
    // One loader for every kind of child, each kind a key type over the centre id.
    (
        $(#[$field_doc:meta])* $field:ident: $at:ident,
        $(#[$at_doc:meta])*
        keys($ctx:ident) = $loader:expr;
        { $( $(#[$m:meta])* $list:ident: $item:ident = $key:ident ),* $(,)? }
        $({ $($extra:tt)* })?
    ) => {
        $crate::service_center!($(#[$field_doc])* $field: $at,);
        $crate::service_center!(@object $at [$(#[$at_doc])*] $ctx
            [$( [$(#[$m])*] $list: $item = ($loader) $key; )*] [$($($extra)*)?]);
    };
    // The object of what the organisation runs at the venue: one list field per entry, the
    // centre's children through its loader (the centre id wrapped in the entry's key type,
    // if it has one), then the crate's other fields.
    (@object $at:ident [$(#[$at_doc:meta])*] $ctx:ident
        [$( [$(#[$m:meta])*] $list:ident: $item:ident = ($loader:expr) $($key:ident)?; )*]
        [$($extra:tt)*]
    ) => {
        $(#[$at_doc])*
        #[$crate::reexports::async_graphql::Object]
        impl $at {
            $(
                $(#[$m])*
                async fn $list(
                    &self,
                    $ctx: &$crate::reexports::async_graphql::Context<'_>,
                ) -> $crate::reexports::async_graphql::Result<Vec<$item>> {
                    Ok($crate::load_list($loader, $($key)?(self.center_id.clone()), $item).await?)
                }
            )*

            $($extra)*
        }
    };
    ($(#[$field_doc:meta])* $field:ident: $at:ident, $(#[$at_doc:meta])*) => {
        /// A shared service venue; `hub` owns its name, kind and place.
        pub struct ServiceCenter {
            id: String,
        }

        impl ServiceCenter {
            pub fn new(id: String) -> ServiceCenter {
                ServiceCenter { id }
            }
        }

        #[$crate::reexports::async_graphql::Object]
        impl ServiceCenter {
            async fn id(&self) -> $crate::reexports::async_graphql::ID {
                $crate::reexports::async_graphql::ID(self.id.clone())
            }

            $(#[$field_doc])*
            async fn $field(&self) -> Option<$at> {
                Some($at {
                    center_id: self.id.clone(),
                })
            }
        }

        $(#[$at_doc])*
        pub struct $at {
            center_id: String,
        }
    };
}
