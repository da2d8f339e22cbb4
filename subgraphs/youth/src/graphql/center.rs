//! `ServiceCenter` (owned by hub) extended with what the youth league runs there.

use super::app;
use super::objects::{YouthActivity, YouthHome, YouthSocialWorker};

quntuan_kit::service_center! {
    /// What the youth league runs at this venue.
    youth: YouthAtServiceCenter,
    /// The youth homes, activities and social workers at one venue.
    lists(ctx) = app(ctx)?.loaders;
    {
        youth_homes: YouthHome = homes_at_center,
        activities: YouthActivity = activities_at_center,
        social_workers: YouthSocialWorker = workers_at_center,
    }
}
