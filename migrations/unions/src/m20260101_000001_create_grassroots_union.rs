//! Grassroots unions (基层工会): the unions' grassroots units.

use sea_orm_migration::{prelude::*, schema::*};

use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum GrassrootsUnion {
    Table,
    Id,
    Name,
    Kind,
    MemberCount,
    FoundedOn,
    ChairName,
    ChairPhone,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(GrassrootsUnion::Table)
            .col(string_len(GrassrootsUnion::Id, 32).primary_key())
            .col(string_len(GrassrootsUnion::Name, 200))
            .col(string_len(GrassrootsUnion::Kind, 32))
            .col(integer(GrassrootsUnion::MemberCount))
            .col(date(GrassrootsUnion::FoundedOn))
            .col(string_len(GrassrootsUnion::ChairName, 64))
            .col(string_len(GrassrootsUnion::ChairPhone, 20))
            .col(string_len_null(GrassrootsUnion::ServiceCenterId, 32));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, GrassrootsUnion::Table).await?;
        create_index(manager, GrassrootsUnion::Table, GrassrootsUnion::Kind).await?;
        create_index(
            manager,
            GrassrootsUnion::Table,
            GrassrootsUnion::ServiceCenterId,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(GrassrootsUnion::Table).to_owned())
            .await
    }
}
