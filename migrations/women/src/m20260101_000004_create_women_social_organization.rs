//! Women/children social organisations (妇女儿童类社会组织) the federation supports.

use sea_orm_migration::{prelude::*, schema::*};

use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum WomenSocialOrganization {
    Table,
    Id,
    Name,
    Field,
    SupportedSince,
    FundingYuan,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(WomenSocialOrganization::Table)
            .col(string_len(WomenSocialOrganization::Id, 32).primary_key())
            .col(string_len(WomenSocialOrganization::Name, 200))
            .col(string_len(WomenSocialOrganization::Field, 32))
            .col(date(WomenSocialOrganization::SupportedSince))
            .col(big_integer(WomenSocialOrganization::FundingYuan));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, WomenSocialOrganization::Table).await?;
        create_index(
            manager,
            WomenSocialOrganization::Table,
            WomenSocialOrganization::Field,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(WomenSocialOrganization::Table)
                    .to_owned(),
            )
            .await
    }
}
