//! Filtered, paginated listings. Each returns the total over all pages and one page,
//! ordered by id so pages are stable.

use async_graphql::ID;
use chrono::NaiveDate;

use crate::entity::{association, award, event, workstation};
use crate::ids;

quntuan_kit::list_filter! {
    /// Filters of `scienceAssociations`.
    pub struct ScienceAssociationFilter {
        /// A division code: the city, a district, street or community (and everything below).
        region_code,
        /// `企业科协` or `事业单位科协`.
        kind: String => equal Kind,
        /// 智能制造, 生物医药, 电子信息, 现代农业, 新材料 or 绿色低碳.
        industry: String => equal Industry,
        /// Part of the association's name.
        name_contains: String => containing Name,
    }
    pub(crate) fn associations() -> association;
}

quntuan_kit::list_filter! {
    /// Filters of `scienceWorkstations`.
    pub struct ScienceWorkstationFilter {
        region_code,
        /// `院士工作站` or `专家工作站`.
        kind: String => equal Kind,
        /// The research field, e.g. 生物医药.
        field: String => equal Field,
    }
    pub(crate) fn workstations() -> workstation;
}

quntuan_kit::list_filter! {
    /// Filters of `scienceActivities`.
    pub struct ScienceActivityFilter {
        region_code,
        /// 科普讲座, 科技周展览, 青少年科创营 or 科普进社区.
        kind: String => equal Kind,
        held_from: NaiveDate => at_least HeldOn,
        held_to: NaiveDate => at_most HeldOn,
        /// Events run by one association (`science-unit-000042`).
        association_id: ID => equal AssociationId by ids::ASSOCIATION ["associationId"],
    }
    pub(crate) fn activities() -> event;
}

quntuan_kit::list_filter! {
    /// Filters of `scienceAwards`.
    pub struct ScienceAwardFilter {
        region_code,
        year: i32 => equal Year,
    }
    pub(crate) fn awards() -> award;
}
