//! Satisfaction ratings of the service centres (1 to 5), optionally of one organisation's
//! service there.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::create_index;
use crate::m20260101_000002_create_service_center::ServiceCenter;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum SatisfactionRating {
    Table,
    Id,
    ServiceCenterId,
    Organization,
    Score,
    Comment,
    RatedAt,
    RatedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SatisfactionRating::Table)
                    .col(big_pk_auto(SatisfactionRating::Id))
                    .col(string_len(SatisfactionRating::ServiceCenterId, 32))
                    .col(string_len_null(SatisfactionRating::Organization, 16))
                    .col(small_integer(SatisfactionRating::Score))
                    .col(text_null(SatisfactionRating::Comment))
                    .col(timestamp_with_time_zone(SatisfactionRating::RatedAt))
                    .col(string_len(SatisfactionRating::RatedBy, 100))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_satisfaction_rating_service_center_id")
                            .from(
                                SatisfactionRating::Table,
                                SatisfactionRating::ServiceCenterId,
                            )
                            .to(ServiceCenter::Table, ServiceCenter::Id),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            SatisfactionRating::Table,
            SatisfactionRating::ServiceCenterId,
        )
        .await?;
        create_index(
            manager,
            SatisfactionRating::Table,
            SatisfactionRating::Organization,
        )
        .await?;
        create_index(
            manager,
            SatisfactionRating::Table,
            SatisfactionRating::RatedAt,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SatisfactionRating::Table).to_owned())
            .await
    }
}
