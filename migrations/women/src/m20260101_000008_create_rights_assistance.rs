//! The federation's rights-assistance records on labour-dispute cases owned by `unions`.
//! `dispute_id` points into the unions database, so it carries an index but no foreign key.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_create_women_organization::WomenOrganization;
use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RightsAssistance {
    Table,
    Id,
    DisputeId,
    /// The women's organisation that gave the assistance (its region is the record's).
    OrganizationId,
    Kind,
    Note,
    AssistedOn,
    RecordedBy,
    RecordedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(RightsAssistance::Table)
            .col(string_len(RightsAssistance::Id, 32).primary_key())
            .col(string_len(RightsAssistance::DisputeId, 32))
            .col(string_len(RightsAssistance::OrganizationId, 32))
            .col(string_len(RightsAssistance::Kind, 32))
            .col(text(RightsAssistance::Note))
            .col(date(RightsAssistance::AssistedOn))
            .col(string_len(RightsAssistance::RecordedBy, 64))
            .col(timestamp_with_time_zone(RightsAssistance::RecordedAt))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_rights_assistance_organization_id")
                    .from(RightsAssistance::Table, RightsAssistance::OrganizationId)
                    .to(WomenOrganization::Table, WomenOrganization::Id),
            );
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, RightsAssistance::Table).await?;
        for column in [
            RightsAssistance::DisputeId,
            RightsAssistance::OrganizationId,
            RightsAssistance::Kind,
        ] {
            create_index(manager, RightsAssistance::Table, column).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RightsAssistance::Table).to_owned())
            .await
    }
}
