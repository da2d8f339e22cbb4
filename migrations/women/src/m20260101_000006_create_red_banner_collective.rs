//! March 8th Red Banner collectives (三八红旗集体): the women's implementation of the
//! cross-organisation `Award`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RedBannerCollective {
    Table,
    Id,
    Title,
    RecipientUnit,
    Year,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(RedBannerCollective::Table)
            .col(string_len(RedBannerCollective::Id, 32).primary_key())
            .col(string_len(RedBannerCollective::Title, 200))
            .col(string_len(RedBannerCollective::RecipientUnit, 200))
            .col(integer(RedBannerCollective::Year));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, RedBannerCollective::Table).await?;
        create_index(
            manager,
            RedBannerCollective::Table,
            RedBannerCollective::Year,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RedBannerCollective::Table).to_owned())
            .await
    }
}
