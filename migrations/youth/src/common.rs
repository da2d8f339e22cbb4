//! Column and index helpers shared by the youth migrations.

use sea_orm_migration::{prelude::*, schema::*};

/// The region columns every regional record carries: the community or street it belongs to,
/// and the denormalised street and district so that per-region figures are one `GROUP BY`.
#[derive(DeriveIden)]
#[expect(
    clippy::enum_variant_names,
    reason = "the variants are the column names region_code, street_code, district_code"
)]
pub(crate) enum RegionCols {
    RegionCode,
    StreetCode,
    DistrictCode,
}

/// Adds `region_code`, `street_code` and `district_code` to a table being created.
pub(crate) fn with_region_columns(table: &mut TableCreateStatement) -> &mut TableCreateStatement {
    table
        .col(string_len(RegionCols::RegionCode, 12))
        .col(string_len(RegionCols::StreetCode, 9))
        .col(string_len(RegionCols::DistrictCode, 6))
}

/// Creates a plain (non-unique) index named `idx_<table>_<column>`.
pub(crate) async fn create_index(
    manager: &SchemaManager<'_>,
    table: impl IntoIden,
    column: impl IntoIden,
) -> Result<(), DbErr> {
    let (table, column) = (table.into_iden(), column.into_iden());
    let name = format!("idx_{table}_{column}");
    manager
        .create_index(
            Index::create()
                .name(name)
                .table(table)
                .col(column)
                .to_owned(),
        )
        .await
}

/// Creates the three region indexes of a table.
pub(crate) async fn create_region_indexes(
    manager: &SchemaManager<'_>,
    table: impl IntoIden,
) -> Result<(), DbErr> {
    let table = table.into_iden();
    create_index(manager, table.clone(), RegionCols::RegionCode).await?;
    create_index(manager, table.clone(), RegionCols::StreetCode).await?;
    create_index(manager, table, RegionCols::DistrictCode).await
}
