//! hub's `Organization` enum, which the shared directory types carry.

use async_graphql::Enum;

/// A mass organisation (same values as hub's enum).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Organization {
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
