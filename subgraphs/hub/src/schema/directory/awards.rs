//! Awards (honours) of the five organisations.

use async_graphql::{Context, ID, Interface, Object};
use quntuan_kit::reveal;

use crate::entities::directory_award;
use crate::schema::organization::Organization;
use crate::schema::region::Region;

macro_rules! award_type {
    ($(#[$doc:meta])* $name:ident, $org:expr, $scope:tt) => {
        $(#[$doc])*
        pub struct $name(pub(crate) directory_award::Model);

        #[Object(shareable)]
        impl $name {
            async fn id(&self) -> ID {
                ID(self.0.id.clone())
            }

            /// The honour, e.g. 成都市五一劳动奖章（抗疫专项）.
            async fn title(&self) -> &str {
                &self.0.title
            }

            /// The honoured collective, or the honoured person's workplace.
            async fn recipient_unit(&self) -> &str {
                &self.0.recipient_unit
            }

            /// The honoured person for individual awards (personal data); null for
            /// collectives and for callers without the organisation's `personal` scope.
            #[graphql(requires_scopes = $scope)]
            async fn recipient_person(&self, ctx: &Context<'_>) -> Option<String> {
                let field = concat!(stringify!($name), ".recipientPerson");
                let person = self.0.recipient_person.as_ref()?;
                reveal(ctx, $scope, field, &self.0.id, || person.clone())
            }

            async fn organization(&self) -> Organization {
                $org
            }

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

            async fn year(&self) -> i32 {
                self.0.year
            }
        }
    };
}

award_type!(
    /// A May Day labour certificate or medal (unions).
    UnionAward,
    Organization::Unions,
    "unions:personal"
);
award_type!(
    /// A May Fourth Red Flag league organisation (youth).
    YouthAward,
    Organization::Youth,
    "youth:personal"
);
award_type!(
    /// A March 8th Red Banner collective (women).
    WomenAward,
    Organization::Women,
    "women:personal"
);
award_type!(
    /// A most beautiful science worker (science).
    ScienceAward,
    Organization::Science,
    "science:personal"
);
award_type!(
    /// An advanced collective in helping the disabled (disability).
    DisabilityAward,
    Organization::Disability,
    "disability:personal"
);

/// An award of any of the five organisations.
#[derive(Interface)]
#[expect(
    clippy::duplicated_attributes,
    reason = "each field(...) of the interface repeats `ty`, which clippy takes for a duplicate"
)]
#[graphql(
    field(name = "id", ty = "ID"),
    field(name = "title", ty = "&str"),
    field(name = "recipient_unit", ty = "&str"),
    field(name = "recipient_person", ty = "Option<String>"),
    field(name = "organization", ty = "Organization"),
    field(name = "region_code", ty = "&str"),
    field(name = "street_code", ty = "&str"),
    field(name = "district_code", ty = "&str"),
    field(name = "region", ty = "Region"),
    field(name = "year", ty = "i32")
)]
pub enum Award {
    UnionAward(UnionAward),
    YouthAward(YouthAward),
    WomenAward(WomenAward),
    ScienceAward(ScienceAward),
    DisabilityAward(DisabilityAward),
}

impl Award {
    pub(crate) fn from_row(row: directory_award::Model) -> Option<Award> {
        Some(match Organization::from_stored(&row.organization)? {
            Organization::Unions => Award::UnionAward(UnionAward(row)),
            Organization::Youth => Award::YouthAward(YouthAward(row)),
            Organization::Women => Award::WomenAward(WomenAward(row)),
            Organization::Science => Award::ScienceAward(ScienceAward(row)),
            Organization::Disability => Award::DisabilityAward(DisabilityAward(row)),
        })
    }
}

quntuan_kit::connection!(
    /// A page of awards of all organisations.
    AwardConnection,
    Award
);
