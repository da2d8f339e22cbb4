//! Where mutations take "now" from, and the options a subgraph schema is built with beyond
//! its database. Tests fix the clock so whole responses (timestamps included) can be asserted.

use async_graphql::Context;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Chengdu's offset from UTC (UTC+8, no daylight saving): record dates are Chengdu dates.
const CHENGDU_OFFSET_SECONDS: i32 = 8 * 3600;

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

    /// Today in Chengdu, for date validation (a record dated after it is refused).
    pub fn today(self) -> NaiveDate {
        let now = self.now();
        match FixedOffset::east_opt(CHENGDU_OFFSET_SECONDS) {
            Some(offset) => now.with_timezone(&offset).date_naive(),
            None => now.date_naive(),
        }
    }

    /// The clock a schema was built with (`.data(options.clock)`); the system clock when
    /// it was built without one.
    pub fn of(ctx: &Context<'_>) -> Clock {
        ctx.data_opt::<Clock>().copied().unwrap_or(Clock::System)
    }
}

/// How a schema is built beyond its database.
#[derive(Clone, Debug)]
pub struct SchemaOptions {
    pub clock: Clock,
    /// Where its mutations publish their events and its subscriptions read them.
    pub events: crate::events::EventBus,
}

impl Default for SchemaOptions {
    fn default() -> Self {
        SchemaOptions {
            clock: Clock::System,
            events: crate::events::EventBus::in_process(),
        }
    }
}
