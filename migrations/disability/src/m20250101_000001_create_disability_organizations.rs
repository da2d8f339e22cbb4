//! Grassroots disabled persons' organisations (基层残疾人组织).

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum DisabilityOrganizations {
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
            .table(DisabilityOrganizations::Table)
            .col(big_pk_auto(DisabilityOrganizations::Id))
            .col(string(DisabilityOrganizations::Name))
            .col(string_len(DisabilityOrganizations::Kind, 32))
            .col(integer(DisabilityOrganizations::MemberCount))
            .col(date(DisabilityOrganizations::FoundedOn));
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(
            manager,
            DisabilityOrganizations::Table,
            DisabilityOrganizations::Kind,
        )
        .await?;
        create_region_indexes(manager, DisabilityOrganizations::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(DisabilityOrganizations::Table)
                    .to_owned(),
            )
            .await
    }
}
