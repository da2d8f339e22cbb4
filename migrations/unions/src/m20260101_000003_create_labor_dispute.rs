//! Labour-dispute cases (劳动纠纷) under one-stop mediation; the status moves by mutations.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_create_grassroots_union::GrassrootsUnion;
use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum LaborDispute {
    Table,
    Id,
    CaseNumber,
    Title,
    Category,
    WorkerCount,
    AmountClaimedYuan,
    Status,
    ReceivedOn,
    UpdatedAt,
    ClaimantName,
    ClaimantPhone,
    ClaimantIdNumber,
    UnionId,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(LaborDispute::Table)
            .col(string_len(LaborDispute::Id, 32).primary_key())
            .col(string_len_uniq(LaborDispute::CaseNumber, 32))
            .col(string_len(LaborDispute::Title, 200))
            .col(string_len(LaborDispute::Category, 32))
            .col(integer(LaborDispute::WorkerCount))
            .col(big_integer(LaborDispute::AmountClaimedYuan))
            .col(string_len(LaborDispute::Status, 32))
            .col(date(LaborDispute::ReceivedOn))
            .col(timestamp_with_time_zone(LaborDispute::UpdatedAt))
            .col(string_len(LaborDispute::ClaimantName, 64))
            .col(string_len(LaborDispute::ClaimantPhone, 20))
            .col(string_len(LaborDispute::ClaimantIdNumber, 18))
            .col(string_len_null(LaborDispute::UnionId, 32))
            .col(string_len_null(LaborDispute::ServiceCenterId, 32))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_labor_dispute_union_id")
                    .from(LaborDispute::Table, LaborDispute::UnionId)
                    .to(GrassrootsUnion::Table, GrassrootsUnion::Id),
            );
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, LaborDispute::Table).await?;
        for column in [
            LaborDispute::Category,
            LaborDispute::Status,
            LaborDispute::ReceivedOn,
            LaborDispute::UnionId,
            LaborDispute::ServiceCenterId,
        ] {
            create_index(manager, LaborDispute::Table, column).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LaborDispute::Table).to_owned())
            .await
    }
}
