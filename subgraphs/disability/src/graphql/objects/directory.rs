//! Organisations, accessibility services and awards: the disability types hub's
//! cross-organisation directory also lists, so their common fields are shareable.

use async_graphql::{Context, Object, Result};
use chrono::NaiveDate;

use super::{DisabilityWorker, Organization};
use crate::entity::{award, organization, service};
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;

/// A grassroots disabled persons' organisation (社区（村）残疾人协会, 专门协会).
pub(crate) struct DisabilityOrganization(pub(crate) organization::Model);

quntuan_kit::directory_object! {
    #[Object(shareable)]
    impl DisabilityOrganization {
        id(ids::ORGANIZATION);
        str name;
        /// `社区（村）残疾人协会` or `专门协会`.
        str kind;
        /// Always `DISABILITY`.
        organization(Organization::Disability);
        /// The community the organisation is in.
        codes;
        region;
        copy founded_on: NaiveDate;
        copy member_count: i32;
        /// Workers of this organisation.
        children workers: DisabilityWorker = loaders.workers_of_organization;
        /// Accessibility services this organisation ran.
        children activities: DisabilityActivity = loaders.services_of_organization;
        /// People in the registry attached to this organisation (a count, public).
        async fn registered_person_count(&self, ctx: &Context<'_>) -> Result<i64> {
            let count = app(ctx)?
                .loaders
                .persons_per_organization
                .load_one(self.0.id)
                .await?;
            Ok(count.unwrap_or(0))
        }
    }
}

quntuan_kit::connection!(
    /// A page of grassroots disabled persons' organisations.
    DisabilityOrganizationConnection,
    DisabilityOrganization
);

/// An accessibility service (有爱无碍).
pub(crate) struct DisabilityActivity(pub(crate) service::Model);

quntuan_kit::directory_object! {
    #[Object(shareable)]
    impl DisabilityActivity {
        id(ids::SERVICE);
        str title;
        /// 无障碍出行服务, 康复指导, 就业帮扶 or 文体活动.
        str kind;
        /// Always `DISABILITY`.
        organization(Organization::Disability);
        /// The community (or street) where it took place.
        codes;
        region;
        copy held_on: NaiveDate;
        copy participant_count: i32;
        /// The organisation that ran it, if any.
        nullable link organization_unit: DisabilityOrganization =
            loaders.organization(organization_id);
        /// The shared venue it was held at, if any.
        service_center;
    }
}

quntuan_kit::connection!(
    /// A page of accessibility services.
    DisabilityActivityConnection,
    DisabilityActivity
);

/// An award of the federation, e.g. 成都市助残先进集体.
pub(crate) struct DisabilityAward(pub(crate) award::Model);

quntuan_kit::directory_object! {
    #[Object(shareable)]
    impl DisabilityAward personal("disability:personal", ids::AWARD) {
        id(ids::AWARD);
        str title;
        /// The honoured collective, or the honoured person's workplace.
        str recipient_unit;
        /// The honoured person, for awards to individuals (personal data).
        nullable personal recipient_person("DisabilityAward.recipientPerson");
        /// Always `DISABILITY`.
        organization(Organization::Disability);
        codes;
        region;
        copy year: i32;
    }
}

quntuan_kit::connection!(
    /// A page of awards.
    DisabilityAwardConnection,
    DisabilityAward
);
