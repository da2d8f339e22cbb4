//! hub's `Organization` enum, declared identically here because the shared directory types
//! serve it as their `organization` field.

use async_graphql::Enum;

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
