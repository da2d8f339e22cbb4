//! Per-region figures. The figures of one table are computed together (one `GROUP BY` per
//! region level in a batch of regions, via the kit's `aggregate_by_region`), so asking for
//! many regions and several figures of a table costs a constant number of statements.

use std::collections::HashMap;

use quntuan_kit::{ApiResult, aggregate_by_region};
use sea_orm::ConnectionTrait;

/// The tables figures are counted on; each is aggregated in one pass.
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
    fn table(self) -> &'static str {
        match self {
            FigureTable::Organizations => "women_organization",
            FigureTable::WomensHomes => "womens_home",
            FigureTable::ChildrensHomes => "childrens_home",
            FigureTable::SocialOrganizations => "women_social_organization",
            FigureTable::Officers => "women_officer",
            FigureTable::Awards => "red_banner_collective",
            FigureTable::Activities => "family_education_activity",
            FigureTable::Assistance => "rights_assistance",
        }
    }

    /// SQL measures, written here in code (never from input).
    fn measures(self) -> &'static [&'static str] {
        const COUNT: &str = "COUNT(*)";
        match self {
            FigureTable::Organizations => &[COUNT, "SUM(member_count)"],
            FigureTable::ChildrensHomes => &[COUNT, "SUM(capacity)"],
            FigureTable::SocialOrganizations => &[COUNT, "SUM(funding_yuan)"],
            FigureTable::Officers => &[
                COUNT,
                "SUM(CASE WHEN role = 'CHAIR' THEN 1 ELSE 0 END)",
                "SUM(CASE WHEN role = 'VICE_CHAIR' THEN 1 ELSE 0 END)",
                "SUM(CASE WHEN role = 'EXECUTIVE_MEMBER' THEN 1 ELSE 0 END)",
            ],
            FigureTable::Activities => &[COUNT, "SUM(participant_count)"],
            FigureTable::Assistance => &[COUNT, "COUNT(DISTINCT dispute_id)"],
            FigureTable::WomensHomes | FigureTable::Awards => &[COUNT],
        }
    }
}

/// The measures of `table` for each of `codes`; codes that are not division codes are
/// absent, regions without rows get zeros.
pub async fn by_region<C: ConnectionTrait>(
    db: &C,
    table: FigureTable,
    codes: &[String],
) -> ApiResult<HashMap<String, Vec<i64>>> {
    Ok(aggregate_by_region(db, table.table(), table.measures(), None, codes).await?)
}
