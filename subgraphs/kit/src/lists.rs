//! Filtered list queries: the filters every organisation's lists share (a region and
//! everything below it, an equal value, one of some values, a part of a text, a date
//! range), each applied only when the caller gave it, then one page ordered by a column
//! (see [`crate::Page`]). [`list_queries!`](crate::list_queries) declares the GraphQL list
//! fields over them.
//!
//! ```ignore
//! let select = organization::Entity::find()
//!     .in_region(filter.region_code.as_deref())?
//!     .equal(organization::Column::Kind, filter.kind.clone())
//!     .containing(organization::Column::Name, filter.name_contains.as_deref());
//! page.fetch(select.order_by_asc(organization::Column::Id), db).await
//! ```

use sea_orm::sea_query::{Alias, Expr, ExprTrait, LikeExpr, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, Iterable,
    PrimaryKeyToColumn, QueryFilter, QueryOrder, Select, Value,
};

use crate::error::{ApiError, ApiResult};
use crate::pagination::Page;
use crate::region::RegionScope;

/// "In region `code` and everything below it" for a table with the three region columns
/// (`region_code`, `street_code`, `district_code`); `None` for the whole city. An unknown
/// code is the caller's mistake and says so.
pub fn region_condition(code: &str) -> ApiResult<Option<SimpleExpr>> {
    let scope = RegionScope::of(code).ok_or_else(|| {
        ApiError::bad_input(format!(
            "`regionCode` `{code}` is not a division code of Chengdu: expected 510100, a \
             county code (6 digits), a street code (9) or a community code (12)"
        ))
    })?;
    Ok(scope
        .column_and_value()
        .map(|(column, value)| Expr::col(Alias::new(column)).eq(value.to_string())))
}

/// [`region_condition`] as a `Condition` for an optional code (`None`: no filter).
pub fn region_filter(code: Option<&str>) -> ApiResult<Condition> {
    let mut condition = Condition::all();
    if let Some(expr) = code.map(region_condition).transpose()?.flatten() {
        condition = condition.add(expr);
    }
    Ok(condition)
}

/// The optional filters of a list query; each does nothing when its value is `None`.
pub trait Filters: Sized {
    /// Rows in region `code` and below (see [`region_condition`]).
    fn in_region(self, code: Option<&str>) -> ApiResult<Self>;
    /// Rows whose `column` equals `value`.
    fn equal<C: ColumnTrait, V: Into<Value>>(self, column: C, value: Option<V>) -> Self;
    /// Rows whose `column` is one of `values` (none given: every row).
    fn one_of<C: ColumnTrait, V: Into<Value> + Clone>(self, column: C, values: &[V]) -> Self;
    /// Rows whose text `column` contains `text` literally (`%` and `_` in it are no
    /// wildcards); an empty text does nothing.
    fn containing<C: ColumnTrait, T: AsRef<str>>(self, column: C, text: Option<T>) -> Self;
    /// Rows whose `column` is at least `value`.
    fn at_least<C: ColumnTrait, V: Into<Value>>(self, column: C, value: Option<V>) -> Self;
    /// Rows whose `column` is at most `value`.
    fn at_most<C: ColumnTrait, V: Into<Value>>(self, column: C, value: Option<V>) -> Self;
    /// Rows whose nullable `column` is set (`true`) or null (`false`).
    fn has_value<C: ColumnTrait>(self, column: C, set: Option<bool>) -> Self;
    /// Rows whose `column` lies between `from` and `to`, both included.
    fn between<C: ColumnTrait, V: Into<Value>>(
        self,
        column: C,
        from: Option<V>,
        to: Option<V>,
    ) -> Self;
}

impl<E: EntityTrait> Filters for Select<E> {
    fn in_region(self, code: Option<&str>) -> ApiResult<Self> {
        Ok(match code.map(region_condition).transpose()?.flatten() {
            Some(condition) => self.filter(condition),
            None => self,
        })
    }

    fn equal<C: ColumnTrait, V: Into<Value>>(self, column: C, value: Option<V>) -> Self {
        match value {
            Some(value) => self.filter(column.eq(value)),
            None => self,
        }
    }

    fn one_of<C: ColumnTrait, V: Into<Value> + Clone>(self, column: C, values: &[V]) -> Self {
        if values.is_empty() {
            return self;
        }
        self.filter(column.is_in(values.iter().cloned()))
    }

