//! `sample_region_figures`: the organisation's figures of every region (city, district,
//! street and community), one row per region code, so `Region.sample` reads a few rows.
//! The subgraph fills it (seed, and on start when empty) and its mutations add to it in
//! their transactions (the kit's `summary::RegionSummary`).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

const TABLE: &str = "sample_region_figures";

/// The summary's figure columns, in the order `Region.sample` reads them.
pub const FIGURE_COLUMNS: [&str; 2] = ["unit_count", "member_count"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table.table(Alias::new(TABLE)).col(
            ColumnDef::new(Alias::new("code"))
                .string_len(12)
                .not_null()
                .primary_key(),
        );
        for column in FIGURE_COLUMNS {
            table.col(
                ColumnDef::new(Alias::new(column))
                    .big_integer()
                    .not_null()
                    .default(0),
            );
        }
        manager.create_table(table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Alias::new(TABLE)).to_owned())
            .await
    }
}
