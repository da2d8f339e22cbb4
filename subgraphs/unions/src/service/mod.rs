//! The service layer: every SQL query of the unions subgraph. Resolvers stay thin and call
//! these functions (directly or through the dataloaders in `crate::graphql::loaders`).

pub mod activities;
pub mod awards;
#[cfg(test)]
mod concurrency_tests;
pub mod disputes;
pub mod figures;
pub mod homes;
pub mod organizations;
pub mod people;
pub mod summary;
#[cfg(test)]
mod summary_tests;
pub mod unions;
pub mod workflow;

use std::collections::HashMap;
use std::hash::Hash;

use quntuan_kit::{ApiError, ApiResult, RegionScope};
use sea_orm::sea_query::{Alias, Expr, ExprTrait};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// "In region `code` and everything below it", for a table with the three region
/// columns. `None` means no region filter; the city code means the whole city.
pub(crate) fn region_condition(code: Option<&str>) -> ApiResult<Condition> {
    let mut condition = Condition::all();
    if let Some(code) = code {
        let scope = RegionScope::of(code).ok_or_else(|| {
            ApiError::bad_input(format!(
                "`regionCode` `{code}` is not a division code of Chengdu: expected 510100, a \
                 county code (6 digits), a street code (9) or a community code (12)"
            ))
        })?;
        if let Some((column, value)) = scope.column_and_value() {
            condition = condition.add(Expr::col(Alias::new(column)).eq(value));
        }
    }
    Ok(condition)
}

/// The rows of `E` whose `column` is one of `keys`, ordered by `order` (one statement).
pub(crate) async fn rows_where_in<E, C>(
    db: &C,
    column: E::Column,
    keys: &[String],
    order: E::Column,
) -> ApiResult<Vec<E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    Ok(E::find()
        .filter(column.is_in(keys.iter().map(String::as_str)))
        .order_by_asc(order)
        .all(db)
        .await?)
}

/// Groups rows under the key `key_of` gives, keeping their order.
pub(crate) fn group_by_key<K, V>(rows: Vec<V>, key_of: impl Fn(&V) -> K) -> HashMap<K, Vec<V>>
where
    K: Eq + Hash,
{
    let mut grouped: HashMap<K, Vec<V>> = HashMap::new();
    for row in rows {
        grouped.entry(key_of(&row)).or_default().push(row);
    }
    grouped
}

/// Indexes rows by their id.
pub(crate) fn index_by_id<V>(rows: Vec<V>, id_of: impl Fn(&V) -> &str) -> HashMap<String, V> {
    rows.into_iter()
        .map(|row| (id_of(&row).to_string(), row))
        .collect()
}

/// A trimmed, non-empty text of at most `max` characters, or the error naming `field`.
pub(crate) fn required_text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ApiError::bad_input(format!("`{field}` must not be empty")));
    }
    let length = value.chars().count();
    if length > max {
        return Err(ApiError::bad_input(format!(
            "`{field}` must be at most {max} characters, got {length}"
        )));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_codes_are_validated() {
        assert!(region_condition(Some("510100")).is_ok());
        assert!(region_condition(Some("510104001")).is_ok());
        assert_eq!(
            region_condition(Some("4401"))
                .err()
                .map(|e| e.message().to_string()),
            Some(
                "`regionCode` `4401` is not a division code of Chengdu: expected 510100, a county \
                 code (6 digits), a street code (9) or a community code (12)"
                    .to_string()
            )
        );
    }

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(required_text("name", "  工会 ", 10), Ok("工会".to_string()));
        assert_eq!(
            required_text("name", "   ", 10)
                .err()
                .map(|e| e.message().to_string()),
            Some("`name` must not be empty".to_string())
        );
        assert_eq!(
            required_text("name", "abcdef", 5)
                .err()
                .map(|e| e.message().to_string()),
            Some("`name` must be at most 5 characters, got 6".to_string())
        );
    }
}
