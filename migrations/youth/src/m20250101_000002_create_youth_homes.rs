//! Youth homes (青年之家), built with market partners, often inside a shared service centre.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum YouthHomes {
    Table,
    Id,
    Name,
    Partner,
    ServiceCenterId,
    OpenedOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(YouthHomes::Table)
            .col(big_pk_auto(YouthHomes::Id))
            .col(string(YouthHomes::Name))
            .col(string(YouthHomes::Partner))
            .col(string_len_null(YouthHomes::ServiceCenterId, 64))
            .col(date(YouthHomes::OpenedOn));
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(manager, YouthHomes::Table, YouthHomes::ServiceCenterId).await?;
        create_region_indexes(manager, YouthHomes::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(YouthHomes::Table).to_owned())
            .await
    }
}
