//! Awards (honours) of the five organisations.

use async_graphql::ID;

use super::directory_interface;
use crate::entities::directory_award;
use crate::schema::region::Region;
use quntuan_kit::organization::Organization;

directory_interface! {
    row: directory_award::Model,
    /// An award of any of the five organisations.
    interface: Award,
    fields: (
        field(name = "title", ty = "&str"),
        field(name = "recipient_unit", ty = "&str"),
        field(name = "recipient_person", ty = "Option<String>")
    ) then (
        field(name = "year", ty = "i32")
    ),
    /// A page of awards of all organisations.
    connection: AwardConnection,
    lookups: AwardLookups by awards,
    region_code {}
    head {
        /// The honour, e.g. 成都市五一劳动奖章（抗疫专项）.
        str title;
        /// The honoured collective, or the honoured person's workplace.
        str recipient_unit;
    }
    tail {
        copy year: i32;
    }
    types {
        /// A May Day labour certificate or medal (unions).
        UnionAward = Unions ("unions:personal") by find_union_award_by_id,
        /// A May Fourth Red Flag league organisation (youth).
        YouthAward = Youth ("youth:personal") by find_youth_award_by_id,
        /// A March 8th Red Banner collective (women).
        WomenAward = Women ("women:personal") by find_women_award_by_id,
        /// A most beautiful science worker (science).
        ScienceAward = Science ("science:personal") by find_science_award_by_id,
        /// An advanced collective in helping the disabled (disability).
        DisabilityAward = Disability ("disability:personal") by find_disability_award_by_id,
    }
}
