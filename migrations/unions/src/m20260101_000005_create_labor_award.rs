//! May Day labour awards (五一劳动奖状/奖章): the unions' implementation of the
//! cross-organisation `Award`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum LaborAward {
    Table,
    Id,
    /// CERTIFICATE (奖状, to a collective) or MEDAL (奖章, to a person).
    Kind,
    Title,
    /// The honoured collective, or the honoured person's workplace (public).
    RecipientUnit,
    /// The honoured person (medals only): personal data.
    RecipientPerson,
    Year,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(LaborAward::Table)
            .col(string_len(LaborAward::Id, 32).primary_key())
            .col(string_len(LaborAward::Kind, 16))
            .col(string_len(LaborAward::Title, 200))
            .col(string_len(LaborAward::RecipientUnit, 200))
            .col(string_len_null(LaborAward::RecipientPerson, 64))
            .col(integer(LaborAward::Year));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, LaborAward::Table).await?;
        create_index(manager, LaborAward::Table, LaborAward::Kind).await?;
        create_index(manager, LaborAward::Table, LaborAward::Year).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LaborAward::Table).to_owned())
            .await
    }
}
