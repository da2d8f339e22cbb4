//! Federation officers: chairs, vice-chairs and executive members of women's
//! organisations. Name, ID number and phone are personal data.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20260101_000001_create_women_organization::WomenOrganization;
use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum WomenOfficer {
    Table,
    Id,
    OrganizationId,
    /// CHAIR, VICE_CHAIR or EXECUTIVE_MEMBER.
    Role,
    Name,
    IdNumber,
    Phone,
    TermStartedOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(WomenOfficer::Table)
            .col(string_len(WomenOfficer::Id, 32).primary_key())
            .col(string_len(WomenOfficer::OrganizationId, 32))
            .col(string_len(WomenOfficer::Role, 32))
            .col(string_len(WomenOfficer::Name, 64))
            .col(string_len(WomenOfficer::IdNumber, 18))
            .col(string_len(WomenOfficer::Phone, 20))
            .col(date(WomenOfficer::TermStartedOn))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_women_officer_organization_id")
                    .from(WomenOfficer::Table, WomenOfficer::OrganizationId)
                    .to(WomenOrganization::Table, WomenOrganization::Id),
            );
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, WomenOfficer::Table).await?;
        create_index(manager, WomenOfficer::Table, WomenOfficer::OrganizationId).await?;
        create_index(manager, WomenOfficer::Table, WomenOfficer::Role).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(WomenOfficer::Table).to_owned())
            .await
    }
}