    fn containing<C: ColumnTrait, T: AsRef<str>>(self, column: C, text: Option<T>) -> Self {
        match text.as_ref().map(AsRef::as_ref).filter(|t| !t.is_empty()) {
            Some(text) => {
                self.filter(Expr::col(column.as_column_ref()).like(contains_pattern(text)))
            }
            None => self,
        }
    }

    fn at_least<C: ColumnTrait, V: Into<Value>>(self, column: C, value: Option<V>) -> Self {
        match value {
            Some(value) => self.filter(column.gte(value)),
            None => self,
        }
    }

    fn at_most<C: ColumnTrait, V: Into<Value>>(self, column: C, value: Option<V>) -> Self {
        match value {
            Some(value) => self.filter(column.lte(value)),
            None => self,
        }
    }

    fn has_value<C: ColumnTrait>(self, column: C, set: Option<bool>) -> Self {
        match set {
            Some(true) => self.filter(column.is_not_null()),
            Some(false) => self.filter(column.is_null()),
            None => self,
        }
    }

    fn between<C: ColumnTrait, V: Into<Value>>(
        self,
        column: C,
        from: Option<V>,
        to: Option<V>,
    ) -> Self {
        self.at_least(column, from).at_most(column, to)
    }
}

/// `%text%` with LIKE's wildcards in `text` escaped, so the text is matched as written.
fn contains_pattern(text: &str) -> LikeExpr {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// One page of `E`'s rows in region `region_code` and below, narrowed by `filters`, ordered
/// by the primary key so pages are stable, with the total over all pages. What
/// [`paged_lists!`](crate::paged_lists) declares.
pub async fn fetch_page<E, C>(
    db: &C,
    page: Page,
    region_code: Option<&str>,
    filters: impl FnOnce(Select<E>) -> Select<E>,
) -> ApiResult<(i64, Vec<E::Model>)>
where
    E: EntityTrait,
    E::Model: FromQueryResult + Send + Sync,
    C: ConnectionTrait,
{
    let mut select = filters(E::find().in_region(region_code)?);
    for key in E::PrimaryKey::iter() {
        select = select.order_by_asc(key.into_column());
    }
    Ok(page.fetch(select, db).await?)
}

/// Declares an organisation's paged list queries, each
/// `async fn NAME(db, filter: &Filter, page: Page) -> ApiResult<(i64, Vec<Model>)>`: the
/// block checks the filter's arguments (its statements run first, so their errors come
/// before a bad `regionCode`) and ends with the closure that narrows the query; the filter's
/// `region_code` and the order by primary key are applied by [`fetch_page`].
///
/// ```ignore
/// quntuan_kit::paged_lists! {
///     pub(crate) fn workers(filter: &DisabilityWorkerFilter) -> worker::Entity {
///         let organization =
///             ids::ORGANIZATION.parse_optional("organizationId", filter.organization_id.as_ref())?;
///         move |select| select.equal(worker::Column::Role, filter.role.clone())
///             .equal(worker::Column::OrganizationId, organization)
///     }
/// }
/// ```
#[macro_export]
macro_rules! paged_lists {
    ($(
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($filter:ident: &$filter_ty:ty) -> $entity:ty $body:block
    )*) => {$(
        $(#[$meta])*
        $vis async fn $name<C: $crate::reexports::sea_orm::ConnectionTrait>(
            db: &C,
            $filter: &$filter_ty,
            page: $crate::Page,
        ) -> $crate::ApiResult<(
            i64,
            Vec<<$entity as $crate::reexports::sea_orm::EntityTrait>::Model>,
        )> {
            $crate::lists::fetch_page::<$entity, C>(
                db,
                page,
                $filter.region_code.as_deref(),
                $body,
            )
            .await
        }
    )*};
}

/// Declares the object of an organisation's list queries, each field
/// `NAME(filter: Filter! = {..}, limit: Int! = 20, offset: Int! = 0): Connection!` with the
/// `@listSize` cost directive: it reads one page through a service function
/// `fetch(db, &filter, page) -> ApiResult<(i64, Vec<Row>)>` (as [`paged_lists!`]
/// declares them) and wraps each row as the connection's item type. `db(ctx) = ..` says
/// how a resolver reaches the database; an entry may name a function
/// `check(ctx, &filter) -> async_graphql::Result<()>` run first (a filter that needs a
/// scope). Doc comments become the fields' descriptions, in the order written. A
/// connection named with its description, `-> UnionConnection("A page of unions.") of
/// Union`, is declared here too ([`connection!`](crate::connection)).
///
/// ```ignore
/// quntuan_kit::list_queries! {
///     ListQuery, db(ctx) = &app(ctx)?.db;
///     /// League branches and organisations, filtered, one page at a time.
///     youth_branches(YouthBranchFilter)
///         -> YouthBranchConnection of YouthBranch = lists::branches;
///     /// The registry, filtered (category and grade need `disability:sensitive`).
///     disabled_persons(DisabledPersonFilter) -> DisabledPersonConnection of DisabledPerson
///         = lists::persons, checked by sensitive_filter_allowed;
/// }
/// ```
#[macro_export]
macro_rules! list_queries {
    (
        $(#[$meta:meta])* $name:ident, db($ctx:ident) = $db:expr;
        $(
            $(#[$doc:meta])*
            $field:ident($filter:ty) -> $connection:ident $(($connection_doc:tt))? of $item:ident
            = $fetch:path $(, checked by $check:path)?;
        )*
    ) => {
        $($($crate::connection!(#[doc = $connection_doc] $connection, $item);)?)*

        $(#[$meta])*
        #[derive(Default)]
        pub struct $name;

        #[$crate::reexports::async_graphql::Object]
        impl $name {
            $(
                $(#[$doc])*
                #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
                async fn $field(
                    &self,
                    $ctx: &$crate::reexports::async_graphql::Context<'_>,
                    #[graphql(default)] filter: $filter,
                    #[graphql(default = 20)] limit: i32,
                    #[graphql(default)] offset: i32,
                ) -> $crate::reexports::async_graphql::Result<$connection> {
                    $($check($ctx, &filter)?;)?
                    let found = $fetch($db, &filter, $crate::Page::new(limit, offset)?).await?;
                    Ok($connection::of(found, $item))
                }
            )*
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::test_database;
    use sea_orm::ConnectionTrait;

    #[allow(unreachable_pub)] // the entity macro writes public items, as for a crate's model
    mod probe {
        crate::located_entity!("probe", text id { name: String, level: Option<String> });
    }

    #[tokio::test]
    async fn text_filters_take_the_text_literally() -> Result<(), Box<dyn std::error::Error>> {
        let db = test_database().await;
        db.execute_unprepared(
            "CREATE TABLE probe (id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT, \
             region_code TEXT NOT NULL, street_code TEXT NOT NULL, district_code TEXT NOT NULL); \
             INSERT INTO probe VALUES ('a', '50% off', 'CITY', '1', '1', '1'), \
             ('b', '500 off', NULL, '1', '1', '1'), ('c', 'a_b', NULL, '1', '1', '1')",
        )
        .await?;
        let ids = |rows: Vec<probe::Model>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
        let find = || probe::Entity::find().order_by_asc(probe::Column::Id);
        let name = probe::Column::Name;
        assert_eq!(
            ids(find().containing(name, Some("0%")).all(&db).await?),
            ["a"]
        );
        assert_eq!(
            ids(find().containing(name, Some("a_")).all(&db).await?),
            ["c"]
        );
        assert_eq!(
            ids(find().containing(name, Some("")).all(&db).await?),
            ["a", "b", "c"]
        );
        let level = probe::Column::Level;
        assert_eq!(
            ids(find().has_value(level, Some(true)).all(&db).await?),
            ["a"]
        );
        assert_eq!(
            ids(find().has_value(level, Some(false)).all(&db).await?),
            ["b", "c"]
        );
        Ok(())
    }

    #[test]
    fn region_codes_are_checked() {
        assert!(matches!(region_condition("510100"), Ok(None)));
        assert!(matches!(region_condition("510104001"), Ok(Some(_))));
        assert_eq!(
            region_condition("4401")
                .err()
                .map(|e| e.message().to_string()),
            Some(
                "`regionCode` `4401` is not a division code of Chengdu: expected 510100, a county \
                 code (6 digits), a street code (9) or a community code (12)"
                    .to_string()
            )
        );
    }
}
