//! hub's `Organization` enum as GraphQL serves it: the `organization` field of the shared
//! directory types (`GrassrootsUnit`, `Activity`, `Award`) in hub and in every subgraph that
//! implements them, declared once so that each declares it identically. The description is
//! the one thing the subgraphs' SDLs word differently: hub, unions and women serve this
//! type's doc comment, youth, science and disability [`SAME_AS_HUB`] (their schema builders call
//! `.override_output_type_description::<Organization>(SAME_AS_HUB)`).

use async_graphql::Enum;

use crate::catalog::Org;

/// A mass organisation.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Organization {
    /// 工会 trade unions
    Unions,
    /// 共青团 Communist Youth League
    Youth,
    /// 妇联 Women's Federation
    Women,
    /// 科协 Association for Science and Technology
    Science,
    /// 残联 Disabled Persons' Federation
    Disability,
}

/// The description youth, science and disability give the enum in their SDL, in place of
/// the doc comment.
pub const SAME_AS_HUB: &str = "A mass organisation (same values as hub's enum).";

impl Organization {
    /// The kit's name of this organisation.
    pub fn org(self) -> Org {
        match self {
            Organization::Unions => Org::Unions,
            Organization::Youth => Org::Youth,
            Organization::Women => Org::Women,
            Organization::Science => Org::Science,
            Organization::Disability => Org::Disability,
        }
    }

    /// The value naming the kit's `org`.
    pub fn of(org: Org) -> Organization {
        match org {
            Org::Unions => Organization::Unions,
            Org::Youth => Organization::Youth,
            Org::Women => Organization::Women,
            Org::Science => Organization::Science,
            Org::Disability => Organization::Disability,
        }
    }

    /// The name stored in the database (`unions`, `youth`, ...).
    pub fn stored(self) -> &'static str {
        self.org().as_str()
    }

    /// The value stored as `name` (`None` for a name no organisation has).
    pub fn from_stored(name: &str) -> Option<Organization> {
        Org::parse(name).map(Organization::of)
    }
}
