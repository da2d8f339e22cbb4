//! The region columns every regional record carries, and the index helpers.
//!
//! Records sit at community or street level (`region_code`); the street and district codes
//! are denormalised next to it so that "this region and everything below it" is one
//! equality filter and one `GROUP BY` at any level.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
#[expect(
    clippy::enum_variant_names,
    reason = "the variants are the column names"
)]
pub(crate) enum Region {
    RegionCode,
    StreetCode,
    DistrictCode,
}

/// Adds `region_code`, `street_code` and `district_code` to a table being created.
pub(crate) fn add_region_columns(table: &mut TableCreateStatement) -> &mut TableCreateStatement {
    table
        .col(string_len(Region::RegionCode, 12))
        .col(string_len(Region::StreetCode, 9))
        .col(string_len(Region::DistrictCode, 6))
}

/// Creates one index per region column.
pub(crate) async fn create_region_indexes<T: IntoIden + Clone>(
    manager: &SchemaManager<'_>,
    table: T,
) -> Result<(), DbErr> {
    for column in [Region::RegionCode, Region::StreetCode, Region::DistrictCode] {
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
