//! Shared test helpers: the kit's (`quntuan_kit::test_helpers!`) over the hub schema.

#![allow(dead_code, reason = "each test binary uses a subset")]

use quntuan_hub::Hub;
use quntuan_hub::schema::{HubSchema, build};

quntuan_kit::test_helpers!(
    Hub,
    HubSchema,
    build,
    "hub",
    [
        "region",
        "service_center",
        "joint_meeting",
        "joint_project",
        "joint_project_department",
        "joint_project_organization",
        "satisfaction_rating",
        "directory_unit",
        "directory_activity",
        "directory_award",
    ]
);
