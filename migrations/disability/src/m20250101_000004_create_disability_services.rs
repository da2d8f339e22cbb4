//! Accessibility services (有爱无碍): renovations, assistive devices, rehabilitation, and so on.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};
use crate::m20250101_000001_create_disability_organizations::DisabilityOrganizations;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum DisabilityServices {
    Table,
    Id,
    Title,
    Kind,
    HeldOn,
    ParticipantCount,
    OrganizationId,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(DisabilityServices::Table)
            .col(big_pk_auto(DisabilityServices::Id))
            .col(string(DisabilityServices::Title))
            .col(string_len(DisabilityServices::Kind, 32))
            .col(date(DisabilityServices::HeldOn))
            .col(integer(DisabilityServices::ParticipantCount))
            .col(big_integer_null(DisabilityServices::OrganizationId))
            .col(string_len_null(DisabilityServices::ServiceCenterId, 64))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_disability_services_organization_id")
                    .from(
                        DisabilityServices::Table,
                        DisabilityServices::OrganizationId,
                    )
                    .to(DisabilityOrganizations::Table, DisabilityOrganizations::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(manager, DisabilityServices::Table, DisabilityServices::Kind).await?;
        create_index(
            manager,
            DisabilityServices::Table,
            DisabilityServices::HeldOn,
        )
        .await?;
        create_index(
            manager,
            DisabilityServices::Table,
            DisabilityServices::OrganizationId,
        )
        .await?;
        create_index(
            manager,
            DisabilityServices::Table,
            DisabilityServices::ServiceCenterId,
        )
        .await?;
        create_region_indexes(manager, DisabilityServices::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DisabilityServices::Table).to_owned())
            .await
    }
}
