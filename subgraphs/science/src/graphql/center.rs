//! `ServiceCenter` (owned by hub) extended with what the science association runs there.

use super::app;
use super::objects::ScienceActivity;

quntuan_kit::service_center! {
    /// What the science association runs at this venue.
    science: ScienceAtServiceCenter,
    /// The science-popularisation activities held at one venue.
    lists(ctx) = app(ctx)?.loaders;
    {
        activities: ScienceActivity = events_at_center,
    }
}
