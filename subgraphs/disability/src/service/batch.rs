//! Batched reads for the dataloaders: one statement for a whole batch of keys.

use std::collections::HashMap;
use std::hash::Hash;

use sea_orm::sea_query::{Expr, IntoIden};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Value,
};

/// Rows of `E` whose `column` is one of `keys`, grouped by that key (ordered by id), for
/// "children of these parents" loaders.
pub(crate) async fn rows_grouped_by<E, K, C>(
    db: &C,
    column: E::Column,
    order_by: E::Column,
    keys: &[K],
    key_of: impl Fn(&E::Model) -> Option<K>,
) -> Result<HashMap<K, Vec<E::Model>>, DbErr>
where
    E: EntityTrait,
    K: Into<Value> + Clone + Eq + Hash,
    C: ConnectionTrait,
{
    let mut grouped: HashMap<K, Vec<E::Model>> = HashMap::new();
    if keys.is_empty() {
        return Ok(grouped);
    }
    let rows = E::find()
        .filter(column.is_in(keys.iter().cloned()))
        .order_by_asc(order_by)
        .all(db)
        .await?;
    for row in rows {
        if let Some(key) = key_of(&row) {
            grouped.entry(key).or_default().push(row);
        }
    }
    Ok(grouped)
}

/// Rows of `E` by primary key `id_column`.
pub(crate) async fn rows_by_id<E, C>(
    db: &C,
    id_column: E::Column,
    ids: &[i64],
    id_of: impl Fn(&E::Model) -> i64,
) -> Result<HashMap<i64, E::Model>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = E::find()
        .filter(id_column.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (id_of(&r), r)).collect())
}

#[derive(FromQueryResult)]
struct KeyedTotal {
    key: i64,
    total: Option<i64>,
}

/// `aggregate` (e.g. `COUNT(*)`) of the rows of `E` per value of `column`, for the keys
/// asked; keys without rows are absent.
pub(crate) async fn totals_by<E, C>(
    db: &C,
    column: E::Column,
    aggregate: &str,
    keys: &[i64],
) -> Result<HashMap<i64, i64>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = E::find()
        .select_only()
        .column_as(Expr::col(column.into_iden()), "key")
        .column_as(Expr::cust(format!("CAST({aggregate} AS BIGINT)")), "total")
        .filter(column.is_in(keys.iter().copied()))
        .group_by(column)
        .into_model::<KeyedTotal>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.key, r.total.unwrap_or(0)))
        .collect())
}
