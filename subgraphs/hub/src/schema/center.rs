//! `ServiceCenter @key(fields: "id")`: the shared venues, owned by hub.

use async_graphql::{Context, Enum, ID, Object};
use chrono::NaiveDate;
use quntuan_kit::{ApiError, Page};

use super::db;
use super::rating::{SatisfactionRating, SatisfactionRatingConnection};
use super::region::Region;
use crate::entities::service_center;
use crate::service;

/// What kind of venue a service centre is.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceCenterKind {
    /// 成都市一体化枢纽型群团服务中心
    CityHub,
    /// 区（市）县一体化枢纽型群团服务中心
    DistrictHub,
    /// 示范性群团综合服务体验馆 (16 demonstration halls)
    DemonstrationHall,
    /// 街道（镇）党群服务中心
    StreetCenter,
}

impl ServiceCenterKind {
    pub(crate) fn stored(self) -> &'static str {
        match self {
            ServiceCenterKind::CityHub => "CITY_HUB",
            ServiceCenterKind::DistrictHub => "DISTRICT_HUB",
            ServiceCenterKind::DemonstrationHall => "DEMONSTRATION_HALL",
            ServiceCenterKind::StreetCenter => "STREET_CENTER",
        }
    }

    fn from_stored(kind: &str) -> Option<ServiceCenterKind> {
        [
            ServiceCenterKind::CityHub,
            ServiceCenterKind::DistrictHub,
            ServiceCenterKind::DemonstrationHall,
            ServiceCenterKind::StreetCenter,
        ]
        .into_iter()
        .find(|k| k.stored() == kind)
    }
}

/// A shared service venue; each organisation subgraph adds what it runs there.
pub struct ServiceCenter(pub(crate) service_center::Model);

quntuan_kit::connection!(
    /// A page of service centres.
    ServiceCenterConnection,
    ServiceCenter
);

#[Object]
impl ServiceCenter {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn kind(&self) -> async_graphql::Result<ServiceCenterKind> {
        ServiceCenterKind::from_stored(&self.0.kind).ok_or_else(|| {
            ApiError::internal(
                "reading a service centre kind",
                format!("unknown kind `{}`", self.0.kind),
            )
            .into()
        })
    }

    /// The street or community the venue is in.
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    async fn region(&self) -> Region {
        Region::by_code(self.0.region_code.clone())
    }

    async fn opened_on(&self) -> NaiveDate {
        self.0.opened_on
    }

    /// Number of satisfaction ratings received.
    async fn rating_count(&self) -> i64 {
        self.0.rating_count
    }

    /// Mean score (1–5) rounded to two decimals; null before the first rating.
    async fn average_score(&self) -> Option<f64> {
        (self.0.rating_count > 0).then(|| {
            (self.0.rating_sum as f64 / self.0.rating_count as f64 * 100.0).round() / 100.0
        })
    }

    /// Ratings of this venue, newest first.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn ratings(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<SatisfactionRatingConnection> {
        let page = Page::new(limit, offset)?;
        let found = service::centers::ratings(db(ctx)?, &self.0.id, page).await?;
        Ok(SatisfactionRatingConnection::of(found, SatisfactionRating))
    }
}
