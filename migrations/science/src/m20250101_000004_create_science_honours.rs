//! "Most beautiful science worker" honours (最美科技工作者). The recipient's phone is personal data.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum ScienceHonours {
    Table,
    Id,
    Title,
    Year,
    RecipientName,
    RecipientPhone,
    Affiliation,
    Citation,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(ScienceHonours::Table)
            .col(big_pk_auto(ScienceHonours::Id))
            .col(string(ScienceHonours::Title))
            .col(integer(ScienceHonours::Year))
            .col(string(ScienceHonours::RecipientName))
            .col(string_len(ScienceHonours::RecipientPhone, 20))
            .col(string(ScienceHonours::Affiliation))
            .col(text(ScienceHonours::Citation));
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(manager, ScienceHonours::Table, ScienceHonours::Year).await?;
        create_region_indexes(manager, ScienceHonours::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ScienceHonours::Table).to_owned())
            .await
    }
}
