//! hub's `Organization` enum as GraphQL serves it: the `organization` field of the shared
//! directory types (`GrassrootsUnit`, `Activity`, `Award`) in every subgraph that
//! implements them, declared once so that each declares it identically.

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

impl Organization {
    /// The catalog's organisation.
    pub fn org(self) -> Org {
        match self {
            Organization::Unions => Org::Unions,
            Organization::Youth => Org::Youth,
            Organization::Women => Org::Women,
            Organization::Science => Org::Science,
            Organization::Disability => Org::Disability,
        }
    }

    /// The name stored in the database (`unions`, `youth`, ...).
    pub fn stored(self) -> &'static str {
        self.org().as_str()
    }

    pub fn from_stored(name: &str) -> Option<Organization> {
        Some(match Org::parse(name)? {
            Org::Unions => Organization::Unions,
            Org::Youth => Organization::Youth,
            Org::Women => Organization::Women,
            Org::Science => Organization::Science,
            Org::Disability => Organization::Disability,
        })
    }
}
