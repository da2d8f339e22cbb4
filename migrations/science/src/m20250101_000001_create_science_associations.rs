//! Enterprise and institution science associations (企事业单位科协): the science grassroots units.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum ScienceAssociations {
    Table,
    Id,
    Name,
    Kind,
    Industry,
    MemberCount,
    FoundedOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(ScienceAssociations::Table)
            .col(big_pk_auto(ScienceAssociations::Id))
            .col(string(ScienceAssociations::Name))
            .col(string_len(ScienceAssociations::Kind, 32))
            .col(string_len(ScienceAssociations::Industry, 32))
            .col(integer(ScienceAssociations::MemberCount))
            .col(date(ScienceAssociations::FoundedOn));
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(
            manager,
            ScienceAssociations::Table,
            ScienceAssociations::Kind,
        )
        .await?;
        create_index(
            manager,
            ScienceAssociations::Table,
            ScienceAssociations::Industry,
        )
        .await?;
        create_region_indexes(manager, ScienceAssociations::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ScienceAssociations::Table).to_owned())
            .await
    }
}
