//! Youth affairs social workers (青少年事务社工): personal data (name, ID number, phone).

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum YouthSocialWorkers {
    Table,
    Id,
    Name,
    IdNumber,
    Phone,
    Specialty,
    HiredOn,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(YouthSocialWorkers::Table)
            .col(big_pk_auto(YouthSocialWorkers::Id))
            .col(string(YouthSocialWorkers::Name))
            .col(string_len(YouthSocialWorkers::IdNumber, 18))
            .col(string_len(YouthSocialWorkers::Phone, 20))
            .col(string_len(YouthSocialWorkers::Specialty, 32))
            .col(date(YouthSocialWorkers::HiredOn))
            .col(string_len_null(YouthSocialWorkers::ServiceCenterId, 64));
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(
            manager,
            YouthSocialWorkers::Table,
            YouthSocialWorkers::Specialty,
        )
        .await?;
        create_index(
            manager,
            YouthSocialWorkers::Table,
            YouthSocialWorkers::ServiceCenterId,
        )
        .await?;
        create_region_indexes(manager, YouthSocialWorkers::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(YouthSocialWorkers::Table).to_owned())
            .await
    }
}
