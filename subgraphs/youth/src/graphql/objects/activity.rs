//! Youth social-scene activities (also listed in hub's directory).

use async_graphql::Object;
use chrono::NaiveDate;

use super::{Organization, YouthHome};
use crate::entity::activity;
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;

/// A youth social-scene activity.
pub(crate) struct YouthActivity(pub(crate) activity::Model);

quntuan_kit::directory_object! {
    #[Object(shareable)]
    impl YouthActivity {
        id(ids::ACTIVITY);
        str title;
        /// The scene: 青年交友, 城市漫步, 读书会, 运动社交, 音乐市集 or 志愿服务.
        str kind;
        /// Always `YOUTH`.
        organization(Organization::Youth);
        /// The community (or street) code of the record.
        codes;
        copy held_on: NaiveDate;
        copy participant_count: i32;
        region;
        /// The youth home that hosted it, if any.
        nullable link youth_home: YouthHome = loaders.home(youth_home_id);
        /// The shared venue it was held at, if any.
        service_center;
    }
}

quntuan_kit::connection!(
    /// A page of youth activities.
    YouthActivityConnection,
    YouthActivity
);
