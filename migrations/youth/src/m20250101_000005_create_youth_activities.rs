//! Youth social-scene activities (青年社交场景活动).

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};
use crate::m20250101_000002_create_youth_homes::YouthHomes;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum YouthActivities {
    Table,
    Id,
    Title,
    Kind,
    HeldOn,
    ParticipantCount,
    YouthHomeId,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(YouthActivities::Table)
            .col(big_pk_auto(YouthActivities::Id))
            .col(string(YouthActivities::Title))
            .col(string_len(YouthActivities::Kind, 32))
            .col(date(YouthActivities::HeldOn))
            .col(integer(YouthActivities::ParticipantCount))
            .col(big_integer_null(YouthActivities::YouthHomeId))
            .col(string_len_null(YouthActivities::ServiceCenterId, 64))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_youth_activities_youth_home_id")
                    .from(YouthActivities::Table, YouthActivities::YouthHomeId)
                    .to(YouthHomes::Table, YouthHomes::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(manager, YouthActivities::Table, YouthActivities::Kind).await?;
        create_index(manager, YouthActivities::Table, YouthActivities::HeldOn).await?;
        create_index(
            manager,
            YouthActivities::Table,
            YouthActivities::YouthHomeId,
        )
        .await?;
        create_index(
            manager,
            YouthActivities::Table,
            YouthActivities::ServiceCenterId,
        )
        .await?;
        create_region_indexes(manager, YouthActivities::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(YouthActivities::Table).to_owned())
            .await
    }
}
