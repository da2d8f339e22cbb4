//! `ServiceCenter` (owned by hub) extended with the federation's service point there: the
//! disability workers stationed at the venue and the accessibility services held there.

use super::app;
use super::objects::{DisabilityActivity, DisabilityWorker};

quntuan_kit::service_center! {
    /// The disability service point at this venue.
    disability: DisabilityAtServiceCenter,
    /// The workers stationed at one venue and the accessibility services held there.
    lists(ctx) = app(ctx)?.loaders;
    {
        workers: DisabilityWorker = workers_at_center,
        activities: DisabilityActivity = services_at_center,
    }
}
