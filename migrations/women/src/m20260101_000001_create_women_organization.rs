//! Women's organisations (妇女组织): the women's federation's grassroots units.

use sea_orm_migration::{prelude::*, schema::*};

use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum WomenOrganization {
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
            .table(WomenOrganization::Table)
            .col(string_len(WomenOrganization::Id, 32).primary_key())
            .col(string_len(WomenOrganization::Name, 200))
            .col(string_len(WomenOrganization::Kind, 32))
            .col(integer(WomenOrganization::MemberCount))
            .col(date(WomenOrganization::FoundedOn));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, WomenOrganization::Table).await?;
        create_index(manager, WomenOrganization::Table, WomenOrganization::Kind).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(WomenOrganization::Table).to_owned())
            .await
    }
}
