//! `disability_region_figures`: the Disabled Persons' Federation's figures of every region
//! (city, district, street and community), one row per region code, filled by the
//! subgraph's seed (see `quntuan_disability::service::figures`; mutations, when the
//! federation has some, add to it in their transactions). An addition: the tables it sums
//! stay as they are. The subgraph fills it on start when it is empty, so a database seeded
//! before this migration answers its real figures.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

const TABLE: &str = "disability_region_figures";

/// The summary's figure columns, in the order `Region.disability` reads them.
pub const FIGURE_COLUMNS: [&str; 7] = [
    "organization_count",
    "member_count",
    "worker_count",
    "registered_person_count",
    "service_count",
    "service_participant_count",
    "award_count",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table.table(Alias::new(TABLE)).col(
            ColumnDef::new(Alias::new("code"))
                .string_len(12)
                .not_null()
                .primary_key(),
        );
        for column in FIGURE_COLUMNS {
            table.col(
                ColumnDef::new(Alias::new(column))
                    .big_integer()
                    .not_null()
                    .default(0),
            );
        }
        manager.create_table(table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Alias::new(TABLE)).to_owned())
            .await
    }
}
