//! Dataloaders over sea-orm entities: rows by id, rows under a parent, and a total per parent.
//! Each batch is one statement whatever the number of keys, so a page of N records costs a
//! constant number of statements. Build them with [`by_primary_key`], [`by_id`],
//! [`children_of`] and [`totals_of`] and wrap each in [`crate::dataloader`]; none caches, so
//! every request reads current rows.

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;

use async_graphql::dataloader::Loader;
use sea_orm::sea_query::{Expr, IntoIden};
use sea_orm::sea_query::{FromValueTuple, ValueType};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult,
    Iterable, ModelTrait, PrimaryKeyToColumn, PrimaryKeyTrait, QueryFilter, QueryOrder,
    QuerySelect, Value,
};

use crate::error::ApiError;

/// What a loader key must be: a value sea-orm can bind and a map key.
pub trait RowKey: Into<Value> + Clone + Eq + Hash + Send + Sync + 'static {}
impl<K: Into<Value> + Clone + Eq + Hash + Send + Sync + 'static> RowKey for K {}

/// Rows of `E` whose `column` is one of `keys`, keyed by `key_of` of each row.
pub async fn rows_by_id<E, K, C>(
    db: &C,
    column: E::Column,
    keys: &[K],
    key_of: impl Fn(&E::Model) -> K,
) -> Result<HashMap<K, E::Model>, DbErr>
where
    E: EntityTrait,
    K: RowKey,
    C: ConnectionTrait,
{
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = E::find()
        .filter(column.is_in(keys.iter().cloned()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (key_of(&r), r)).collect())
}

/// Rows of `E` whose `column` is one of `keys`, grouped by that key (ordered by `order_by`),
/// for "children of these parents" loaders. Parents without children are absent.
pub async fn rows_grouped_by<E, K, C>(
    db: &C,
    column: E::Column,
    order_by: E::Column,
    keys: &[K],
    key_of: impl Fn(&E::Model) -> Option<K>,
) -> Result<HashMap<K, Vec<E::Model>>, DbErr>
where
    E: EntityTrait,
    K: RowKey,
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

/// The rows of `E` whose text `column` is one of `keys`, ordered by `order` (one statement).
pub async fn rows_where_in<E, C>(
    db: &C,
    column: E::Column,
    keys: &[String],
    order: E::Column,
) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    E::find()
        .filter(column.is_in(keys.iter().map(String::as_str)))
        .order_by_asc(order)
        .all(db)
        .await
}

/// Groups rows under the key `key_of` gives, keeping their order.
pub fn group_by_key<K, V>(rows: Vec<V>, key_of: impl Fn(&V) -> K) -> HashMap<K, Vec<V>>
where
    K: Eq + Hash,
{
    let mut grouped: HashMap<K, Vec<V>> = HashMap::new();
    for row in rows {
        grouped.entry(key_of(&row)).or_default().push(row);
    }
    grouped
}

/// Indexes rows by their text id.
pub fn index_by_id<V>(rows: Vec<V>, id_of: impl Fn(&V) -> &str) -> HashMap<String, V> {
    rows.into_iter()
        .map(|row| (id_of(&row).to_string(), row))
        .collect()
}

/// The rows of `E` whose text primary key is one of `ids`, by id (one statement); the
/// `fetch` of a [`string_key_loaders!`](crate::string_key_loaders) entry:
/// `UnionById => grassroots_union::Model, rows::by_text_ids::<grassroots_union::Entity, _>;`.
pub async fn by_text_ids<E, C>(db: &C, ids: &[String]) -> Result<HashMap<String, E::Model>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let Some(key) = E::PrimaryKey::iter().next() else {
        return Err(DbErr::Custom(format!(
            "{} has no primary key",
            E::default().table_name()
        )));
    };
    let column = key.into_column();
    let rows = rows_where_in::<E, C>(db, column, ids, column).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| match row.get(column) {
            Value::String(Some(id)) => Some((id, row)),
            _ => None,
        })
        .collect())
}

/// The rows of `E` whose text `column` is one of `keys`, grouped by it, each group ordered by
/// the primary key (one statement); keys without rows are absent. The `fetch` of a
/// "children of these parents" [`string_key_loaders!`](crate::string_key_loaders) entry:
/// `HomesOfUnion => Vec<workers_home::Model>, rows::grouped_by_text::<workers_home::Entity, _>,
/// workers_home::Column::UnionId;`.
pub async fn grouped_by_text<E, C>(
    db: &C,
    column: E::Column,
    keys: &[String],
) -> Result<HashMap<String, Vec<E::Model>>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let mut select = E::find().filter(column.is_in(keys.iter().map(String::as_str)));
    for key in E::PrimaryKey::iter() {
        select = select.order_by_asc(key.into_column());
    }
    let mut grouped: HashMap<String, Vec<E::Model>> = HashMap::new();
    for row in select.all(db).await? {
        if let Value::String(Some(key)) = row.get(column) {
            grouped.entry(key).or_default().push(row);
        }
    }
    Ok(grouped)
}

#[derive(FromQueryResult)]
struct KeyedTotal {
    key: i64,
    total: Option<i64>,
}

