//! The women's implementations of the shared directory types: `WomenOrganization`
//! (a `GrassrootsUnit`), `WomenActivity` (an `Activity`: family-education services) and
//! `WomenAward` (an `Award`: March 8th Red Banner collectives). The fields hub also serves
//! are `@shareable` with the same types.

use async_graphql::Object;
use chrono::NaiveDate;

use super::center::ServiceCenter;
use super::loader;
use super::loaders::{
    ChildrensHomesOfOrganization, OfficersOfOrganization, WomensHomeById, WomensHomesOfOrganization,
};
use super::officers::WomenOfficer;
use super::places::{ChildrensHome, WomensHome};
use super::region::Region;
use crate::model::enums::WomenOrganizationKind;
use crate::model::{family_education_activity, red_banner_collective, women_organization};
use quntuan_kit::organization::Organization;

/// A women's organisation (妇女组织): a community or village women's federation, or a
/// women's committee of an enterprise or institution.
pub struct WomenOrganization(pub women_organization::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl WomenOrganization shared {
        id;
        str name;
        /// The category as the shared directory spells it, e.g. `社区（村）妇联`.
        label kind;

        /// The category as an enum, for filtering.
        async fn organization_kind(&self) -> WomenOrganizationKind {
            self.0.kind
        }

        /// Always `WOMEN`.
        organization(Organization::Women);
        /// The region the organisation belongs to (its community).
        region;
        codes;
        copy founded_on: NaiveDate;
        copy member_count: i32;

        /// The women's homes it runs.
        children womens_homes: WomensHome = WomensHomesOfOrganization;

        /// The children's homes it runs.
        children childrens_homes: ChildrensHome = ChildrensHomesOfOrganization;

        /// Its chair, vice-chairs and executive members (their names, ID numbers and phones are
        /// personal data).
        children officers: WomenOfficer = OfficersOfOrganization;
    }
}

/// A family-education service or activity (家庭教育服务).
pub struct WomenActivity(pub family_education_activity::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl WomenActivity shared {
        id;
        str title;
        /// e.g. `家庭教育讲座`, `亲子阅读`.
        str kind;
        /// Always `WOMEN`.
        organization(Organization::Women);
        /// The region where it took place (its community).
        region;
        codes;
        copy held_on: NaiveDate;
        copy participant_count: i32;

        /// The women's home that ran it, if one did.
        nullable link womens_home: WomensHome = WomensHomeById(womens_home_id);

        /// The shared service centre where it was held, if any.
        service_center;
    }
}

/// A March 8th Red Banner collective (三八红旗集体).
pub struct WomenAward(pub red_banner_collective::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl WomenAward shared {
        id;
        /// The honour, `成都市三八红旗集体`.
        str title;
        /// The honoured collective.
        str recipient_unit;

        /// Always null: Red Banner honours go to collectives, never to a person.
        #[graphql(shareable, requires_scopes = "women:personal")]
        async fn recipient_person(&self) -> Option<String> {
            None
        }

        /// Always `WOMEN`.
        organization(Organization::Women);
        /// The region of the honoured collective.
        region;
        codes;
        copy year: i32;
    }
}
