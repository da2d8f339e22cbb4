//! The region hierarchy (city, districts, streets, communities) owned by hub.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::create_index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Region {
    Table,
    Code,
    Name,
    Level,
    ParentCode,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Region::Table)
                    .col(string_len(Region::Code, 12).primary_key())
                    .col(string_len(Region::Name, 100))
                    .col(string_len(Region::Level, 16))
                    .col(string_len_null(Region::ParentCode, 12))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_region_parent_code")
                            .from(Region::Table, Region::ParentCode)
                            .to(Region::Table, Region::Code),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(manager, Region::Table, Region::Level).await?;
        create_index(manager, Region::Table, Region::ParentCode).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Region::Table).to_owned())
            .await
    }
}
