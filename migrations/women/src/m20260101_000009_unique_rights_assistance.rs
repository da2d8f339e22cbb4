//! One organisation records one kind of assistance on a case once per day: a unique index,
//! so two concurrent identical records cannot both be written.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RightsAssistance {
    Table,
    DisputeId,
    OrganizationId,
    Kind,
    AssistedOn,
}

const INDEX: &str = "uq_rights_assistance_visit";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(RightsAssistance::Table)
                    .col(RightsAssistance::DisputeId)
                    .col(RightsAssistance::OrganizationId)
                    .col(RightsAssistance::Kind)
                    .col(RightsAssistance::AssistedOn)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(RightsAssistance::Table)
                    .to_owned(),
            )
            .await
    }
}
