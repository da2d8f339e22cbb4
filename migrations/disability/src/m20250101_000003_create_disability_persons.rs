//! The registry of people with disabilities: the most sensitive table of the platform. Name, ID
//! number and phone are personal data; category and grade are sensitive health data.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};
use crate::m20250101_000001_create_disability_organizations::DisabilityOrganizations;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum DisabilityPersons {
    Table,
    Id,
    Name,
    IdNumber,
    Phone,
    Category,
    Grade,
    OrganizationId,
    RegisteredOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(DisabilityPersons::Table)
            .col(big_pk_auto(DisabilityPersons::Id))
            .col(string(DisabilityPersons::Name))
            .col(string_len(DisabilityPersons::IdNumber, 18))
            .col(string_len(DisabilityPersons::Phone, 20))
            .col(string_len(DisabilityPersons::Category, 32))
            .col(small_integer(DisabilityPersons::Grade))
            .col(big_integer_null(DisabilityPersons::OrganizationId))
            .col(date(DisabilityPersons::RegisteredOn))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_disability_persons_organization_id")
                    .from(DisabilityPersons::Table, DisabilityPersons::OrganizationId)
                    .to(DisabilityOrganizations::Table, DisabilityOrganizations::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_disability_persons_id_number")
                    .table(DisabilityPersons::Table)
                    .col(DisabilityPersons::IdNumber)
                    .unique()
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            DisabilityPersons::Table,
            DisabilityPersons::Category,
        )
        .await?;
        create_index(manager, DisabilityPersons::Table, DisabilityPersons::Grade).await?;
        create_index(
            manager,
            DisabilityPersons::Table,
            DisabilityPersons::OrganizationId,
        )
        .await?;
        create_region_indexes(manager, DisabilityPersons::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DisabilityPersons::Table).to_owned())
            .await
    }
}
