//! Awards (honours) of the disability organisation, as listed in the shared directory. For awards
//! to individuals `recipient_person` holds the person's name: personal data.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum DisabilityAwards {
    Table,
    Id,
    Title,
    RecipientUnit,
    RecipientPerson,
    Year,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(DisabilityAwards::Table)
            .col(big_pk_auto(DisabilityAwards::Id))
            .col(string(DisabilityAwards::Title))
            .col(string(DisabilityAwards::RecipientUnit))
            .col(string_null(DisabilityAwards::RecipientPerson))
            .col(integer(DisabilityAwards::Year));
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(manager, DisabilityAwards::Table, DisabilityAwards::Year).await?;
        create_region_indexes(manager, DisabilityAwards::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DisabilityAwards::Table).to_owned())
            .await
    }
}
