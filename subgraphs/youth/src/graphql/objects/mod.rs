//! The public object types of the youth subgraph (wrappers over database rows).

mod activity;
mod branch;
mod home;
mod people;

pub(crate) use activity::{YouthActivity, YouthActivityConnection};
pub(crate) use branch::{YouthAward, YouthAwardConnection, YouthBranch, YouthBranchConnection};
pub(crate) use home::{YouthHome, YouthHomeConnection};
pub(crate) use people::{
    YouthServiceLog, YouthServiceLogConnection, YouthSocialWorker, YouthSocialWorkerConnection,
    YouthVolunteer, YouthVolunteerConnection,
};
pub(crate) use quntuan_kit::organization::Organization;
