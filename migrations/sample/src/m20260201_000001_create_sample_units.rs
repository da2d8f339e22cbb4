//! The organisation's grassroots units: the one record type of the template. Every
//! organisation table carries `region_code` (community or street) and the denormalised
//! `street_code` and `district_code`, each indexed, so a region filter is one comparison.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SampleUnits {
    Table,
    Id,
    Name,
    Kind,
    MemberCount,
    FoundedOn,
    RegionCode,
    StreetCode,
    DistrictCode,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SampleUnits::Table)
                    .col(big_pk_auto(SampleUnits::Id))
                    .col(string(SampleUnits::Name))
                    .col(string(SampleUnits::Kind))
                    .col(integer(SampleUnits::MemberCount))
                    .col(date(SampleUnits::FoundedOn))
                    .col(string_len(SampleUnits::RegionCode, 12))
                    .col(string_len(SampleUnits::StreetCode, 9))
                    .col(string_len(SampleUnits::DistrictCode, 6))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("region_code", SampleUnits::RegionCode),
            ("street_code", SampleUnits::StreetCode),
            ("district_code", SampleUnits::DistrictCode),
            ("kind", SampleUnits::Kind),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(format!("idx_sample_units_{name}"))
                        .table(SampleUnits::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SampleUnits::Table).to_owned())
            .await
    }
}
