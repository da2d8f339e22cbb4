//! Union activities: themed lecture events (主题宣讲), the unions' implementation of the
//! cross-organisation `Activity`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum UnionActivity {
    Table,
    Id,
    Title,
    Kind,
    HeldOn,
    ParticipantCount,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(UnionActivity::Table)
            .col(string_len(UnionActivity::Id, 32).primary_key())
            .col(string_len(UnionActivity::Title, 200))
            .col(string_len(UnionActivity::Kind, 32))
            .col(date(UnionActivity::HeldOn))
            .col(integer(UnionActivity::ParticipantCount))
            .col(string_len_null(UnionActivity::ServiceCenterId, 32));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, UnionActivity::Table).await?;
        for column in [
            UnionActivity::Kind,
            UnionActivity::HeldOn,
            UnionActivity::ServiceCenterId,
        ] {
            create_index(manager, UnionActivity::Table, column).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(UnionActivity::Table).to_owned())
            .await
    }
}
