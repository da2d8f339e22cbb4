//! Authentication and authorization, before planning.
//!
//! - [`token`]: where the token is (a header or a cookie) and how it is verified (HS256 with a
//!   shared secret, or RS256/ES256/EdDSA with a JWKS), issuer and audience included.
//! - [`jwks`]: the key set, read from a file or an URL, refreshed on an interval and on an
//!   unknown `kid`.
//! - [`policy`]: the policies of `@policy`, each mapped in the settings to the claims it needs.
//! - [`directives`]: which selected fields the caller may not see (`@authenticated`,
//!   `@requiresScopes`, `@policy`); they are cut from the plan and answered null.

mod directives;
mod fetch;
mod jwks;
mod policy;
mod settings;
mod token;

pub use directives::{Authorized, Guard, authorize};
pub use jwks::KeyStore;
pub use settings::AuthSettings;
pub use token::{Authenticator, caller_from_header};

use std::collections::BTreeSet;

/// The caller as authorization sees it: what the plan depends on. Callers with equal values
/// share plans, so the subject is not here (see [`Identity`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Caller {
    pub authenticated: bool,
    pub scopes: BTreeSet<String>,
    /// The configured policies whose claims the caller's token carries.
    pub policies: BTreeSet<String>,
}

/// Who the caller is, for the audit trail: never part of a cache key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    /// The token's `sub` claim.
    pub subject: Option<String>,
    /// The `apollographql-client-name` header.
    pub client_name: Option<String>,
}

/// The shortest HS256 secret `quntuan serve` accepts: the algorithm's own key size. A short
/// secret can be guessed from one token offline.
pub const MIN_SECRET_BYTES: usize = 32;

/// Refuses a secret too short to sign tokens safely (`quntuan dev` alone may use its own).
pub fn check_secret_strength(secret: &str) -> Result<(), String> {
    if secret.len() < MIN_SECRET_BYTES {
        return Err(format!(
            "the JWT secret is {} bytes long; at least {MIN_SECRET_BYTES} are needed (for example `openssl rand -hex 32`)",
            secret.len()
        ));
    }
    Ok(())
}

/// Why a token was refused.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("the {0} header is not `{1} <token>`")]
    MalformedHeader(String, String),
    #[error("the bearer token is not valid: {0}")]
    InvalidToken(String),
    #[error("the JSON Web Key Set could not be loaded: {0}")]
    KeysUnavailable(String),
}
