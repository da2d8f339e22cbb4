//! Joint projects run by the organisations with government departments.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::create_index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum JointProject {
    Table,
    Id,
    Name,
    Status,
    LeadOrganization,
    StartedOn,
    RegionCode,
    Summary,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JointProject::Table)
                    .col(string_len(JointProject::Id, 32).primary_key())
                    .col(string_len(JointProject::Name, 200))
                    .col(string_len(JointProject::Status, 16))
                    .col(string_len(JointProject::LeadOrganization, 16))
                    .col(date(JointProject::StartedOn))
                    .col(string_len(JointProject::RegionCode, 12))
                    .col(text(JointProject::Summary))
                    .to_owned(),
            )
            .await?;
        create_index(manager, JointProject::Table, JointProject::Status).await?;
        create_index(manager, JointProject::Table, JointProject::LeadOrganization).await?;
        create_index(manager, JointProject::Table, JointProject::RegionCode).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(JointProject::Table).to_owned())
            .await
    }
}
