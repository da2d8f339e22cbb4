//! Per-region figures, read from the `women_region_figures` summary (the kit's
//! [`RegionSummary`]): one row per region code, filled by the seed (and on start when the
//! table is new), kept current by the mutations inside their own transactions
//! ([`record_assistance`]), so `Region.women` reads a few rows in one statement. The live
//! aggregate over the tables ([`RegionSummary::live`]) is what the summary must always
//! equal (the tests' oracle).

use quntuan_kit::summary::{RegionSummary, SummarySource, region_and_above};
use quntuan_kit::{ApiResult, RegionRef};
use quntuan_women_migration::FIGURE_COLUMNS;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::model::rights_assistance;

/// The summary and what each table adds to it (SQL written here in code, never from input).
pub const SUMMARY: RegionSummary = RegionSummary {
    table: "women_region_figures",
    columns: &FIGURE_COLUMNS,
    sources: &[
        SummarySource {
            table: "women_organization",
            measures: &[
                ("organization_count", "COUNT(*)"),
                ("member_count", "SUM(member_count)"),
            ],
        },
        SummarySource {
            table: "womens_home",
            measures: &[("womens_home_count", "COUNT(*)")],
        },
        SummarySource {
            table: "childrens_home",
            measures: &[
                ("childrens_home_count", "COUNT(*)"),
                ("childrens_home_capacity", "SUM(capacity)"),
            ],
        },
        SummarySource {
            table: "women_social_organization",
            measures: &[
                ("social_organization_count", "COUNT(*)"),
                ("social_organization_funding_yuan", "SUM(funding_yuan)"),
            ],
        },
        SummarySource {
            table: "women_officer",
            measures: &[
                ("officer_count", "COUNT(*)"),
                (
                    "chair_count",
                    "SUM(CASE WHEN role = 'CHAIR' THEN 1 ELSE 0 END)",
                ),
                (
                    "vice_chair_count",
                    "SUM(CASE WHEN role = 'VICE_CHAIR' THEN 1 ELSE 0 END)",
                ),
                (
                    "executive_member_count",
                    "SUM(CASE WHEN role = 'EXECUTIVE_MEMBER' THEN 1 ELSE 0 END)",
                ),
            ],
        },
        SummarySource {
            table: "red_banner_collective",
            measures: &[("red_banner_collective_count", "COUNT(*)")],
        },
        SummarySource {
            table: "family_education_activity",
            measures: &[
                ("activity_count", "COUNT(*)"),
                ("activity_participant_count", "SUM(participant_count)"),
            ],
        },
        SummarySource {
            table: "rights_assistance",
            measures: &[
                ("rights_assistance_count", "COUNT(*)"),
                ("assisted_dispute_count", "COUNT(DISTINCT dispute_id)"),
            ],
        },
    ],
    distinct: &["assisted_dispute_count"],
};

/// The tables figures are counted on; `Region.women` reads each one's figures together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureTable {
    /// `[organisations, members]`
    Organizations,
    /// `[women's homes]`
    WomensHomes,
    /// `[children's homes, places]`
    ChildrensHomes,
    /// `[supported social organisations, funding]`
    SocialOrganizations,
    /// `[officers, chairs, vice-chairs, executive members]`
    Officers,
    /// `[Red Banner collectives]`
    Awards,
    /// `[activities, participants]`
    Activities,
    /// `[assistance records, cases assisted]`
    Assistance,
}

impl FigureTable {
    /// Where this table's figures sit among the summary's columns: the measures of its
    /// source (the variants are in the order of the summary's sources).
    pub fn columns(self) -> std::ops::Range<usize> {
        SUMMARY.source_columns(self as usize)
    }
}

/// The summary's upkeep for a rights-assistance record about to be inserted in `region` on
/// `dispute_id`: one more record everywhere it counts, and one more assisted case in the
/// regions where no record on that case was counted yet. Run it in the inserting
/// transaction, after `lock_for_inserts("rights_assistance")`.
pub(crate) async fn record_assistance<C: ConnectionTrait>(
    db: &C,
    region: &RegionRef,
    dispute_id: &str,
) -> ApiResult<()> {
    use rights_assistance::Column;
    let earlier: Vec<(String, String, String)> = rights_assistance::Entity::find()
        .select_only()
        .column(Column::RegionCode)
        .column(Column::StreetCode)
        .column(Column::DistrictCode)
        .filter(Column::DisputeId.eq(dispute_id))
        .into_tuple()
        .all(db)
        .await?;
    let new_for: Vec<&str> = region_and_above(region)
        .into_iter()
        .enumerate()
        .filter(|(level, code)| {
            !earlier
                .iter()
                .any(|(community, street, district)| match level {
                    0 => true, // the city already counts the case
                    1 => district == code,
                    2 => street == code,
                    _ => community == code,
                })
        })
        .map(|(_, code)| code)
        .collect();
    SUMMARY
        .add(db, region, &[("rights_assistance_count", 1)])
        .await?;
    SUMMARY
        .add_to(db, &new_for, &[("assisted_dispute_count", 1)])
        .await?;
    Ok(())
}
