//! Dataloaders: every entity and nested list is fetched in batches (one statement per
//! batch), never once per row.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
use quntuan_kit::rows::{ById, ChildrenOf, by_primary_key, children_of};
use quntuan_kit::{ApiError, dataloader};
use sea_orm::DatabaseConnection;

use crate::entities::{
    directory_activity, directory_award, directory_unit, joint_project_department,
    joint_project_organization, region, service_center,
};
use crate::service;

/// Loads the rows that belong to each key (keys without rows map to an empty list).
macro_rules! grouped_loader {
    ($(#[$doc:meta])* $name:ident, $model:ty, $fetch:path, $key:expr) => {
        $(#[$doc])*
        pub struct $name {
            db: DatabaseConnection,
        }

        impl Loader<String> for $name {
            type Value = Vec<$model>;
            type Error = ApiError;

            async fn load(&self, keys: &[String]) -> Result<HashMap<String, Vec<$model>>, ApiError> {
                let mut out: HashMap<String, Vec<$model>> = keys.iter().map(|k| (k.clone(), Vec::new())).collect();
                for row in $fetch(&self.db, keys).await? {
                    let key: Option<String> = ($key)(&row);
                    if let Some(key) = key {
                        out.entry(key).or_default().push(row);
                    }
                }
                Ok(out)
            }
        }
    };
}

grouped_loader!(
    /// Departments of joint projects, by project id.
    ProjectDepartmentsLoader, joint_project_department::Model, service::projects::departments_of,
    |r: &joint_project_department::Model| Some(r.project_id.clone())
);
grouped_loader!(
    /// Organisations of joint projects, by project id.
    ProjectOrganizationsLoader, joint_project_organization::Model, service::projects::organizations_of,
    |r: &joint_project_organization::Model| Some(r.project_id.clone())
);

/// Every loader of the schema, kept in the schema data.
pub struct Loaders {
    /// Regions by code, and the children of regions by parent code (ordered by code).
    pub regions: DataLoader<ById<region::Entity, String>>,
    pub children: DataLoader<ChildrenOf<region::Entity, String>>,
    /// Service centres and directory rows by id.
    pub centers: DataLoader<ById<service_center::Entity, String>>,
    pub units: DataLoader<ById<directory_unit::Entity, String>>,
    pub activities: DataLoader<ById<directory_activity::Entity, String>>,
    pub awards: DataLoader<ById<directory_award::Entity, String>>,
    pub project_departments: DataLoader<ProjectDepartmentsLoader>,
    pub project_organizations: DataLoader<ProjectOrganizationsLoader>,
}

impl Loaders {
    pub fn new(db: &DatabaseConnection) -> Loaders {
        let own = || db.clone();
        Loaders {
            regions: dataloader(by_primary_key(db)),
            children: dataloader(children_of(db, region::Column::ParentCode)),
            centers: dataloader(by_primary_key(db)),
            units: dataloader(by_primary_key(db)),
            activities: dataloader(by_primary_key(db)),
            awards: dataloader(by_primary_key(db)),
            project_departments: DataLoader::new(
                ProjectDepartmentsLoader { db: own() },
                tokio::spawn,
            ),
            project_organizations: DataLoader::new(
                ProjectOrganizationsLoader { db: own() },
                tokio::spawn,
            ),
        }
    }
}
