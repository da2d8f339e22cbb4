//! Workers' homes (职工之家), including model workers' homes by level.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_create_grassroots_union::GrassrootsUnion;
use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum WorkersHome {
    Table,
    Id,
    Name,
    UnionId,
    /// NULL for an ordinary home; NATIONAL, PROVINCIAL or CITY for a model workers' home.
    ModelLevel,
    AreaSqm,
    OpenedOn,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(WorkersHome::Table)
            .col(string_len(WorkersHome::Id, 32).primary_key())
            .col(string_len(WorkersHome::Name, 200))
            .col(string_len(WorkersHome::UnionId, 32))
            .col(string_len_null(WorkersHome::ModelLevel, 16))
            .col(integer(WorkersHome::AreaSqm))
            .col(date(WorkersHome::OpenedOn))
            .col(string_len_null(WorkersHome::ServiceCenterId, 32))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_workers_home_union_id")
                    .from(WorkersHome::Table, WorkersHome::UnionId)
                    .to(GrassrootsUnion::Table, GrassrootsUnion::Id),
            );
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, WorkersHome::Table).await?;
        for column in [
            WorkersHome::UnionId,
            WorkersHome::ModelLevel,
            WorkersHome::ServiceCenterId,
        ] {
            create_index(manager, WorkersHome::Table, column).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(WorkersHome::Table).to_owned())
            .await
    }
}
