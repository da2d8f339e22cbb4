//! Region columns shared by the regional tables, and index helpers.
//!
//! Records sit at community or street level (`region_code`) with the street and district
//! codes next to them, so "this region and everything below it" is one indexed equality
//! and per-region counts are one `GROUP BY`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
#[expect(
    clippy::enum_variant_names,
    reason = "the variants are the column names"
)]
pub(crate) enum RegionColumns {
    RegionCode,
    StreetCode,
    DistrictCode,
}

pub(crate) fn add_region_columns(table: &mut TableCreateStatement) -> &mut TableCreateStatement {
    table
        .col(string_len(RegionColumns::RegionCode, 12))
        .col(string_len(RegionColumns::StreetCode, 9))
        .col(string_len(RegionColumns::DistrictCode, 6))
}

pub(crate) async fn create_region_indexes<T: IntoIden + Clone>(
    manager: &SchemaManager<'_>,
    table: T,
) -> Result<(), DbErr> {
    for column in [
        RegionColumns::RegionCode,
        RegionColumns::StreetCode,
        RegionColumns::DistrictCode,
    ] {
        create_index(manager, table.clone(), column).await?;
    }
    Ok(())
}

/// Creates the single-column index `idx_<table>_<column>`.
pub(crate) async fn create_index<T: IntoIden, C: IntoIden>(
    manager: &SchemaManager<'_>,
    table: T,
    column: C,
) -> Result<(), DbErr> {
    let table = table.into_iden();
    let column = column.into_iden();
    manager
        .create_index(
            Index::create()
                .name(format!("idx_{table}_{column}"))
                .table(table)
                .col(column)
                .to_owned(),
        )
        .await
}
