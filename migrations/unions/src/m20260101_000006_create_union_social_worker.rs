//! Socialised union workers (社会化工会工作者); name, ID number and phone are personal data.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_create_grassroots_union::GrassrootsUnion;
use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum UnionSocialWorker {
    Table,
    Id,
    Name,
    IdNumber,
    Phone,
    Specialty,
    HiredOn,
    UnionId,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(UnionSocialWorker::Table)
            .col(string_len(UnionSocialWorker::Id, 32).primary_key())
            .col(string_len(UnionSocialWorker::Name, 64))
            .col(string_len(UnionSocialWorker::IdNumber, 18))
            .col(string_len(UnionSocialWorker::Phone, 20))
            .col(string_len(UnionSocialWorker::Specialty, 32))
            .col(date(UnionSocialWorker::HiredOn))
            .col(string_len_null(UnionSocialWorker::UnionId, 32))
            .col(string_len_null(UnionSocialWorker::ServiceCenterId, 32))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_union_social_worker_union_id")
                    .from(UnionSocialWorker::Table, UnionSocialWorker::UnionId)
                    .to(GrassrootsUnion::Table, GrassrootsUnion::Id),
            );
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, UnionSocialWorker::Table).await?;
        for column in [
            UnionSocialWorker::Specialty,
            UnionSocialWorker::UnionId,
            UnionSocialWorker::ServiceCenterId,
        ] {
            create_index(manager, UnionSocialWorker::Table, column).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(UnionSocialWorker::Table).to_owned())
            .await
    }
}
