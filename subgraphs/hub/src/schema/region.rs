//! `Region @key(fields: "code")`, owned by hub.

use async_graphql::{Context, Enum, Object};
use quntuan_kit::ApiError;

use super::{known, loaders};
use crate::entities::region;

/// Level in the county – street – community service system.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "quntuan_kit::RegionLevel")]
pub enum RegionLevel {
    City,
    District,
    Street,
    Community,
}

/// An administrative region: the city 成都市, a county-level division, a street/town or a
/// community/village. Each organisation subgraph adds its figures (`unions`, `youth`, ...).
pub struct Region {
    code: String,
    /// Loaded already (lists, entity resolution) or fetched through the loader on demand.
    row: Option<region::Model>,
}

impl Region {
    pub(crate) fn from_row(row: region::Model) -> Region {
        Region {
            code: row.code.clone(),
            row: Some(row),
        }
    }

    /// The region `code` names, through the region loader; `None` when there is none.
    pub(crate) async fn load(
        ctx: &Context<'_>,
        code: String,
    ) -> async_graphql::Result<Option<Region>> {
        Ok(loaders(ctx)?
            .regions
            .load_one(code)
            .await?
            .map(Region::from_row))
    }

    /// A reference by code; fields load through the region loader in one batch.
    pub(crate) fn by_code(code: impl Into<String>) -> Region {
        Region {
            code: code.into(),
            row: None,
        }
    }

    async fn row(&self, ctx: &Context<'_>) -> async_graphql::Result<region::Model> {
        if let Some(row) = &self.row {
            return Ok(row.clone());
        }
        loaders(ctx)?
            .regions
            .load_one(self.code.clone())
            .await?
            .ok_or_else(|| ApiError::not_found("region", &self.code).into())
    }
}

#[Object]
impl Region {
    /// Division code: 6 digits (city, districts), 9 (streets), 12 (communities).
    async fn code(&self) -> &str {
        &self.code
    }

    async fn name(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(self.row(ctx).await?.name)
    }

    async fn level(&self, ctx: &Context<'_>) -> async_graphql::Result<RegionLevel> {
        let row = self.row(ctx).await?;
        let level = quntuan_kit::RegionLevel::from_stored(&row.level);
        known(level.map(RegionLevel::from), "region level", &row.level)
    }

    /// The region one level up; null for the city.
    async fn parent(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Region>> {
        Ok(self.row(ctx).await?.parent_code.map(Region::by_code))
    }

    /// The regions one level down, by code.
    async fn children(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Region>> {
        let rows = loaders(ctx)?
            .children
            .load_one(self.code.clone())
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(Region::from_row).collect())
    }
}
