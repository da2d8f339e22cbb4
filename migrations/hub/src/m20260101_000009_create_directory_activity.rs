//! The shared directory of every organisation's activities.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum DirectoryActivity {
    Table,
    Id,
    Organization,
    Title,
    Kind,
    HeldOn,
    ParticipantCount,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(DirectoryActivity::Table)
            .col(string_len(DirectoryActivity::Id, 32).primary_key())
            .col(string_len(DirectoryActivity::Organization, 16))
            .col(string_len(DirectoryActivity::Title, 200))
            .col(string_len(DirectoryActivity::Kind, 32))
            .col(date(DirectoryActivity::HeldOn))
            .col(integer(DirectoryActivity::ParticipantCount));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, DirectoryActivity::Table).await?;
        create_index(
            manager,
            DirectoryActivity::Table,
            DirectoryActivity::Organization,
        )
        .await?;
        create_index(manager, DirectoryActivity::Table, DirectoryActivity::HeldOn).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DirectoryActivity::Table).to_owned())
            .await
    }
}
