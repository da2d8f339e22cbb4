//! Organisations taking part in each joint project.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::create_index;
use crate::m20260101_000004_create_joint_project::JointProject;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum JointProjectOrganization {
    Table,
    ProjectId,
    Organization,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JointProjectOrganization::Table)
                    .col(string_len(JointProjectOrganization::ProjectId, 32))
                    .col(string_len(JointProjectOrganization::Organization, 16))
                    .primary_key(
                        Index::create()
                            .col(JointProjectOrganization::ProjectId)
                            .col(JointProjectOrganization::Organization),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_joint_project_organization_project_id")
                            .from(
                                JointProjectOrganization::Table,
                                JointProjectOrganization::ProjectId,
                            )
                            .to(JointProject::Table, JointProject::Id),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            JointProjectOrganization::Table,
            JointProjectOrganization::Organization,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(JointProjectOrganization::Table)
                    .to_owned(),
            )
            .await
    }
}
