//! League branches and organisations (团组织): the youth grassroots units.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum YouthBranches {
    Table,
    Id,
    Name,
    Kind,
    MemberCount,
    FoundedOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(YouthBranches::Table)
            .col(big_pk_auto(YouthBranches::Id))
            .col(string(YouthBranches::Name))
            .col(string_len(YouthBranches::Kind, 32))
            .col(integer(YouthBranches::MemberCount))
            .col(date(YouthBranches::FoundedOn));
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(manager, YouthBranches::Table, YouthBranches::Kind).await?;
        create_region_indexes(manager, YouthBranches::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(YouthBranches::Table).to_owned())
            .await
    }
}
