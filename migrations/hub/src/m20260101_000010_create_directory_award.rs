//! The shared directory of every organisation's awards.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum DirectoryAward {
    Table,
    Id,
    Organization,
    Title,
    RecipientUnit,
    RecipientPerson,
    Year,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(DirectoryAward::Table)
            .col(string_len(DirectoryAward::Id, 32).primary_key())
            .col(string_len(DirectoryAward::Organization, 16))
            .col(string_len(DirectoryAward::Title, 200))
            .col(string_len(DirectoryAward::RecipientUnit, 200))
            .col(string_len_null(DirectoryAward::RecipientPerson, 50))
            .col(integer(DirectoryAward::Year));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, DirectoryAward::Table).await?;
        create_index(manager, DirectoryAward::Table, DirectoryAward::Organization).await?;
        create_index(manager, DirectoryAward::Table, DirectoryAward::Year).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DirectoryAward::Table).to_owned())
            .await
    }
}
