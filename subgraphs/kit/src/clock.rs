//! Where mutations take "now" from, and the options a subgraph schema is built with beyond
//! its database. Tests fix the clock so whole responses (timestamps included) can be asserted.

use async_graphql::Context;
use chrono::{DateTime, Utc};

/// The system clock, or a fixed instant in tests.
#[derive(Clone, Copy, Debug)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
        }
    }

    /// The clock a schema was built with (`.data(options.clock)`); the system clock when
    /// it was built without one.
    pub fn of(ctx: &Context<'_>) -> Clock {
        ctx.data_opt::<Clock>().copied().unwrap_or(Clock::System)
    }
}

/// How a schema is built beyond its database.
#[derive(Clone, Copy, Debug)]
pub struct SchemaOptions {
    pub clock: Clock,
}

impl Default for SchemaOptions {
    fn default() -> Self {
        SchemaOptions {
            clock: Clock::System,
        }
    }
}
