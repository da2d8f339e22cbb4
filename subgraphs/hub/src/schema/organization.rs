//! The five organisations as a GraphQL enum (stored as `unions`, `youth`, ... in the database).

use quntuan_kit::catalog::Org;

quntuan_kit::organization_enum! {
    /// A mass organisation.
    pub enum Organization
}

impl Organization {
    /// The name stored in the database.
    pub fn stored(self) -> &'static str {
        self.org().as_str()
    }

    pub fn from_stored(name: &str) -> Option<Organization> {
        Org::parse(name).map(Organization::of)
    }
}
