//! Family-education services and activities (家庭教育服务): the women's implementation of
//! the cross-organisation `Activity`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::regional::{add_region_columns, create_index, create_region_indexes};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum FamilyEducationActivity {
    Table,
    Id,
    Title,
    Kind,
    HeldOn,
    ParticipantCount,
    /// The women's home that ran it, when one did.
    WomensHomeId,
    ServiceCenterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(FamilyEducationActivity::Table)
            .col(string_len(FamilyEducationActivity::Id, 32).primary_key())
            .col(string_len(FamilyEducationActivity::Title, 200))
            .col(string_len(FamilyEducationActivity::Kind, 32))
            .col(date(FamilyEducationActivity::HeldOn))
            .col(integer(FamilyEducationActivity::ParticipantCount))
            .col(string_len_null(FamilyEducationActivity::WomensHomeId, 32))
            .col(string_len_null(
                FamilyEducationActivity::ServiceCenterId,
                32,
            ));
        add_region_columns(&mut table);
        manager.create_table(table).await?;
        create_region_indexes(manager, FamilyEducationActivity::Table).await?;
        for column in [
            FamilyEducationActivity::Kind,
            FamilyEducationActivity::HeldOn,
            FamilyEducationActivity::WomensHomeId,
            FamilyEducationActivity::ServiceCenterId,
        ] {
            create_index(manager, FamilyEducationActivity::Table, column).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(FamilyEducationActivity::Table)
                    .to_owned(),
            )
            .await
    }
}
