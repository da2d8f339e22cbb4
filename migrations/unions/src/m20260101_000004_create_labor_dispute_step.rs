//! The recorded steps of each labour-dispute case: one row per status change.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000003_create_labor_dispute::LaborDispute;
use crate::regional::{create_index, create_unique_index};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum LaborDisputeStep {
    Table,
    Id,
    DisputeId,
    /// 1 for the receipt, then 2, 3, ...; unique per case so two concurrent writers cannot
    /// both record "the next" step.
    Seq,
    FromStatus,
    ToStatus,
    Note,
    RecordedBy,
    RecordedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LaborDisputeStep::Table)
                    .col(big_pk_auto(LaborDisputeStep::Id))
                    .col(string_len(LaborDisputeStep::DisputeId, 32))
                    .col(integer(LaborDisputeStep::Seq))
                    .col(string_len_null(LaborDisputeStep::FromStatus, 32))
                    .col(string_len(LaborDisputeStep::ToStatus, 32))
                    .col(text(LaborDisputeStep::Note))
                    .col(string_len(LaborDisputeStep::RecordedBy, 64))
                    .col(timestamp_with_time_zone(LaborDisputeStep::RecordedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_labor_dispute_step_dispute_id")
                            .from(LaborDisputeStep::Table, LaborDisputeStep::DisputeId)
                            .to(LaborDispute::Table, LaborDispute::Id),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            LaborDisputeStep::Table,
            LaborDisputeStep::DisputeId,
        )
        .await?;
        create_index(manager, LaborDisputeStep::Table, LaborDisputeStep::ToStatus).await?;
        create_unique_index(
            manager,
            LaborDisputeStep::Table,
            "dispute_seq",
            [LaborDisputeStep::DisputeId, LaborDisputeStep::Seq],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LaborDisputeStep::Table).to_owned())
            .await
    }
}
