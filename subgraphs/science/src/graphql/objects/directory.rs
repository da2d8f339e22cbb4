//! Associations, science-popularisation activities and honours: the science types hub's
//! cross-organisation directory also lists, so their common fields are shareable.

use async_graphql::Object;
use chrono::NaiveDate;

use super::Organization;
use crate::entity::{association, award, event};
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;

/// An enterprise or institution science association (企业科协, 事业单位科协).
pub(crate) struct ScienceAssociation(pub(crate) association::Model);

quntuan_kit::directory_object! {
    #[Object(shareable)]
    impl ScienceAssociation {
        id(ids::ASSOCIATION);
        str name;
        /// `企业科协` or `事业单位科协`.
        str kind;
        /// Always `SCIENCE`.
        organization(Organization::Science);
        /// The community the association is in.
        codes;
        region;
        copy founded_on: NaiveDate;
        copy member_count: i32;
        /// The industry of the host enterprise or institution.
        str industry;
        /// Science-popularisation activities the association ran, oldest id first.
        children activities: ScienceActivity = loaders.events_of_association;
    }
}

quntuan_kit::connection!(
    /// A page of science associations.
    ScienceAssociationConnection,
    ScienceAssociation
);

/// A science-popularisation activity (科普活动).
pub(crate) struct ScienceActivity(pub(crate) event::Model);

quntuan_kit::directory_object! {
    #[Object(shareable)]
    impl ScienceActivity {
        id(ids::ACTIVITY);
        str title;
        /// 科普讲座, 科技周展览, 青少年科创营 or 科普进社区.
        str kind;
        /// Always `SCIENCE`.
        organization(Organization::Science);
        /// The community (or street) where it took place.
        codes;
        region;
        copy held_on: NaiveDate;
        copy participant_count: i32;
        /// The association that ran it, if any.
        nullable link association: ScienceAssociation = loaders.association(association_id);
        /// The shared venue it was held at, if any.
        service_center;
    }
}

quntuan_kit::connection!(
    /// A page of science-popularisation activities.
    ScienceActivityConnection,
    ScienceActivity
);

/// A "most beautiful science worker" honour (成都最美科技工作者).
pub(crate) struct ScienceAward(pub(crate) award::Model);

quntuan_kit::directory_object! {
    #[Object(shareable)]
    impl ScienceAward personal("science:personal", ids::AWARD) {
        id(ids::AWARD);
        str title;
        /// The honoured person's workplace.
        str recipient_unit;
        /// The honoured person (personal data).
        nullable personal recipient_person("ScienceAward.recipientPerson");
        /// Always `SCIENCE`.
        organization(Organization::Science);
        codes;
        region;
        copy year: i32;
    }
}

quntuan_kit::connection!(
    /// A page of science honours.
    ScienceAwardConnection,
    ScienceAward
);
