//! Labour-sector social organisations (劳动领域社会组织) the unions work with.

use sea_orm_migration::{prelude::*, schema::*};

use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum LaborSocialOrganization {
    Table,
    Id,
    Name,
    Field,
    RegisteredOn,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(LaborSocialOrganization::Table)
            .col(string_len(LaborSocialOrganization::Id, 32).primary_key())
            .col(string_len(LaborSocialOrganization::Name, 200))
            .col(string_len(LaborSocialOrganization::Field, 32))
            .col(date(LaborSocialOrganization::RegisteredOn))
            .col(string_len_null(
                LaborSocialOrganization::ServiceCenterId,
                32,
            ));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, LaborSocialOrganization::Table).await?;
        create_index(
            manager,
            LaborSocialOrganization::Table,
            LaborSocialOrganization::Field,
        )
        .await?;
        create_index(
            manager,
            LaborSocialOrganization::Table,
            LaborSocialOrganization::ServiceCenterId,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(LaborSocialOrganization::Table)
                    .to_owned(),
            )
            .await
    }
}
