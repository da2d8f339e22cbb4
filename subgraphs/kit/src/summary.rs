//! A per-region summary table of an organisation's figures: one row per region code (city,
//! district, street, community) with one `BIGINT` column per figure, so `Region.<org>` reads
//! a few rows instead of aggregating the tables on every dashboard request.
//!
//! The summary is filled set-based from the tables ([`RegionSummary::fill`]: by the seed, and
//! on start when the table is new and empty, see [`RegionSummary::fill_if_empty`]); every
//! mutation that writes a counted table adds its increments inside its own transaction
//! ([`RegionSummary::add`]), so the summary always equals the live aggregate
//! ([`RegionSummary::live`], the tests' oracle).

use std::collections::HashMap;

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, Loader};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement, Value};

use crate::error::ApiError;
use crate::figure_sources::{figures_by_region, fill_by_code, placeholder};
use crate::region::{CITY_CODE, RegionLevel, RegionRef};

/// One counted table and what its rows add to which summary column:
/// `("youth_branches", &[("branch_count", "COUNT(*)"), ("member_count", "SUM(member_count)")])`.
pub struct SummarySource {
    pub table: &'static str,
    pub measures: &'static [(&'static str, &'static str)],
}

impl SummarySource {
    /// What this table adds to `column` (`0` for a column it does not count).
    fn measure(&self, column: &str) -> &'static str {
        self.measures
            .iter()
            .find(|(c, _)| *c == column)
            .map_or("0", |(_, measure)| measure)
    }
}

/// A summary table, its figure columns (in the order readers get them) and its sources.
pub struct RegionSummary {
    pub table: &'static str,
    pub columns: &'static [&'static str],
    pub sources: &'static [SummarySource],
    /// Columns whose measure counts distinct values (`COUNT(DISTINCT dispute_id)`): they do
    /// not add up along the hierarchy, so [`RegionSummary::fill`] counts them per region,
    /// and a mutation adds to them only in the regions where its value is new.
    pub distinct: &'static [&'static str],
}

impl RegionSummary {
    /// Where the figures of source `index` (its measures, in order) sit among the
    /// summary's columns, so a reader can take one table's figures from a row.
    pub fn source_columns(&self, index: usize) -> std::ops::Range<usize> {
        let measures = self.sources.get(index).map_or(&[][..], |s| s.measures);
        let first = measures
            .first()
            .and_then(|(column, _)| self.columns.iter().position(|c| c == column));
        first.map_or(0..0, |start| start..start + measures.len())
    }

    /// The `CREATE TABLE` statement of the summary (for its migration).
    pub fn create_table_sql(&self) -> String {
        let columns: Vec<String> = self
            .columns
            .iter()
            .map(|c| format!("{c} BIGINT NOT NULL DEFAULT 0"))
            .collect();
        format!(
            "CREATE TABLE IF NOT EXISTS {} (code VARCHAR(12) NOT NULL PRIMARY KEY, {})",
            self.table,
            columns.join(", ")
        )
    }

    /// The live aggregate of the same figures over the tables, in the order of the
    /// columns (zeros for codes that are not division codes): what the summary must always
    /// equal, the tests' oracle.
    pub async fn live<C: ConnectionTrait>(
        &self,
        db: &C,
        codes: &[String],
    ) -> Result<HashMap<String, Vec<i64>>, DbErr> {
        let per_table: Vec<Vec<String>> = self
            .sources
            .iter()
            .map(|source| {
                self.columns
                    .iter()
                    .map(|column| format!("COALESCE({}, 0)", source.measure(column)))
                    .collect()
            })
            .collect();
        let sources: Vec<(&str, &[String])> = self
            .sources
            .iter()
            .zip(&per_table)
            .map(|(source, aggregates)| (source.table, aggregates.as_slice()))
            .collect();
        // One figure per table and column: add the tables' contributions per column.
        let by_table = figures_by_region(db, &sources, codes).await?;
        let width = self.columns.len();
        Ok(by_table
            .into_iter()
            .map(|(code, values)| {
                let mut sums = vec![0; width];
                for (i, value) in values.into_iter().enumerate() {
                    sums[i % width] += value;
                }
                (code, sums)
            })
            .collect())
    }

