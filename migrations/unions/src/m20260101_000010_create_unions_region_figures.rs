//! The unions figures of every region, kept per region code (city, district, street and
//! community alike): `Region.unions` reads one row per region instead of aggregating tens
//! of thousands of rows. It is filled here from the rows already there (a database seeded
//! before the summary existed), and by the seed; every mutation adds its increments to the
//! rows of its community, street, district and city in the mutation's transaction, so it
//! always equals the aggregate of the tables.

use sea_orm_migration::{prelude::*, schema::*};

use crate::region_figures::{FIGURE_COLUMNS, fill_region_figures};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum UnionsRegionFigures {
    Table,
    /// The region's 6-, 9- or 12-digit division code.
    Code,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(UnionsRegionFigures::Table)
            .col(string_len(UnionsRegionFigures::Code, 12).primary_key());
        for figure in FIGURE_COLUMNS {
            table.col(big_integer(Alias::new(figure)).default(0));
        }
        manager.create_table(table).await?;
        fill_region_figures(manager.get_connection()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(UnionsRegionFigures::Table).to_owned())
            .await
    }
}
