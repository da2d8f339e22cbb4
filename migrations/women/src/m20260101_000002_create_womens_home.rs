//! Women's homes (妇女之家) in communities, each run by a women's organisation and often housed in a shared service centre.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_create_women_organization::WomenOrganization;
use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum WomensHome {
    Table,
    Id,
    Name,
    OrganizationId,
    AreaSqm,
    OpenedOn,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(WomensHome::Table)
            .col(string_len(WomensHome::Id, 32).primary_key())
            .col(string_len(WomensHome::Name, 200))
            .col(string_len(WomensHome::OrganizationId, 32))
            .col(integer(WomensHome::AreaSqm))
            .col(date(WomensHome::OpenedOn))
            .col(string_len_null(WomensHome::ServiceCenterId, 32))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_womens_home_organization_id")
                    .from(WomensHome::Table, WomensHome::OrganizationId)
                    .to(WomenOrganization::Table, WomenOrganization::Id),
            );
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, WomensHome::Table).await?;
        create_index(manager, WomensHome::Table, WomensHome::OrganizationId).await?;
        create_index(manager, WomensHome::Table, WomensHome::ServiceCenterId).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(WomensHome::Table).to_owned())
            .await
    }
}
