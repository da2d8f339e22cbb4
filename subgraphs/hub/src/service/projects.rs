//! Joint projects, their departments and organisations.

use quntuan_kit::{ApiResult, Filters, Page};
use sea_orm::sea_query::{Query, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entities::{joint_project, joint_project_department, joint_project_organization};

#[derive(Debug, Default)]
pub struct ProjectFilter<'a> {
    /// `PLANNED`, `ACTIVE` or `COMPLETED`.
    pub status: Option<&'a str>,
    /// Projects this organisation takes part in (stored name, e.g. `youth`).
    pub organization: Option<&'a str>,
    /// Projects this department takes part in.
    pub department: Option<&'a str>,
}

/// Projects ordered by id.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: ProjectFilter<'_>,
    page: Page,
) -> ApiResult<(i64, Vec<joint_project::Model>)> {
    use joint_project_department::Column as D;
    use joint_project_organization::Column as O;
    let mut select = joint_project::Entity::find()
        .equal(joint_project::Column::Status, filter.status)
        .order_by_asc(joint_project::Column::Id);
    if let Some(org) = filter.organization {
        select = select.filter(taking_part(
            joint_project_organization::Entity,
            O::ProjectId,
            O::Organization,
            org,
        ));
    }
    if let Some(department) = filter.department {
        select = select.filter(taking_part(
            joint_project_department::Entity,
            D::ProjectId,
            D::Department,
            department,
        ));
    }
    Ok(page.fetch(select, db).await?)
}

/// "The project's id is among the `project_id`s of the rows of `members` whose `column` is
/// `value`": projects a given organisation or department takes part in.
fn taking_part<E: EntityTrait>(
    members: E,
    project_id: E::Column,
    column: E::Column,
    value: &str,
) -> SimpleExpr {
    joint_project::Column::Id.in_subquery(
        Query::select()
            .column(project_id)
            .from(members)
            .and_where(column.eq(value))
            .to_owned(),
    )
}

pub async fn by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[String],
) -> ApiResult<Vec<joint_project::Model>> {
    Ok(joint_project::Entity::find()
        .filter(joint_project::Column::Id.is_in(ids.iter().cloned()))
        .all(db)
        .await?)
}

pub async fn departments_of<C: ConnectionTrait>(
    db: &C,
    ids: &[String],
) -> ApiResult<Vec<joint_project_department::Model>> {
    let mut rows = joint_project_department::Entity::find()
        .filter(joint_project_department::Column::ProjectId.is_in(ids.iter().cloned()))
        .all(db)
        .await?;
    // Sorted here, not in SQL: the databases' collations order Chinese text differently.
    rows.sort_by(|a, b| a.department.cmp(&b.department));
    Ok(rows)
}

pub async fn organizations_of<C: ConnectionTrait>(
    db: &C,
    ids: &[String],
) -> ApiResult<Vec<joint_project_organization::Model>> {
    Ok(joint_project_organization::Entity::find()
        .filter(joint_project_organization::Column::ProjectId.is_in(ids.iter().cloned()))
        .order_by_asc(joint_project_organization::Column::Organization)
        .all(db)
        .await?)
}

/// Every department taking part in some project, sorted (by code point, the same on
/// every database).
pub async fn departments<C: ConnectionTrait>(db: &C) -> ApiResult<Vec<String>> {
    let mut names = joint_project_department::Entity::find()
        .select_only()
        .column(joint_project_department::Column::Department)
        .distinct()
        .into_tuple::<String>()
        .all(db)
        .await?;
    names.sort();
    Ok(names)
}
