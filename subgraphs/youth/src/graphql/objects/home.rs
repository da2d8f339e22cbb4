//! Youth homes (青年之家), built with market partners.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;

use super::{YouthActivity, region_of};
use crate::entity::home;
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;
use quntuan_kit::load_list;

/// A youth home.
pub(crate) struct YouthHome(pub(crate) home::Model);

#[Object]
impl YouthHome {
    async fn id(&self) -> ID {
        ID(ids::HOME.format(self.0.id))
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The market partner that built and runs it with the league.
    async fn partner(&self) -> &str {
        &self.0.partner
    }
    async fn opened_on(&self) -> NaiveDate {
        self.0.opened_on
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    /// The shared venue it is housed in, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }
    /// Activities held at this home.
    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<YouthActivity>> {
        let app = app(ctx)?;
        Ok(load_list(&app.loaders.activities_of_home, self.0.id, YouthActivity).await?)
    }
}

quntuan_kit::connection!(
    /// A page of youth homes.
    YouthHomeConnection,
    YouthHome
);
