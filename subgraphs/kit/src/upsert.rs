//! Idempotent writes: a row inserted, or, when its primary key is taken, the existing row
//! overwritten with it (`INSERT .. ON CONFLICT (key) DO UPDATE SET` every other column), in
//! one statement, so writing the same row twice leaves the same row (hub's directory,
//! written from events that may be delivered more than once).

use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, IdenStatic, Iterable, PrimaryKeyToColumn,
};

/// Inserts `row`, or overwrites the row with its primary key with every column of `row`:
/// `upsert(db, directory_unit::ActiveModel { id: Set(..), .. })`.
pub async fn upsert<A, C>(db: &C, row: A) -> Result<(), DbErr>
where
    A: ActiveModelTrait,
    C: ConnectionTrait,
    <A::Entity as EntityTrait>::PrimaryKey:
        PrimaryKeyToColumn<Column = <A::Entity as EntityTrait>::Column>,
{
    let keys: Vec<_> = <A::Entity as EntityTrait>::PrimaryKey::iter()
        .map(PrimaryKeyToColumn::into_column)
        .collect();
    let key_names: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
    let others = <A::Entity as EntityTrait>::Column::iter()
        .filter(|column| !key_names.contains(&column.as_str()));
    let on_conflict = OnConflict::columns(keys).update_columns(others).to_owned();
    A::Entity::insert(row)
        .on_conflict(on_conflict)
        .exec_without_returning(db)
        .await?;
    Ok(())
}
