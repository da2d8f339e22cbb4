//! Youth social-scene activities (also listed in hub's directory).

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;

use super::{Organization, YouthHome, region_of};
use crate::entity::activity;
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;

/// A youth social-scene activity.
pub(crate) struct YouthActivity(pub(crate) activity::Model);

#[Object(shareable)]
impl YouthActivity {
    async fn id(&self) -> ID {
        ID(ids::ACTIVITY.format(self.0.id))
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// The scene: 青年交友, 城市漫步, 读书会, 运动社交, 音乐市集 or 志愿服务.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// Always `YOUTH`.
    async fn organization(&self) -> Organization {
        Organization::Youth
    }
    /// The community (or street) code of the record.
    async fn region_code(&self) -> &str {
        &self.0.region_code
    }
    async fn street_code(&self) -> &str {
        &self.0.street_code
    }
    async fn district_code(&self) -> &str {
        &self.0.district_code
    }
    async fn held_on(&self) -> NaiveDate {
        self.0.held_on
    }
    async fn participant_count(&self) -> i32 {
        self.0.participant_count
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    /// The youth home that hosted it, if any.
    async fn youth_home(&self, ctx: &Context<'_>) -> Result<Option<YouthHome>> {
        let Some(id) = self.0.youth_home_id else {
            return Ok(None);
        };
        let app = app(ctx)?;
        Ok(app.loaders.home.load_one(id).await?.map(YouthHome))
    }
    /// The shared venue it was held at, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0
            .service_center_id
            .as_ref()
            .map(|id| ServiceCenter { id: ID(id.clone()) })
    }
}

quntuan_kit::connection!(
    /// A page of youth activities.
    YouthActivityConnection,
    YouthActivity
);
