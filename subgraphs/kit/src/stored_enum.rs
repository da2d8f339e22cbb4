//! `stored_enum!`: a closed vocabulary stored as text and served as a GraphQL enum, both
//! spelling each value the same way: its variant's name in SCREAMING_SNAKE_CASE
//! (`WorkInjury` is `WORK_INJURY` in the column and in the schema).
//!
//! Each value is written once, as its variant (its doc comment becomes the GraphQL value's
//! description), instead of a `#[sea_orm(string_value = ..)]` attribute per variant and
//! the derives on every enum. The column is `String(StringLen::N(LEN))`, LEN 16, 32 or 64
//! (the derives name `sea_orm`, so the crate depends on it). An enum whose values the
//! shared directory names by a Chinese label (the kinds of grassroots units) writes
//! `labelled` and each value `Variant => "标签",`; it also gets `label()` and
//! `from_label(label)` (`None` for a label of another organisation).
//!
//! ```ignore
//! quntuan_kit::stored_enum! {
//!     /// The category of a grassroots union.
//!     pub enum GrassrootsUnionKind(32) labelled {
//!         /// 企业工会
//!         Enterprise => "企业工会",
//!     }
//! }
//! ```

/// See the [module documentation](crate::stored_enum).
#[macro_export]
macro_rules! stored_enum {
    (@emit $db:literal, $(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vm:meta])* $variant:ident,)*
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
        #[sea_orm(rs_type = "String", db_type = $db, rename_all = "SCREAMING_SNAKE_CASE")]
        $vis enum $name {
            $($(#[$vm])* $variant,)*
        }
    };
    ($(#[$meta:meta])* $vis:vis enum $name:ident($len:tt) labelled {
        $($(#[$vm:meta])* $variant:ident => $label:literal,)*
    }) => {
        $crate::stored_enum! {
            $(#[$meta])* $vis enum $name($len) { $($(#[$vm])* $variant,)* }
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

/// The text a GraphQL enum value is stored as in a column that spells the vocabulary as the
/// schema does (hub's `CITY_HUB`, `MONTHLY`): its GraphQL name. For a plain
/// `#[derive(Enum)]` whose column is text, where `stored_enum!` does not fit.
pub fn stored_name<T: async_graphql::resolver_utils::EnumType>(value: T) -> &'static str {
    // Every value is among its enum's items.
    T::items()
        .iter()
        .find(|item| item.value == value)
        .map_or("", |item| item.name)
}

/// The GraphQL enum value [`stored_name`] stored; `None` for any other text.
pub fn from_stored_name<T: async_graphql::resolver_utils::EnumType>(stored: &str) -> Option<T> {
    let item = T::items().iter().find(|item| item.name == stored)?;
    Some(item.value)
}

#[cfg(test)]
#[allow(unreachable_pub)] // the macro writes `pub fn label` as for a crate's public enum
mod tests {
    use sea_orm::{ActiveEnum, Iterable};

    crate::stored_enum! {
        enum Probe(16) labelled {
            WorkInjury => "工伤",
            ReferredToArbitration => "转仲裁",
        }
    }

    #[test]
    fn stored_values_are_the_graphql_names() {
        let stored: Vec<String> = Probe::iter().map(|v| v.to_value()).collect();
        assert_eq!(stored, ["WORK_INJURY", "REFERRED_TO_ARBITRATION"]);
        assert_eq!(
            Probe::from_label("转仲裁"),
            Some(Probe::ReferredToArbitration)
        );
        assert_eq!(Probe::from_label("工会"), None);
    }

    #[test]
    fn stored_names_read_back() {
        use super::{from_stored_name, stored_name};
        assert_eq!(stored_name(Probe::WorkInjury), "WORK_INJURY");
        assert_eq!(from_stored_name("WORK_INJURY"), Some(Probe::WorkInjury));
        assert_eq!(from_stored_name::<Probe>("工伤"), None);
    }
}