    /// Fills the summary when it has no rows (a filled summary always has the city's row):
    /// a database seeded before the summary existed then answers its real figures.
    pub async fn fill_if_empty<C: ConnectionTrait>(&self, db: &C) -> Result<(), DbErr> {
        let sql = format!("SELECT COUNT(*) AS n FROM {}", self.table);
        let backend = db.get_database_backend();
        let rows = db
            .query_one_raw(Statement::from_string(backend, sql))
            .await?
            .map(|row| row.try_get_by_index::<i64>(0))
            .transpose()?
            .unwrap_or(0);
        if rows == 0 {
            self.fill(db).await?;
        }
        Ok(())
    }

    /// Replaces the summary's rows with the figures of the tables as they are: one `GROUP BY
    /// region_code` over every source gives the regions records live in, then each level
    /// rolls up into its parent. Four statements plus one, whatever the number of rows; run
    /// it in the transaction that wrote the rows.
    pub async fn fill<C: ConnectionTrait>(&self, db: &C) -> Result<(), DbErr> {
        let backend = db.get_database_backend();
        db.execute_raw(Statement::from_string(
            backend,
            format!("DELETE FROM {}", self.table),
        ))
        .await?;
        let parts: Vec<String> = self
            .sources
            .iter()
            .map(|source| {
                let slots: Vec<String> = self
                    .columns
                    .iter()
                    .map(|column| format!("{} AS {column}", source.measure(column)))
                    .collect();
                format!(
                    "SELECT region_code AS code, {} FROM {} GROUP BY region_code",
                    slots.join(", "),
                    source.table
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO {} (code, {}) SELECT code, {} FROM ({}) parts GROUP BY code",
            self.table,
            self.columns.join(", "),
            self.sums(),
            parts.join(" UNION ALL ")
        );
        db.execute_raw(Statement::from_string(backend, sql)).await?;
        self.roll_up(db, 12, "substr(code, 1, 9)", true).await?;
        self.roll_up(db, 9, "substr(code, 1, 6)", true).await?;
        self.roll_up(db, 6, &format!("'{CITY_CODE}'"), false)
            .await?;
        self.count_distinct(db).await
    }

    /// Sets each [`RegionSummary::distinct`] column of every row to its count over the rows
    /// of the region and below (one statement per column).
    async fn count_distinct<C: ConnectionTrait>(&self, db: &C) -> Result<(), DbErr> {
        for column in self.distinct {
            for source in self.sources {
                let Some((_, measure)) = source.measures.iter().find(|(c, _)| c == column) else {
                    continue;
                };
                let (table, summary) = (source.table, self.table);
                let sql = format!(
                    "UPDATE {summary} SET {column} = (SELECT CAST({measure} AS BIGINT) FROM {table} \
                     WHERE {summary}.code = '{CITY_CODE}' OR {table}.district_code = {summary}.code \
                     OR {table}.street_code = {summary}.code OR {table}.region_code = {summary}.code)"
                );
                db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
                    .await?;
            }
        }
        Ok(())
    }

    /// Adds the sums of the rows whose codes have `child_len` digits to their parents' rows
    /// (streets may hold street-level records already). Without `grouped` every child rolls
    /// into one parent, the city, whose row then exists even when the tables are empty.
    async fn roll_up<C: ConnectionTrait>(
        &self,
        db: &C,
        child_len: usize,
        parent: &str,
        grouped: bool,
    ) -> Result<(), DbErr> {
        let group = if grouped {
            format!(" GROUP BY {parent}")
        } else {
            String::new()
        };
        // The WHERE clause also keeps SQLite from reading `ON CONFLICT` as a join constraint.
        let sql = format!(
            "INSERT INTO {table} (code, {columns}) SELECT {parent}, {sums} FROM {table} \
             WHERE length(code) = {child_len}{group} {upsert}",
            table = self.table,
            columns = self.columns.join(", "),
            sums = self.sums(),
            upsert = self.on_conflict_add(self.columns),
        );
        db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
            .await?;
        Ok(())
    }

    /// `CAST(COALESCE(SUM(c), 0) AS BIGINT) AS c, ...` (PostgreSQL sums bigints as numeric).
    fn sums(&self) -> String {
        self.columns
            .iter()
            .map(|c| format!("CAST(COALESCE(SUM({c}), 0) AS BIGINT) AS {c}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// An upsert tail adding the inserted values of `columns` to an existing row.
    fn on_conflict_add(&self, columns: &[&str]) -> String {
        let sets: Vec<String> = columns
            .iter()
            .map(|c| format!("{c} = {0}.{c} + excluded.{c}", self.table))
            .collect();
        format!("ON CONFLICT (code) DO UPDATE SET {}", sets.join(", "))
    }

    /// Adds `increments` (columns and their deltas, written in code) to the figures of
    /// `region` (the community or street of a record), its street, its district and the
    /// city: one statement, to be run in the transaction that writes the record.
    pub async fn add<C: ConnectionTrait>(
        &self,
        db: &C,
        region: &RegionRef,
        increments: &[(&'static str, i64)],
    ) -> Result<(), DbErr> {
        self.add_to(db, &region_and_above(region), increments).await
    }

    /// [`RegionSummary::add`] for the given region codes only (a figure that counts distinct
    /// values grows only where the value is new).
    pub async fn add_to<C: ConnectionTrait>(
        &self,
        db: &C,
        codes: &[&str],
        increments: &[(&'static str, i64)],
    ) -> Result<(), DbErr> {
        if increments.is_empty() || codes.is_empty() {
            return Ok(());
        }
        let mut codes = codes.to_vec();
        // Rows locked in one order by every writer (PostgreSQL takes them in VALUES order),
        // so concurrent mutations queue instead of deadlocking.
        codes.sort_unstable();
        codes.dedup();
        let backend = db.get_database_backend();
        let mut values: Vec<Value> = Vec::new();
        let mut tuples = Vec::with_capacity(codes.len());
        for code in codes {
            let mut marks = Vec::with_capacity(increments.len() + 1);
            values.push(code.to_string().into());
            marks.push(placeholder(backend, values.len()));
            for (_, delta) in increments {
                values.push((*delta).into());
                marks.push(placeholder(backend, values.len()));
            }
            tuples.push(format!("({})", marks.join(", ")));
        }
        let columns: Vec<&str> = increments.iter().map(|(c, _)| *c).collect();
        let sql = format!(
            "INSERT INTO {} (code, {}) VALUES {} {}",
            self.table,
            columns.join(", "),
            tuples.join(", "),
            self.on_conflict_add(&columns)
        );
        db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
        Ok(())
    }

    /// The figures of each requested region in the order of the columns, in one statement.
    /// Codes that are not division codes, or have no row, answer zeros.
    pub async fn read<C: ConnectionTrait>(
        &self,
        db: &C,
        codes: &[String],
    ) -> Result<HashMap<String, Vec<i64>>, DbErr> {
        let mut result: HashMap<String, Vec<i64>> = codes
            .iter()
            .map(|c| (c.clone(), vec![0; self.columns.len()]))
            .collect();
        let backend = db.get_database_backend();
        let mut values: Vec<Value> = Vec::new();
        let mut marks = Vec::new();
        for code in result.keys() {
            if RegionLevel::of_code(code).is_some() {
                values.push(code.clone().into());
                marks.push(placeholder(backend, values.len()));
            }
        }
        if values.is_empty() {
            return Ok(result);
        }
        let sql = format!(
            "SELECT code, {} FROM {} WHERE code IN ({})",
            self.columns.join(", "),
            self.table,
            marks.join(", ")
        );
        let statement = Statement::from_sql_and_values(backend, sql, values);
        fill_by_code(db, statement, self.columns, &mut result).await?;
        Ok(result)
    }
}

/// The codes a record in `region` counts in: its community (or street), street, district
/// and the city.
pub fn region_and_above(region: &RegionRef) -> [&str; 4] {
    [
        CITY_CODE,
        region.district_code.as_str(),
        region.street_code.as_str(),
        region.region_code.as_str(),
    ]
}

/// The loader of `Region.<org>` figures read from a summary: one statement per batch of
/// region codes.
pub struct SummaryFigures {
    db: DatabaseConnection,
    summary: &'static RegionSummary,
}

impl SummaryFigures {
    pub fn new(db: &DatabaseConnection, summary: &'static RegionSummary) -> Self {
        SummaryFigures {
            db: db.clone(),
            summary,
        }
    }

    /// The loader a schema was built with (`.data(dataloader(SummaryFigures::new(..)))`),
    /// for `region_figures! { loader(ctx) = SummaryFigures::of(ctx)?; .. }`.
    pub fn of<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a DataLoader<SummaryFigures>> {
        ctx.data::<DataLoader<SummaryFigures>>()
    }
}

impl Loader<String> for SummaryFigures {
    type Value = Vec<i64>;
    type Error = ApiError;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Vec<i64>>, ApiError> {
        Ok(self.summary.read(&self.db, keys).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::test_database;

    const SUMMARY: RegionSummary = RegionSummary {
        table: "t_figures",
        columns: &["item_count", "size_sum", "size_kinds"],
        sources: &[SummarySource {
            table: "item",
            measures: &[
                ("item_count", "COUNT(*)"),
                ("size_sum", "SUM(size)"),
                ("size_kinds", "COUNT(DISTINCT size)"),
            ],
        }],
        distinct: &["size_kinds"],
    };

    async fn live(db: &DatabaseConnection, codes: &[String]) -> HashMap<String, Vec<i64>> {
        SUMMARY.live(db, codes).await.expect("the aggregate runs")
    }

    #[test]
    fn source_columns_are_the_positions_of_each_sources_measures() {
        const TWO: RegionSummary = RegionSummary {
            table: "t_figures",
            columns: &["a_count", "b_count", "b_sum"],
            sources: &[
                SummarySource {
                    table: "a",
                    measures: &[("a_count", "COUNT(*)")],
                },
                SummarySource {
                    table: "b",
                    measures: &[("b_count", "COUNT(*)"), ("b_sum", "SUM(n)")],
                },
            ],
            distinct: &[],
        };
        assert_eq!(TWO.source_columns(0), 0..1);
        assert_eq!(TWO.source_columns(1), 1..3);
        assert_eq!(TWO.source_columns(2), 0..0);
    }

    /// The summary equals the live aggregate after a fill and after increments.
    #[tokio::test]
    async fn summary_equals_the_live_aggregate() -> Result<(), Box<dyn std::error::Error>> {
        let db = test_database().await;
        db.execute_unprepared(&SUMMARY.create_table_sql()).await?;
        db.execute_unprepared(
            "CREATE TABLE item (id BIGINT PRIMARY KEY, size BIGINT NOT NULL, \
             region_code TEXT NOT NULL, street_code TEXT NOT NULL, district_code TEXT NOT NULL); \
             INSERT INTO item VALUES (1, 5, '510104001001', '510104001', '510104'), \
             (2, 7, '510104001', '510104001', '510104'), (3, 1, '510105002003', '510105002', '510105'), \
             (5, 5, '510104001002', '510104001', '510104')",
        )
        .await?;
        SUMMARY.fill_if_empty(&db).await?;
        let codes: Vec<String> = [
            "510100",
            "510104",
            "510104001",
            "510104001001",
            "510105002003",
            "510106",
            "x",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(SUMMARY.read(&db, &codes).await?, live(&db, &codes).await);
        assert_eq!(SUMMARY.read(&db, &codes).await?["510104"], vec![3, 17, 2]);
        let region = RegionRef::of("510106001001").ok_or("a community code")?;
        db.execute_unprepared(
            "INSERT INTO item VALUES (4, 3, '510106001001', '510106001', '510106')",
        )
        .await?;
        SUMMARY
            .add(&db, &region, &[("item_count", 1), ("size_sum", 3)])
            .await?;
        // Size 3 is new everywhere it counts.
        SUMMARY
            .add_to(&db, &region_and_above(&region), &[("size_kinds", 1)])
            .await?;
        assert_eq!(SUMMARY.read(&db, &codes).await?, live(&db, &codes).await);
        assert_eq!(SUMMARY.read(&db, &codes).await?["510100"], vec![5, 21, 4]);
        Ok(())
    }
}
