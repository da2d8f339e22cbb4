//! Service-hour logs of youth volunteers, stored in whole minutes so sums are exact.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};
use crate::m20250101_000003_create_youth_volunteers::YouthVolunteers;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum YouthServiceLogs {
    Table,
    Id,
    VolunteerId,
    ServedOn,
    Minutes,
    Description,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(YouthServiceLogs::Table)
            .col(big_pk_auto(YouthServiceLogs::Id))
            .col(big_integer(YouthServiceLogs::VolunteerId))
            .col(date(YouthServiceLogs::ServedOn))
            .col(integer(YouthServiceLogs::Minutes))
            .col(string(YouthServiceLogs::Description))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_youth_service_logs_volunteer_id")
                    .from(YouthServiceLogs::Table, YouthServiceLogs::VolunteerId)
                    .to(YouthVolunteers::Table, YouthVolunteers::Id)
                    .on_delete(ForeignKeyAction::Cascade),
            );
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(
            manager,
            YouthServiceLogs::Table,
            YouthServiceLogs::VolunteerId,
        )
        .await?;
        create_index(manager, YouthServiceLogs::Table, YouthServiceLogs::ServedOn).await?;
        create_region_indexes(manager, YouthServiceLogs::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(YouthServiceLogs::Table).to_owned())
            .await
    }
}
