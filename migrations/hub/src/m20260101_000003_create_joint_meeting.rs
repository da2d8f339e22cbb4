//! Joint meetings of the five organisations: monthly work meetings, quarterly reform-project
//! meetings, the annual seminar; at city or district level.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::create_index;
use crate::m20260101_000002_create_service_center::ServiceCenter;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum JointMeeting {
    Table,
    Id,
    Title,
    Cadence,
    HeldOn,
    RegionCode,
    HostCenterId,
    Agenda,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JointMeeting::Table)
                    .col(string_len(JointMeeting::Id, 32).primary_key())
                    .col(string_len(JointMeeting::Title, 200))
                    .col(string_len(JointMeeting::Cadence, 16))
                    .col(date(JointMeeting::HeldOn))
                    .col(string_len(JointMeeting::RegionCode, 12))
                    .col(string_len(JointMeeting::HostCenterId, 32))
                    .col(text(JointMeeting::Agenda))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_joint_meeting_host_center_id")
                            .from(JointMeeting::Table, JointMeeting::HostCenterId)
                            .to(ServiceCenter::Table, ServiceCenter::Id),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(manager, JointMeeting::Table, JointMeeting::Cadence).await?;
        create_index(manager, JointMeeting::Table, JointMeeting::HeldOn).await?;
        create_index(manager, JointMeeting::Table, JointMeeting::RegionCode).await?;
        create_index(manager, JointMeeting::Table, JointMeeting::HostCenterId).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(JointMeeting::Table).to_owned())
            .await
    }
}
