//! `stored_enum!`: a closed vocabulary stored as text and served as a GraphQL enum.
//!
//! Each value is written once, `Variant = "STORED_VALUE",` (its doc comment becomes the
//! GraphQL value's description), instead of a `#[sea_orm(string_value = ..)]` attribute per
//! variant and the derives on every enum. The column is `String(StringLen::N(LEN))`, LEN 16,
//! 32 or 64 (the derives name `sea_orm`, so the crate depends on it). The enum gets
//! `as_str()`, its stored (and GraphQL) spelling. An enum whose
//! values the shared directory names by a Chinese label (the kinds of grassroots units)
//! writes `labelled` and each value `Variant = "STORED" / "标签",`; it also gets `label()`
//! and `from_label(label)` (`None` for a label of another organisation).
//!
//! ```ignore
//! quntuan_kit::stored_enum! {
//!     /// The category of a grassroots union.
//!     pub enum GrassrootsUnionKind(32) labelled {
//!         /// 企业工会
//!         Enterprise = "ENTERPRISE" / "企业工会",
//!     }
//! }
//! ```

/// See the [module documentation](crate::stored_enum).
#[macro_export]
macro_rules! stored_enum {
    (@emit $db:literal, $(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vm:meta])* $variant:ident = $value:literal,)*
    }) => {
        $(#[$meta])*
        #[derive(
            Clone,
            Copy,
            Debug,
            PartialEq,
            Eq,
            Hash,
            $crate::reexports::sea_orm::EnumIter,
            $crate::reexports::sea_orm::DeriveActiveEnum,
            $crate::reexports::async_graphql::Enum,
        )]
        #[sea_orm(rs_type = "String", db_type = $db)]
        $vis enum $name {
            $($(#[$vm])* #[sea_orm(string_value = $value)] $variant,)*
        }

        impl $name {
            /// The stored (and GraphQL) spelling of the value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $value,)*
                }
            }
        }
    };
    ($(#[$meta:meta])* $vis:vis enum $name:ident($len:tt) labelled {
        $($(#[$vm:meta])* $variant:ident = $value:literal / $label:literal,)*
    }) => {
        $crate::stored_enum! {
            $(#[$meta])* $vis enum $name($len) { $($(#[$vm])* $variant = $value,)* }
        }

        impl $name {
            /// The label the shared directory uses.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }

            /// The value a directory label names; `None` for a label of another organisation.
            pub fn from_label(label: &str) -> Option<$name> {
                <$name as $crate::reexports::sea_orm::Iterable>::iter().find(|v| v.label() == label)
            }
        }
    };
    ($(#[$meta:meta])* $vis:vis enum $name:ident(16) $body:tt) => {
        $crate::stored_enum!(@emit "String(sea_orm::sea_query::StringLen::N(16))", $(#[$meta])* $vis enum $name $body);
    };
    ($(#[$meta:meta])* $vis:vis enum $name:ident(32) $body:tt) => {
        $crate::stored_enum!(@emit "String(sea_orm::sea_query::StringLen::N(32))", $(#[$meta])* $vis enum $name $body);
    };
    ($(#[$meta:meta])* $vis:vis enum $name:ident(64) $body:tt) => {
        $crate::stored_enum!(@emit "String(sea_orm::sea_query::StringLen::N(64))", $(#[$meta])* $vis enum $name $body);
    };
}
