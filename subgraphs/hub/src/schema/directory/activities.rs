//! Activities of the five organisations.

use async_graphql::{ID, Interface, Object};
use chrono::NaiveDate;

use crate::entities::directory_activity;
use crate::schema::organization::Organization;
use crate::schema::region::Region;

macro_rules! activity_type {
    ($(#[$doc:meta])* $name:ident, $org:expr) => {
        $(#[$doc])*
        pub struct $name(pub(crate) directory_activity::Model);

        #[Object(shareable)]
        impl $name {
            async fn id(&self) -> ID {
                ID(self.0.id.clone())
            }

            async fn title(&self) -> &str {
                &self.0.title
            }

            /// The organisation's own category, e.g. 主题宣讲, 读书会.
            async fn kind(&self) -> &str {
                &self.0.kind
            }

            async fn organization(&self) -> Organization {
                $org
            }

            /// The community where it took place.
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

            async fn held_on(&self) -> NaiveDate {
                self.0.held_on
            }

            async fn participant_count(&self) -> i32 {
                self.0.participant_count
            }
        }
    };
}

activity_type!(
    /// A themed lecture event 主题宣讲活动 (unions).
    UnionActivity,
    Organization::Unions
);
activity_type!(
    /// A youth social-scene activity 青年社交场景活动 (youth).
    YouthActivity,
    Organization::Youth
);
activity_type!(
    /// A family-education service 家庭教育服务 (women).
    WomenActivity,
    Organization::Women
);
activity_type!(
    /// A science-popularisation event 科普活动 (science).
    ScienceActivity,
    Organization::Science
);
activity_type!(
    /// An accessibility service 有爱无碍 (disability).
    DisabilityActivity,
    Organization::Disability
);

/// An activity of any of the five organisations.
#[derive(Interface)]
#[expect(
    clippy::duplicated_attributes,
    reason = "each field(...) of the interface repeats `ty`, which clippy takes for a duplicate"
)]
#[graphql(
    field(name = "id", ty = "ID"),
    field(name = "title", ty = "&str"),
    field(name = "kind", ty = "&str"),
    field(name = "organization", ty = "Organization"),
    field(name = "region_code", ty = "&str"),
    field(name = "street_code", ty = "&str"),
    field(name = "district_code", ty = "&str"),
    field(name = "region", ty = "Region"),
    field(name = "held_on", ty = "NaiveDate"),
    field(name = "participant_count", ty = "i32")
)]
pub enum Activity {
    UnionActivity(UnionActivity),
    YouthActivity(YouthActivity),
    WomenActivity(WomenActivity),
    ScienceActivity(ScienceActivity),
    DisabilityActivity(DisabilityActivity),
}

impl Activity {
    pub(crate) fn from_row(row: directory_activity::Model) -> Option<Activity> {
        Some(match Organization::from_stored(&row.organization)? {
            Organization::Unions => Activity::UnionActivity(UnionActivity(row)),
            Organization::Youth => Activity::YouthActivity(YouthActivity(row)),
            Organization::Women => Activity::WomenActivity(WomenActivity(row)),
            Organization::Science => Activity::ScienceActivity(ScienceActivity(row)),
            Organization::Disability => Activity::DisabilityActivity(DisabilityActivity(row)),
        })
    }
}

quntuan_kit::connection!(
    /// A page of activities of all organisations.
    ActivityConnection,
    Activity
);