/// `aggregate` (e.g. `COUNT(*)`, `SUM(minutes)`) of the rows of `E` per value of `column`,
/// for the keys asked; keys without rows are absent.
pub async fn totals_by<E, C>(
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

/// Rows of `E` by their key column (the primary key, or any unique column).
pub struct ById<E: EntityTrait, K = i64> {
    db: DatabaseConnection,
    column: E::Column,
    key_of: fn(&E::Model) -> K,
}

/// A [`ById`] loader: `by_id::<organization::Entity, _>(db, Column::Id, |m| m.id)`.
pub fn by_id<E: EntityTrait, K>(
    db: &DatabaseConnection,
    column: E::Column,
    key_of: fn(&E::Model) -> K,
) -> ById<E, K> {
    ById {
        db: db.clone(),
        column,
        key_of,
    }
}

/// The type of `E`'s primary key (`i64` for the organisations' integer ids).
pub type PrimaryKeyOf<E> = <<E as EntityTrait>::PrimaryKey as PrimaryKeyTrait>::ValueType;

/// A [`ById`] loader on the primary key of `E`, the usual entity loader; the entity comes
/// from the field it fills: `organization: dataloader(by_primary_key(db))`.
pub fn by_primary_key<E>(db: &DatabaseConnection) -> ById<E, PrimaryKeyOf<E>>
where
    E: EntityTrait,
    E::PrimaryKey: PrimaryKeyToColumn<Column = E::Column>,
{
    let key = E::PrimaryKey::iter()
        .next()
        .expect("sea-orm entities always declare a primary key");
    ById {
        db: db.clone(),
        column: key.into_column(),
        key_of: primary_key_of::<E>,
    }
}

fn primary_key_of<E: EntityTrait>(model: &E::Model) -> PrimaryKeyOf<E> {
    // The value tuple is read from the model's own primary-key columns, so it always has
    // the arity and types of `PrimaryKeyOf<E>`.
    FromValueTuple::from_value_tuple(model.get_primary_key_value())
}

impl<E, K> Loader<K> for ById<E, K>
where
    E: EntityTrait + Send + Sync,
    E::Model: Clone + Send + Sync,
    E::Column: Send + Sync,
    K: RowKey,
{
    type Value = E::Model;
    type Error = ApiError;

    async fn load(&self, keys: &[K]) -> Result<HashMap<K, E::Model>, ApiError> {
        Ok(rows_by_id::<E, K, _>(&self.db, self.column, keys, self.key_of).await?)
    }
}

/// Children of a batch of parents (`column` holds the parent key), in primary-key order.
pub struct ChildrenOf<E: EntityTrait, K> {
    db: DatabaseConnection,
    column: E::Column,
    _key: PhantomData<fn() -> K>,
}

/// A [`ChildrenOf`] loader of the rows whose `column` holds their parent's key (a nullable
/// column: rows without a parent belong to none); the entity and the key type come from
/// the field it fills: `workers_at_center: dataloader(children_of(db, W::ServiceCenterId))`
/// for a `DataLoader<ChildrenOf<worker::Entity, String>>`.
pub fn children_of<E: EntityTrait, K>(
    db: &DatabaseConnection,
    column: E::Column,
) -> ChildrenOf<E, K> {
    ChildrenOf {
        db: db.clone(),
        column,
        _key: PhantomData,
    }
}

impl<E, K> Loader<K> for ChildrenOf<E, K>
where
    E: EntityTrait + Send + Sync,
    E::Model: Clone + Send + Sync,
    E::Column: Send + Sync,
    E::PrimaryKey: PrimaryKeyToColumn<Column = E::Column>,
    K: RowKey + ValueType,
{
    type Value = Vec<E::Model>;
    type Error = ApiError;

    async fn load(&self, keys: &[K]) -> Result<HashMap<K, Vec<E::Model>>, ApiError> {
        let column = self.column;
        let order_by = E::PrimaryKey::iter()
            .next()
            .expect("sea-orm entities always declare a primary key")
            .into_column();
        // The parent key as the row holds it (a NULL parent is no key).
        let key_of = |row: &E::Model| K::try_from(row.get(column)).ok();
        Ok(rows_grouped_by::<E, K, _>(&self.db, column, order_by, keys, key_of).await?)
    }
}

/// An aggregate (`COUNT(*)`, `SUM(minutes)`) of the rows of `E` per parent key.
pub struct TotalsOf<E: EntityTrait> {
    db: DatabaseConnection,
    column: E::Column,
    aggregate: &'static str,
}

/// A [`TotalsOf`] loader.
pub fn totals_of<E: EntityTrait>(
    db: &DatabaseConnection,
    column: E::Column,
    aggregate: &'static str,
) -> TotalsOf<E> {
    TotalsOf {
        db: db.clone(),
        column,
        aggregate,
    }
}

impl<E> Loader<i64> for TotalsOf<E>
where
    E: EntityTrait + Send + Sync,
    E::Column: Send + Sync,
{
    type Value = i64;
    type Error = ApiError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, i64>, ApiError> {
        Ok(totals_by::<E, _>(&self.db, self.column, self.aggregate, keys).await?)
    }
}
