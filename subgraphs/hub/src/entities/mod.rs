//! sea-orm models of the hub tables (database rows, not the public GraphQL types).

pub mod directory_activity;
pub mod directory_award;
pub mod directory_unit;
pub mod joint_meeting;
pub mod joint_project;
pub mod joint_project_department;
pub mod joint_project_organization;
pub mod region;
pub mod satisfaction_rating;
pub mod service_center;
