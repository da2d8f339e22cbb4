//! Academician and expert innovation workstations (院士（专家）创新工作站). The lead expert's
//! phone is personal data.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum ScienceWorkstations {
    Table,
    Id,
    Name,
    Kind,
    HostUnit,
    Field,
    LeadExpert,
    ExpertPhone,
    EstablishedOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(ScienceWorkstations::Table)
            .col(big_pk_auto(ScienceWorkstations::Id))
            .col(string(ScienceWorkstations::Name))
            .col(string_len(ScienceWorkstations::Kind, 32))
            .col(string(ScienceWorkstations::HostUnit))
            .col(string_len(ScienceWorkstations::Field, 32))
            .col(string(ScienceWorkstations::LeadExpert))
            .col(string_len(ScienceWorkstations::ExpertPhone, 20))
            .col(date(ScienceWorkstations::EstablishedOn));
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(
            manager,
            ScienceWorkstations::Table,
            ScienceWorkstations::Kind,
        )
        .await?;
        create_index(
            manager,
            ScienceWorkstations::Table,
            ScienceWorkstations::Field,
        )
        .await?;
        create_region_indexes(manager, ScienceWorkstations::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ScienceWorkstations::Table).to_owned())
            .await
    }
}
