//! `women_region_figures`: the women's federation figures of every region (city, district,
//! street and community), one row per region code, maintained by the subgraph's seed and
//! mutations (see `quntuan_women::service::figures`). An addition: the tables it sums stay
//! as they are. The subgraph fills it on start when it is empty, so a database seeded
//! before this migration answers its real figures.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

const TABLE: &str = "women_region_figures";

/// The summary's figure columns, in the order `Region.women` reads them.
pub const FIGURE_COLUMNS: [&str; 16] = [
    "organization_count",
    "member_count",
    "womens_home_count",
    "childrens_home_count",
    "childrens_home_capacity",
    "social_organization_count",
    "social_organization_funding_yuan",
    "officer_count",
    "chair_count",
    "vice_chair_count",
    "executive_member_count",
    "red_banner_collective_count",
    "activity_count",
    "activity_participant_count",
    "rights_assistance_count",
    "assisted_dispute_count",
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
