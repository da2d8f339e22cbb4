//! Science-popularisation events (科普活动), optionally run by an association or at a shared
//! service centre.

use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{create_index, create_region_indexes, with_region_columns};
use crate::m20250101_000001_create_science_associations::ScienceAssociations;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum ScienceEvents {
    Table,
    Id,
    Title,
    Kind,
    HeldOn,
    ParticipantCount,
    AssociationId,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(ScienceEvents::Table)
            .col(big_pk_auto(ScienceEvents::Id))
            .col(string(ScienceEvents::Title))
            .col(string_len(ScienceEvents::Kind, 32))
            .col(date(ScienceEvents::HeldOn))
            .col(integer(ScienceEvents::ParticipantCount))
            .col(big_integer_null(ScienceEvents::AssociationId))
            .col(string_len_null(ScienceEvents::ServiceCenterId, 64))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_science_events_association_id")
                    .from(ScienceEvents::Table, ScienceEvents::AssociationId)
                    .to(ScienceAssociations::Table, ScienceAssociations::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        with_region_columns(&mut table);
        manager.create_table(table).await?;
        create_index(manager, ScienceEvents::Table, ScienceEvents::Kind).await?;
        create_index(manager, ScienceEvents::Table, ScienceEvents::HeldOn).await?;
        create_index(manager, ScienceEvents::Table, ScienceEvents::AssociationId).await?;
        create_index(
            manager,
            ScienceEvents::Table,
            ScienceEvents::ServiceCenterId,
        )
        .await?;
        create_region_indexes(manager, ScienceEvents::Table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ScienceEvents::Table).to_owned())
            .await
    }
}
