//! Awards (honours) of the science organisation, as listed in the shared directory. For awards
//! to individuals `recipient_person` holds the person's name: personal data.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum ScienceAwards {
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
            .table(ScienceAwards::Table)
            .col(big_pk_auto(ScienceAwards::Id))
            .col(string(ScienceAwards::Title))
            .col(string(ScienceAwards::RecipientUnit))
            .col(string_null(ScienceAwards::RecipientPerson))
            .col(integer(ScienceAwards::Year));
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(manager, ScienceAwards::Table, ScienceAwards::Year).await?;
        create_region_indexes(manager, ScienceAwards::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ScienceAwards::Table).to_owned())
            .await
    }
}
