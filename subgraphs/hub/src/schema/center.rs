//! `ServiceCenter @key(fields: "id")`: the shared venues, owned by hub.

use async_graphql::{Context, Enum, ID, Object};
use chrono::NaiveDate;
use quntuan_kit::Page;
use quntuan_kit::stored_enum::from_stored_name;

use super::rating::{SatisfactionRating, SatisfactionRatingConnection};
use super::region::Region;
use super::{db, known, loaders};
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

/// A shared service venue; each organisation subgraph adds what it runs there.
pub struct ServiceCenter(pub(crate) service_center::Model);

impl ServiceCenter {
    /// The centre `id` names, through the centre loader; `None` when there is none.
    pub(crate) async fn load(ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Self>> {
        Ok(loaders(ctx)?
            .centers
            .load_one(id.0)
            .await?
            .map(ServiceCenter))
    }
}

quntuan_kit::connection!(
    /// A page of service centres.
    ServiceCenterConnection,
    ServiceCenter
);

quntuan_kit::directory_object! {
    #[Object]
    impl ServiceCenter {
        id;
        str name;
        async fn kind(&self) -> async_graphql::Result<ServiceCenterKind> {
            let kind = &self.0.kind;
            known(from_stored_name(kind), "service centre kind", kind)
        }
        /// The street or community the venue is in.
        codes;
        async fn region(&self) -> Region {
            Region::by_code(self.0.region_code.clone())
        }
        copy opened_on: NaiveDate;
        /// Number of satisfaction ratings received.
        copy rating_count: i64;
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
}
