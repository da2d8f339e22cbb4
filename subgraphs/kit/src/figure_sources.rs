//! Per-region figures of several tables in one SQL statement per batch of regions (the
//! multi-table companion of [`crate::figures::aggregate_by_region`]).
//!
//! Every table has `region_code` (community or street), `street_code` and `district_code`,
//! so "a region and everything below it" is an equality on one column chosen by the code's
//! level. For a batch of codes and several tables the statement is
//!
//! ```sql
//! SELECT code, CAST(SUM(f0) AS BIGINT) AS f0, ... FROM (
//!   SELECT district_code AS code, COUNT(*) AS f0, 0 AS f1 FROM t1 WHERE district_code IN (..) GROUP BY district_code
//!   UNION ALL SELECT street_code AS code, ... FROM t1 WHERE street_code IN (..) GROUP BY street_code
//!   UNION ALL SELECT code-of-city, ... FROM t1            -- whole city
//!   UNION ALL ... the same for t2 ...
//! ) figures GROUP BY code
//! ```

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement, Value};

use crate::{ApiError, RegionLevel, region::CITY_CODE};

/// One table and the aggregate expressions it contributes, e.g.
/// `("youth_service_logs", &["COUNT(*)", "COALESCE(SUM(minutes), 0)"])`.
pub struct FigureSource {
    pub table: &'static str,
    pub aggregates: &'static [&'static str],
}

/// A loader of `Region.<organisation>` figures from live aggregates: one statement per batch
/// of region codes, the figures in the order of `sources` and their aggregates.
pub struct LiveFigures {
    db: DatabaseConnection,
    sources: &'static [FigureSource],
}

impl LiveFigures {
    pub fn new(db: &DatabaseConnection, sources: &'static [FigureSource]) -> Self {
        LiveFigures {
            db: db.clone(),
            sources,
        }
    }
}

impl Loader<String> for LiveFigures {
    type Value = Vec<i64>;
    type Error = ApiError;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Vec<i64>>, ApiError> {
        Ok(region_figures(&self.db, self.sources, keys).await?)
    }
}

/// The figures of each requested region, in the order of `sources` and their aggregates.
/// Codes that are not division codes, or that have no rows, answer zeros.
pub async fn region_figures<C: ConnectionTrait>(
    db: &C,
    sources: &[FigureSource],
    codes: &[String],
) -> Result<HashMap<String, Vec<i64>>, DbErr> {
    let sources: Vec<(&str, &[&str])> = sources.iter().map(|s| (s.table, s.aggregates)).collect();
    figures_by_region(db, &sources, codes).await
}

/// [`region_figures`] over `(table, aggregates)` pairs built at run time.
pub async fn figures_by_region<C: ConnectionTrait, A: AsRef<str>>(
    db: &C,
    sources: &[(&str, &[A])],
    codes: &[String],
) -> Result<HashMap<String, Vec<i64>>, DbErr> {
    let width: usize = sources.iter().map(|s| s.1.len()).sum();
    let mut result: HashMap<String, Vec<i64>> =
        codes.iter().map(|c| (c.clone(), vec![0; width])).collect();
    let mut by_level: Vec<(&'static str, Vec<&String>)> = vec![
        ("district_code", Vec::new()),
        ("street_code", Vec::new()),
        ("region_code", Vec::new()),
    ];
    let mut city = false;
    for code in codes {
        match RegionLevel::of_code(code) {
            Some(RegionLevel::City) => city = true,
            Some(RegionLevel::District) => by_level[0].1.push(code),
            Some(RegionLevel::Street) => by_level[1].1.push(code),
            Some(RegionLevel::Community) => by_level[2].1.push(code),
            None => {}
        }
    }
    if !city && by_level.iter().all(|(_, c)| c.is_empty()) {
        return Ok(result);
    }
    let backend = db.get_database_backend();
    let mut values: Vec<Value> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let mut offset = 0;
    for (table, aggregates) in sources {
        let columns = figure_columns(width, offset, aggregates);
        offset += aggregates.len();
        if city {
            parts.push(format!(
                "SELECT '{CITY_CODE}' AS code, {columns} FROM {table}"
            ));
        }
        for (column, level_codes) in &by_level {
            if level_codes.is_empty() {
                continue;
            }
            let mut marks = Vec::with_capacity(level_codes.len());
            for code in level_codes {
                values.push(Value::from(code.to_string()));
                marks.push(placeholder(backend, values.len()));
            }
            parts.push(format!(
                "SELECT {column} AS code, {columns} FROM {table} WHERE {column} IN ({}) GROUP BY {column}",
                marks.join(", ")
            ));
        }
    }
    let sums: Vec<String> = (0..width)
        .map(|i| format!("CAST(SUM(f{i}) AS BIGINT) AS f{i}"))
        .collect();
    let sql = format!(
        "SELECT code, {} FROM ({}) figures GROUP BY code",
        sums.join(", "),
        parts.join(" UNION ALL ")
    );
    let names: Vec<String> = (0..width).map(|i| format!("f{i}")).collect();
    fill_by_code(
        db,
        Statement::from_sql_and_values(backend, sql, values),
        &names,
        &mut result,
    )
    .await?;
    Ok(result)
}

/// Runs `statement` (rows of a `code` and figure columns) and writes each row's figures, read
/// from the columns `names` in slot order (a SQL null as 0), into its code's slots in `result`;
/// a code `result` does not hold is skipped.
pub(crate) async fn fill_by_code<C: ConnectionTrait, N: AsRef<str>>(
    db: &C,
    statement: Statement,
    names: &[N],
    result: &mut HashMap<String, Vec<i64>>,
) -> Result<(), DbErr> {
    for row in db.query_all_raw(statement).await? {
        let code: String = row.try_get("", "code")?;
        if let Some(slot) = result.get_mut(&code) {
            for (value, name) in slot.iter_mut().zip(names) {
                *value = row.try_get::<Option<i64>>("", name.as_ref())?.unwrap_or(0);
            }
        }
    }
    Ok(())
}

/// `COUNT(*) AS f0, 0 AS f1, ...`: this source's aggregates in its slots, zeros elsewhere.
fn figure_columns<A: AsRef<str>>(width: usize, offset: usize, aggregates: &[A]) -> String {
    (0..width)
        .map(
            |i| match i.checked_sub(offset).and_then(|j| aggregates.get(j)) {
                Some(aggregate) => format!("{} AS f{i}", aggregate.as_ref()),
                None => format!("0 AS f{i}"),
            },
        )
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `n`th bind parameter's mark (`$n` on PostgreSQL, `?` elsewhere).
pub(crate) fn placeholder(backend: DbBackend, n: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("${n}"),
        _ => "?".to_string(),
    }
}
