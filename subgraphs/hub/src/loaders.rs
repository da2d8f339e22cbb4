//! Dataloaders: every entity and nested list is fetched in batches (one statement per
//! batch), never once per row.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
use quntuan_kit::{ApiError, dataloader};
use sea_orm::DatabaseConnection;

use crate::entities::{
    directory_activity, directory_award, directory_unit, joint_project_department,
    joint_project_organization, region, service_center,
};
use crate::service;

/// Loads one row per key.
macro_rules! by_key_loader {
    ($(#[$doc:meta])* $name:ident, $model:ty, $fetch:path, $key:ident) => {
        $(#[$doc])*
        pub struct $name {
            db: DatabaseConnection,
        }

        impl Loader<String> for $name {
            type Value = $model;
            type Error = ApiError;

            async fn load(&self, keys: &[String]) -> Result<HashMap<String, $model>, ApiError> {
                Ok($fetch(&self.db, keys).await?.into_iter().map(|m| (m.$key.clone(), m)).collect())
            }
        }
    };
}

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

by_key_loader!(
    /// Regions by code.
    RegionLoader, region::Model, service::regions::by_codes, code
);
grouped_loader!(
    /// Children of regions, by parent code.
    ChildrenLoader, region::Model, service::regions::children_of,
    |r: &region::Model| r.parent_code.clone()
);
by_key_loader!(
    /// Service centres by id.
    CenterLoader, service_center::Model, service::centers::by_ids, id
);
by_key_loader!(
    /// Directory units by id.
    UnitLoader, directory_unit::Model, service::directory::units_by_ids, id
);
by_key_loader!(
    /// Directory activities by id.
    ActivityLoader, directory_activity::Model, service::directory::activities_by_ids, id
);
by_key_loader!(
    /// Directory awards by id.
    AwardLoader, directory_award::Model, service::directory::awards_by_ids, id
);
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
    pub regions: DataLoader<RegionLoader>,
    pub children: DataLoader<ChildrenLoader>,
    pub centers: DataLoader<CenterLoader>,
    pub units: DataLoader<UnitLoader>,
    pub activities: DataLoader<ActivityLoader>,
    pub awards: DataLoader<AwardLoader>,
    pub project_departments: DataLoader<ProjectDepartmentsLoader>,
    pub project_organizations: DataLoader<ProjectOrganizationsLoader>,
}

impl Loaders {
    pub fn new(db: &DatabaseConnection) -> Loaders {
        let db = || db.clone();
        Loaders {
            regions: dataloader(RegionLoader { db: db() }),
            children: dataloader(ChildrenLoader { db: db() }),
            centers: dataloader(CenterLoader { db: db() }),
            units: dataloader(UnitLoader { db: db() }),
            activities: dataloader(ActivityLoader { db: db() }),
            awards: dataloader(AwardLoader { db: db() }),
            project_departments: DataLoader::new(
                ProjectDepartmentsLoader { db: db() },
                tokio::spawn,
            ),
            project_organizations: DataLoader::new(
                ProjectOrganizationsLoader { db: db() },
                tokio::spawn,
            ),
        }
    }
}
