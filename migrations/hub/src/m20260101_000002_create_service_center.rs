//! Shared service venues; `rating_count` and `rating_sum` are kept in step with
//! `satisfaction_rating` by the `rateService` transaction.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum ServiceCenter {
    Table,
    Id,
    Name,
    Kind,
    OpenedOn,
    RatingCount,
    RatingSum,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(ServiceCenter::Table)
            .col(string_len(ServiceCenter::Id, 32).primary_key())
            .col(string_len(ServiceCenter::Name, 200))
            .col(string_len(ServiceCenter::Kind, 32))
            .col(date(ServiceCenter::OpenedOn))
            .col(big_integer(ServiceCenter::RatingCount).default(0))
            .col(big_integer(ServiceCenter::RatingSum).default(0));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, ServiceCenter::Table).await?;
        create_index(manager, ServiceCenter::Table, ServiceCenter::Kind).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ServiceCenter::Table).to_owned())
            .await
    }
}
