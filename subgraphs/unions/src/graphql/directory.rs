//! The unions' implementations of the shared directory types: `GrassrootsUnion`
//! (a `GrassrootsUnit`), `UnionActivity` (an `Activity`) and `UnionAward` (an `Award`).
//! The fields hub also serves are `@shareable` with the same types.

use async_graphql::Object;
use chrono::NaiveDate;

use super::center::ServiceCenter;
use super::loader;
use super::loaders::{HomesOfUnion, SocialWorkersOfUnion};
use super::people::UnionSocialWorker;
use super::places::WorkersHome;
use super::region::Region;
use crate::model::enums::{GrassrootsUnionKind, LaborAwardKind};
use crate::model::{grassroots_union, labor_award, union_activity};
use quntuan_kit::organization::Organization;

/// A grassroots union (基层工会).
pub struct GrassrootsUnion(pub grassroots_union::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl GrassrootsUnion shared personal("unions:personal") {
        id;
        str name;
        /// The category as the shared directory spells it, e.g. `企业工会`.
        label kind;

        /// The category as an enum, for filtering.
        async fn union_kind(&self) -> GrassrootsUnionKind {
            self.0.kind
        }

        /// Always `UNIONS`.
        organization(Organization::Unions);
        /// The region the record belongs to (its community or street).
        region;
        codes;
        copy founded_on: NaiveDate;
        copy member_count: i32;

        /// The union chair's name (personal data).
        personal chair_name("GrassrootsUnion.chairName");

        /// The union chair's phone number (personal data).
        personal chair_phone("GrassrootsUnion.chairPhone");

        /// The shared service centre the union is based at, if any.
        service_center;

        /// The union's workers' homes.
        children workers_homes: WorkersHome = HomesOfUnion;
        /// The socialised union workers assigned to the union.
        children social_workers: UnionSocialWorker = SocialWorkersOfUnion;
    }
}

/// A union activity, e.g. a themed lecture event (主题宣讲).
pub struct UnionActivity(pub union_activity::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl UnionActivity shared {
        id;
        str title;
        str kind;
        /// Always `UNIONS`.
        organization(Organization::Unions);
        /// The region the record belongs to (its community or street).
        region;
        codes;
        copy held_on: NaiveDate;
        copy participant_count: i32;
        /// The shared service centre where it was held, if any.
        service_center;
    }
}

/// A May Day labour award: a certificate (奖状) to a collective or a medal (奖章) to a person.
pub struct UnionAward(pub labor_award::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl UnionAward shared personal("unions:personal") {
        id;
        /// The honour, e.g. `成都市五一劳动奖章（抗疫专项）`.
        str title;
        /// The honoured collective, or the honoured person's workplace.
        str recipient_unit;

        /// The honoured person (medals only; personal data).
        shareable nullable personal recipient_person("UnionAward.recipientPerson");

        /// Always `UNIONS`.
        organization(Organization::Unions);
        /// The region the record belongs to (its community or street).
        region;
        codes;
        copy year: i32;

        /// Certificate or medal.
        async fn award_kind(&self) -> LaborAwardKind {
            self.0.kind
        }
    }
}
