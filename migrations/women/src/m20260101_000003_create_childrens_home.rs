//! Children's homes (儿童之家) in communities, each run by a women's organisation and often housed in a shared service centre.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_create_women_organization::WomenOrganization;
use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum ChildrensHome {
    Table,
    Id,
    Name,
    OrganizationId,
    Capacity,
    OpenedOn,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(ChildrensHome::Table)
            .col(string_len(ChildrensHome::Id, 32).primary_key())
            .col(string_len(ChildrensHome::Name, 200))
            .col(string_len(ChildrensHome::OrganizationId, 32))
            .col(integer(ChildrensHome::Capacity))
            .col(date(ChildrensHome::OpenedOn))
            .col(string_len_null(ChildrensHome::ServiceCenterId, 32))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_childrens_home_organization_id")
                    .from(ChildrensHome::Table, ChildrensHome::OrganizationId)
                    .to(WomenOrganization::Table, WomenOrganization::Id),
            );
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, ChildrensHome::Table).await?;
        create_index(manager, ChildrensHome::Table, ChildrensHome::OrganizationId).await?;
        create_index(
            manager,
            ChildrensHome::Table,
            ChildrensHome::ServiceCenterId,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ChildrensHome::Table).to_owned())
            .await
    }
}
