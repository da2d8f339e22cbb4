//! Youth volunteers (青年志愿者): personal data (name, ID number, phone).

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};
use crate::m20250101_000001_create_youth_branches::YouthBranches;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum YouthVolunteers {
    Table,
    Id,
    Name,
    IdNumber,
    Phone,
    BranchId,
    RegisteredOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(YouthVolunteers::Table)
            .col(big_pk_auto(YouthVolunteers::Id))
            .col(string(YouthVolunteers::Name))
            .col(string_len(YouthVolunteers::IdNumber, 18))
            .col(string_len(YouthVolunteers::Phone, 20))
            .col(big_integer_null(YouthVolunteers::BranchId))
            .col(date(YouthVolunteers::RegisteredOn))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_youth_volunteers_branch_id")
                    .from(YouthVolunteers::Table, YouthVolunteers::BranchId)
                    .to(YouthBranches::Table, YouthBranches::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        // One person registers once: the registration mutation reports a CONFLICT on a repeat.
        manager
            .create_index(
                Index::create()
                    .name("uq_youth_volunteers_id_number")
                    .table(YouthVolunteers::Table)
                    .col(YouthVolunteers::IdNumber)
                    .unique()
                    .to_owned(),
            )
            .await?;
        create_index(manager, YouthVolunteers::Table, YouthVolunteers::BranchId).await?;
        create_region_indexes(manager, YouthVolunteers::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(YouthVolunteers::Table).to_owned())
            .await
    }
}
