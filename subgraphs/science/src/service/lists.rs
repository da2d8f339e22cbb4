//! Filtered, paginated listings. Each returns the total over all pages and one page,
//! ordered by id so pages are stable.

use async_graphql::{ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::Filters;

use crate::entity::{association, award, event, workstation};
use crate::ids;

/// Filters of `scienceAssociations`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct ScienceAssociationFilter {
    /// A division code: the city, a district, street or community (and everything below).
    pub region_code: Option<String>,
    /// `企业科协` or `事业单位科协`.
    pub kind: Option<String>,
    /// 智能制造, 生物医药, 电子信息, 现代农业, 新材料 or 绿色低碳.
    pub industry: Option<String>,
    /// Part of the association's name.
    pub name_contains: Option<String>,
}

/// Filters of `scienceWorkstations`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct ScienceWorkstationFilter {
    pub region_code: Option<String>,
    /// `院士工作站` or `专家工作站`.
    pub kind: Option<String>,
    /// The research field, e.g. 生物医药.
    pub field: Option<String>,
}

/// Filters of `scienceActivities`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct ScienceActivityFilter {
    pub region_code: Option<String>,
    /// 科普讲座, 科技周展览, 青少年科创营 or 科普进社区.
    pub kind: Option<String>,
    pub held_from: Option<NaiveDate>,
    pub held_to: Option<NaiveDate>,
    /// Events run by one association (`science-unit-000042`).
    pub association_id: Option<ID>,
}

/// Filters of `scienceAwards`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct ScienceAwardFilter {
    pub region_code: Option<String>,
    pub year: Option<i32>,
}

quntuan_kit::paged_lists! {
    pub(crate) fn associations(filter: &ScienceAssociationFilter) -> association::Entity {
        use association::Column as A;
        move |select| {
            select
                .equal(A::Kind, filter.kind.clone())
                .equal(A::Industry, filter.industry.clone())
                .containing(A::Name, filter.name_contains.as_deref())
        }
    }

    pub(crate) fn workstations(filter: &ScienceWorkstationFilter) -> workstation::Entity {
        use workstation::Column as W;
        move |select| {
            select
                .equal(W::Kind, filter.kind.clone())
                .equal(W::Field, filter.field.clone())
        }
    }

    pub(crate) fn activities(filter: &ScienceActivityFilter) -> event::Entity {
        use event::Column as E;
        let association =
            ids::ASSOCIATION.parse_optional("associationId", filter.association_id.as_ref())?;
        move |select| {
            select
                .equal(E::Kind, filter.kind.clone())
                .between(E::HeldOn, filter.held_from, filter.held_to)
                .equal(E::AssociationId, association)
        }
    }

    pub(crate) fn awards(filter: &ScienceAwardFilter) -> award::Entity {
        |select| select.equal(award::Column::Year, filter.year)
    }
}
