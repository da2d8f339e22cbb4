//! Full- and part-time disability workers (残疾人专（兼）职工作者): personal data.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};
use crate::m20250101_000001_create_disability_organizations::DisabilityOrganizations;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum DisabilityWorkers {
    Table,
    Id,
    Name,
    IdNumber,
    Phone,
    Role,
    OrganizationId,
    ServiceCenterId,
    HiredOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(DisabilityWorkers::Table)
            .col(big_pk_auto(DisabilityWorkers::Id))
            .col(string(DisabilityWorkers::Name))
            .col(string_len(DisabilityWorkers::IdNumber, 18))
            .col(string_len(DisabilityWorkers::Phone, 20))
            .col(string_len(DisabilityWorkers::Role, 32))
            .col(big_integer_null(DisabilityWorkers::OrganizationId))
            .col(string_len_null(DisabilityWorkers::ServiceCenterId, 64))
            .col(date(DisabilityWorkers::HiredOn))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_disability_workers_organization_id")
                    .from(DisabilityWorkers::Table, DisabilityWorkers::OrganizationId)
                    .to(DisabilityOrganizations::Table, DisabilityOrganizations::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(manager, DisabilityWorkers::Table, DisabilityWorkers::Role).await?;
        create_index(
            manager,
            DisabilityWorkers::Table,
            DisabilityWorkers::OrganizationId,
        )
        .await?;
        create_index(
            manager,
            DisabilityWorkers::Table,
            DisabilityWorkers::ServiceCenterId,
        )
        .await?;
        create_region_indexes(manager, DisabilityWorkers::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DisabilityWorkers::Table).to_owned())
            .await
    }
}
