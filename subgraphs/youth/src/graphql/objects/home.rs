//! Youth homes (青年之家), built with market partners.

use async_graphql::Object;
use chrono::NaiveDate;

use super::YouthActivity;
use crate::entity::home;
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;

/// A youth home.
pub(crate) struct YouthHome(pub(crate) home::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl YouthHome {
        id(ids::HOME);
        str name;
        /// The market partner that built and runs it with the league.
        str partner;
        copy opened_on: NaiveDate;
        region;
        /// The shared venue it is housed in, if any.
        service_center;
        /// Activities held at this home.
        children activities: YouthActivity = loaders.activities_of_home;
    }
}

quntuan_kit::connection!(
    /// A page of youth homes.
    YouthHomeConnection,
    YouthHome
);
