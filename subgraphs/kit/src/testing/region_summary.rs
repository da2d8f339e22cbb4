//! Checks of a subgraph's region-figure summary table (see [`crate::summary`]) in its
//! tests: which regions to compare with the live aggregate, what the demo seed must leave
//! in it, and how figures and row counts move.

use std::collections::{BTreeSet, HashMap};

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::region::{CITY_CODE, RegionTree};
use crate::scale::Scale;
use crate::summary::RegionSummary;

/// The codes of the rows of the summary table `table`, in order.
pub async fn summary_codes(db: &DatabaseConnection, table: &str) -> Vec<String> {
    let sql = format!("SELECT code FROM {table} ORDER BY code");
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap_or_else(|err| panic!("reading the codes of `{table}` failed: {err}"));
    rows.iter()
        .map(|row| row.try_get::<String>("", "code").expect("a code column"))
        .collect()
}

/// The regions a summary check compares: every region of the demo tree, every region
/// with a row in `table`, and `extra`; in order, once each.
pub async fn regions_to_check(db: &DatabaseConnection, table: &str, extra: &[&str]) -> Vec<String> {
    let mut codes: BTreeSet<String> = RegionTree::get(Scale::Demo)
        .all()
        .iter()
        .map(|r| r.code.clone())
        .collect();
    codes.extend(summary_codes(db, table).await);
    codes.extend(extra.iter().map(|c| c.to_string()));
    codes.into_iter().collect()
}

/// Asserts `summary` reads what its live aggregate gives (the oracle) for every region
/// of the demo tree and the city, naming the region and `when` (say "after the seed")
/// where they differ; answers the summary's figures by region.
pub async fn assert_summary_is_live(
    db: &DatabaseConnection,
    summary: &RegionSummary,
    when: &str,
) -> HashMap<String, Vec<i64>> {
    assert_summary_matches_live(db, summary, &[CITY_CODE], when).await
}

/// [`assert_summary_is_live`] over the regions [`regions_to_check`] gives with `extra`
/// (a region no record used yet, say), each of which must have a summary row.
pub async fn assert_summary_matches_live(
    db: &DatabaseConnection,
    summary: &RegionSummary,
    extra: &[&str],
    when: &str,
) -> HashMap<String, Vec<i64>> {
    let codes = regions_to_check(db, summary.table, extra).await;
    let read = summary.read(db, &codes).await.expect("the summary reads");
    assert_eq!(read.len(), codes.len(), "summary rows {when}");
    let live = summary
        .live(db, &codes)
        .await
        .expect("the live aggregate runs");
    for code in &codes {
        assert_eq!(read.get(code), live.get(code), "region {code} {when}");
    }
    read
}

/// Asserts the rows the demo seed left in `table` are regions of the demo tree: each
/// district, and streets and communities holding records.
pub async fn assert_rows_cover_the_demo_tree(db: &DatabaseConnection, table: &str) {
    let codes = summary_codes(db, table).await;
    let tree = RegionTree::get(Scale::Demo);
    assert!(codes.iter().all(|c| tree.region(c).is_some()), "{codes:?}");
    for district in tree.districts() {
        assert!(codes.contains(&district.code), "{}", district.code);
    }
    assert!(codes.iter().any(|c| c.len() == 9), "no street: {codes:?}");
    assert!(
        codes.iter().any(|c| c.len() == 12),
        "no community: {codes:?}"
    );
}

/// `after - before`, figure by figure.
pub fn figure_changes(after: &[i64], before: &[i64]) -> Vec<i64> {
    after.iter().zip(before).map(|(a, b)| a - b).collect()
}

/// `counts` (as [`super::row_counts`] gives them) with `added` rows more in the named
/// tables. Panics on a table that was not counted.
pub fn plus_rows(counts: &[(String, i64)], added: &[(&str, i64)]) -> Vec<(String, i64)> {
    let mut expected = counts.to_vec();
    for (table, n) in added {
        match expected.iter_mut().find(|(name, _)| name == table) {
            Some((_, rows)) => *rows += n,
            None => panic!("the rows of `{table}` were not counted"),
        }
    }
    expected
}
