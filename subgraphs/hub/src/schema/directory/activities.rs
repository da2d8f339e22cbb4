//! Activities of the five organisations.

use async_graphql::ID;
use chrono::NaiveDate;

use super::directory_interface;
use crate::entities::directory_activity;
use crate::schema::region::Region;
use quntuan_kit::organization::Organization;

directory_interface! {
    row: directory_activity::Model,
    /// An activity of any of the five organisations.
    interface: Activity,
    fields: (
        field(name = "title", ty = "&str"),
        field(name = "kind", ty = "&str")
    ) then (
        field(name = "held_on", ty = "NaiveDate"),
        field(name = "participant_count", ty = "i32")
    ),
    /// A page of activities of all organisations.
    connection: ActivityConnection,
    lookups: ActivityLookups by activities,
    region_code {
        /// The community where it took place.
    }
    head {
        str title;
        /// The organisation's own category, e.g. 主题宣讲, 读书会.
        str kind;
    }
    tail {
        copy held_on: NaiveDate;
        copy participant_count: i32;
    }
    types {
        /// A themed lecture event 主题宣讲活动 (unions).
        UnionActivity = Unions by find_union_activity_by_id,
        /// A youth social-scene activity 青年社交场景活动 (youth).
        YouthActivity = Youth by find_youth_activity_by_id,
        /// A family-education service 家庭教育服务 (women).
        WomenActivity = Women by find_women_activity_by_id,
        /// A science-popularisation event 科普活动 (science).
        ScienceActivity = Science by find_science_activity_by_id,
        /// An accessibility service 有爱无碍 (disability).
        DisabilityActivity = Disability by find_disability_activity_by_id,
    }
}
