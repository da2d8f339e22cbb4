//! Per-region figures computed live from the tables. The figures of one table are computed
//! together (one `GROUP BY` per region level in a batch of regions, via the kit's
//! `aggregate_by_region`). `Region.unions` reads the per-region summary instead
//! (`service::summary`); this aggregate defines what the summary must equal, and the
//! tests compare the two.

use std::collections::HashMap;

use quntuan_kit::{ApiResult, aggregate_by_region};
use sea_orm::{ConnectionTrait, Iterable};

use crate::model::status::LaborDisputeStatus;

/// The tables figures are counted on; each is aggregated in one pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureTable {
    /// `[unions, members]`
    GrassrootsUnions,
    /// `[homes, model homes, national, provincial, city]`
    WorkersHomes,
    /// `[cases, then one count per status in workflow order]`
    Disputes,
    /// `[awards, certificates, medals]`
    Awards,
    /// `[social workers]`
    SocialWorkers,
    /// `[craftsmen]`
    Craftsmen,
    /// `[labour-sector social organisations]`
    LaborSocialOrganizations,
    /// `[activities, participants]`
    Activities,
}

impl FigureTable {
    fn table(self) -> &'static str {
        match self {
            FigureTable::GrassrootsUnions => "grassroots_union",
            FigureTable::WorkersHomes => "workers_home",
            FigureTable::Disputes => "labor_dispute",
            FigureTable::Awards => "labor_award",
            FigureTable::SocialWorkers => "union_social_worker",
            FigureTable::Craftsmen => "craftsman",
            FigureTable::LaborSocialOrganizations => "labor_social_organization",
            FigureTable::Activities => "union_activity",
        }
    }

    /// SQL measures, written here in code (never from input).
    fn measures(self) -> Vec<String> {
        let count = "COUNT(*)".to_string();
        let when = |condition: &str| format!("SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)");
        match self {
            FigureTable::GrassrootsUnions => vec![count, "SUM(member_count)".to_string()],
            FigureTable::WorkersHomes => vec![
                count,
                when("model_level IS NOT NULL"),
                when("model_level = 'NATIONAL'"),
                when("model_level = 'PROVINCIAL'"),
                when("model_level = 'CITY'"),
            ],
            FigureTable::Disputes => std::iter::once(count)
                .chain(
                    LaborDisputeStatus::iter()
                        .map(|status| when(&format!("status = '{}'", status.as_str()))),
                )
                .collect(),
            FigureTable::Awards => {
                vec![count, when("kind = 'CERTIFICATE'"), when("kind = 'MEDAL'")]
            }
            FigureTable::Activities => vec![count, "SUM(participant_count)".to_string()],
            FigureTable::SocialWorkers
            | FigureTable::Craftsmen
            | FigureTable::LaborSocialOrganizations => vec![count],
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
    let measures = table.measures();
    let measures: Vec<&str> = measures.iter().map(String::as_str).collect();
    Ok(aggregate_by_region(db, table.table(), &measures, None, codes).await?)
}

/// Position of a status's count in the [`FigureTable::Disputes`] measures.
pub fn dispute_status_index(status: LaborDisputeStatus) -> usize {
    1 + LaborDisputeStatus::iter()
        .position(|s| s == status)
        .unwrap_or(0)
}
