//! Government departments taking part in each joint project.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::create_index;
use crate::m20260101_000004_create_joint_project::JointProject;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum JointProjectDepartment {
    Table,
    ProjectId,
    Department,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JointProjectDepartment::Table)
                    .col(string_len(JointProjectDepartment::ProjectId, 32))
                    .col(string_len(JointProjectDepartment::Department, 100))
                    .primary_key(
                        Index::create()
                            .col(JointProjectDepartment::ProjectId)
                            .col(JointProjectDepartment::Department),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_joint_project_department_project_id")
                            .from(
                                JointProjectDepartment::Table,
                                JointProjectDepartment::ProjectId,
                            )
                            .to(JointProject::Table, JointProject::Id),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            JointProjectDepartment::Table,
            JointProjectDepartment::Department,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(JointProjectDepartment::Table)
                    .to_owned(),
            )
            .await
    }
}
