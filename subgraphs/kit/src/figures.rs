//! Per-region aggregates for `Region.ORG` figure fields: one `GROUP BY` per region level
//! present in a batch (at most four statements for any number of regions), never one
//! query per region.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DbErr, Value};

use crate::db::statement;
use crate::region::{RegionLevel, RegionScope};

/// Aggregates `measures` over the rows of `table` in each region of `codes` (the region
/// and everything below it), using the `district_code`, `street_code` and `region_code`
/// columns every organisation table carries.
///
/// `measures` are SQL expressions written in code, e.g. `"COUNT(*)"`,
/// `"SUM(member_count)"`, `"SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END)"`; each is
/// wrapped as `CAST(COALESCE(expr, 0) AS BIGINT)`. `filter` is an optional SQL condition
/// (also from code, never from input) added to the `WHERE`.
///
/// Returns, for every known code of `codes`, one value per measure (zeros when the region
/// has no rows). Codes that are not division codes are left out of the map.
pub async fn aggregate_by_region<C: ConnectionTrait>(
    db: &C,
    table: &str,
    measures: &[&str],
    filter: Option<&str>,
    codes: &[String],
) -> Result<HashMap<String, Vec<i64>>, DbErr> {
    let backend = db.get_database_backend();
    let select_list = measures
        .iter()
        .enumerate()
        .map(|(i, m)| format!("CAST(COALESCE({m}, 0) AS BIGINT) AS m{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut out: HashMap<String, Vec<i64>> = HashMap::new();
    let mut by_column: HashMap<&'static str, Vec<String>> = HashMap::new();
    let mut wants_city = false;
    for code in codes {
        match RegionScope::of(code) {
            Some(RegionScope::All) => wants_city = true,
            Some(scope) => {
                if let Some((column, value)) = scope.column_and_value() {
                    by_column.entry(column).or_default().push(value.to_string());
                }
            }
            None => continue,
        }
        out.insert(code.clone(), vec![0; measures.len()]);
    }
    let and_filter = filter.map(|f| format!(" AND ({f})")).unwrap_or_default();
    if wants_city {
        let where_filter = filter.map(|f| format!(" WHERE {f}")).unwrap_or_default();
        let sql = format!("SELECT {select_list} FROM \"{table}\"{where_filter}");
        if let Some(row) = db
            .query_one_raw(statement(backend, sql, Vec::new()))
            .await?
        {
            let values = read_measures(&row, measures.len())?;
            for code in codes
                .iter()
                .filter(|c| RegionLevel::of_code(c) == Some(RegionLevel::City))
            {
                out.insert(code.clone(), values.clone());
            }
        }
    }
    // Fixed order so the statements (and their count) are deterministic.
    for column in ["district_code", "street_code", "region_code"] {
        let Some(values) = by_column.get(column) else {
            continue;
        };
        let placeholders = (1..=values.len())
            .map(|i| match backend {
                sea_orm::DbBackend::Postgres => format!("${i}"),
                _ => "?".to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT \"{column}\" AS code, {select_list} FROM \"{table}\" \
             WHERE \"{column}\" IN ({placeholders}){and_filter} GROUP BY \"{column}\""
        );
        let params = values.iter().map(|v| Value::from(v.clone())).collect();
        for row in db.query_all_raw(statement(backend, sql, params)).await? {
            let code: String = row.try_get("", "code")?;
            out.insert(code, read_measures(&row, measures.len())?);
        }
    }
    Ok(out)
}

fn read_measures(row: &sea_orm::QueryResult, n: usize) -> Result<Vec<i64>, DbErr> {
    (0..n)
        .map(|i| row.try_get::<i64>("", &format!("m{i}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{StatementCounter, test_database};

    #[tokio::test]
    async fn aggregates_each_level_with_one_statement() -> Result<(), Box<dyn std::error::Error>> {
        let mut db = test_database().await;
        db.execute_unprepared(
            "CREATE TABLE home (id TEXT PRIMARY KEY, region_code TEXT NOT NULL, street_code TEXT NOT NULL, \
             district_code TEXT NOT NULL, members INTEGER NOT NULL, open BOOLEAN NOT NULL)",
        )
        .await?;
        db.execute_unprepared(
            "INSERT INTO home VALUES \
             ('a', '510104001001', '510104001', '510104', 10, TRUE), \
             ('b', '510104001002', '510104001', '510104', 5, FALSE), \
             ('c', '510104002001', '510104002', '510104', 7, TRUE), \
             ('d', '510105001001', '510105001', '510105', 1, TRUE)",
        )
        .await?;
        let counter = StatementCounter::attach(&mut db);
        let codes: Vec<String> = [
            "510100",
            "510104",
            "510105",
            "510106",
            "510104001",
            "510104001002",
            "bogus",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let measures = [
            "COUNT(*)",
            "SUM(members)",
            "SUM(CASE WHEN open THEN 1 ELSE 0 END)",
        ];
        let figures = aggregate_by_region(&db, "home", &measures, None, &codes).await?;
        let get = |c: &str| figures.get(c).cloned();
        assert_eq!(get("510100"), Some(vec![4, 23, 3]));
        assert_eq!(get("510104"), Some(vec![3, 22, 2]));
        assert_eq!(get("510105"), Some(vec![1, 1, 1]));
        assert_eq!(get("510106"), Some(vec![0, 0, 0]));
        assert_eq!(get("510104001"), Some(vec![2, 15, 1]));
        assert_eq!(get("510104001002"), Some(vec![1, 5, 0]));
        assert_eq!(get("bogus"), None);
        assert_eq!(counter.count(), 4);
        let open_only =
            aggregate_by_region(&db, "home", &["COUNT(*)"], Some("open"), &codes).await?;
        assert_eq!(open_only.get("510104").cloned(), Some(vec![2]));
        assert_eq!(open_only.get("510100").cloned(), Some(vec![3]));
        Ok(())
    }
}
