//! The five organisations as a GraphQL enum (stored as `unions`, `youth`, ... in the database).

use async_graphql::Enum;
use quntuan_kit::catalog::Org;

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
    pub fn org(self) -> Org {
        match self {
            Organization::Unions => Org::Unions,
            Organization::Youth => Org::Youth,
            Organization::Women => Org::Women,
            Organization::Science => Org::Science,
            Organization::Disability => Org::Disability,
        }
    }

    /// The name stored in the database.
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
