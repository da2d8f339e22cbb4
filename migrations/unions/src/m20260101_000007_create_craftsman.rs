//! Craftsmen (工匠) honoured by the unions; name and phone are personal data.

use sea_orm_migration::{prelude::*, schema::*};

use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Craftsman {
    Table,
    Id,
    Name,
    Phone,
    Trade,
    /// CITY (成都工匠) or DISTRICT (区县工匠).
    Level,
    Employer,
    HonouredYear,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(Craftsman::Table)
            .col(string_len(Craftsman::Id, 32).primary_key())
            .col(string_len(Craftsman::Name, 64))
            .col(string_len(Craftsman::Phone, 20))
            .col(string_len(Craftsman::Trade, 64))
            .col(string_len(Craftsman::Level, 16))
            .col(string_len(Craftsman::Employer, 200))
            .col(integer(Craftsman::HonouredYear));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, Craftsman::Table).await?;
        for column in [Craftsman::Trade, Craftsman::Level, Craftsman::HonouredYear] {
            create_index(manager, Craftsman::Table, column).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Craftsman::Table).to_owned())
            .await
    }
}
