//! The youth figures of every region, kept per region code (city, district, street and
//! community alike): `Region.youth` reads one row per region instead of aggregating
//! hundreds of thousands of rows. It is filled here from the rows already there (a database
//! seeded before the summary existed), and by the seed; every mutation adds its increments
//! to the rows of its community, street, district and city in the mutation's transaction,
//! so it always equals the aggregate of the tables.

use sea_orm_migration::{prelude::*, schema::*};

use crate::region_figures::fill_region_figures;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden)]
pub(crate) enum YouthRegionFigures {
    Table,
    /// The region's 6-, 9- or 12-digit division code.
    Code,
    BranchCount,
    MemberCount,
    VolunteerCount,
    /// Service time in whole minutes (as the logs store it), so sums stay exact.
    ServiceMinutes,
    YouthHomeCount,
    ActivityCount,
    ActivityParticipantCount,
    SocialWorkerCount,
    AwardCount,
}

/// The figure columns, in the order `Region.youth` reads them.
const FIGURES: [YouthRegionFigures; 9] = [
    YouthRegionFigures::BranchCount,
    YouthRegionFigures::MemberCount,
    YouthRegionFigures::VolunteerCount,
    YouthRegionFigures::ServiceMinutes,
    YouthRegionFigures::YouthHomeCount,
    YouthRegionFigures::ActivityCount,
    YouthRegionFigures::ActivityParticipantCount,
    YouthRegionFigures::SocialWorkerCount,
    YouthRegionFigures::AwardCount,
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(YouthRegionFigures::Table)
            .col(string_len(YouthRegionFigures::Code, 12).primary_key());
        for figure in FIGURES {
            table.col(big_integer(figure).default(0));
        }
        manager.create_table(table).await?;
        fill_region_figures(manager.get_connection()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(YouthRegionFigures::Table).to_owned())
            .await
    }
}
