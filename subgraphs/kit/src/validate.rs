//! Input checks and write helpers every organisation's mutations share; each error names the
//! argument and what to fix (a phone, a resident ID number, a known region or venue). An
//! organisation's own rules stay in its crate.

use std::collections::HashSet;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

use chrono::NaiveDate;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use sea_orm::{ConnectionTrait, DbErr, SqlErr};

use crate::catalog::service_centers;
use crate::error::{ApiError, ApiResult};
use crate::region::{RegionLevel, RegionRef, RegionTree};
use crate::scale::Scale;

/// A trimmed, non-empty text of at most `max` characters, or the error naming `field`.
pub fn text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ApiError::bad_input(format!("`{field}` must not be empty")));
    }
    let length = value.chars().count();
    if length > max {
        return Err(ApiError::bad_input(format!(
            "`{field}` must be at most {max} characters, got {length}"
        )));
    }
    Ok(value.to_string())
}

/// `value` when it lies in `range` (both ends included), or the error naming `field`.
pub fn in_range(field: &str, range: RangeInclusive<i32>, value: i32) -> ApiResult<i32> {
    if range.contains(&value) {
        Ok(value)
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be between {} and {}, got {value}",
            range.start(),
            range.end()
        )))
    }
}

/// `Ok` when `value` is one of `allowed`, or the error naming `field` and listing them.
pub fn one_of(field: &str, allowed: &[&str], value: &str) -> ApiResult<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be one of {}, got `{value}`",
            allowed.join(", ")
        )))
    }
}

/// A street (9 digits) or community (12 digits) code of Chengdu, where records live (the
/// shape of the code only; [`record_region`] also asks the region tree).
pub fn local_region(field: &str, code: &str) -> ApiResult<RegionRef> {
    RegionRef::of(code)
        .filter(|r| r.district_code.starts_with("5101"))
        .ok_or_else(|| {
            ApiError::bad_input(format!(
                "`{field}` must be a street (9 digits) or community (12 digits) code of Chengdu, got `{code}`"
            ))
        })
}

/// A hub service-centre id (`sc-` and up to 40 letters, digits or dashes), by its shape.
pub fn service_center_id(field: &str, id: &str) -> ApiResult<String> {
    let rest = id.strip_prefix("sc-").unwrap_or("");
    if !rest.is_empty()
        && rest.len() <= 40
        && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        Ok(id.to_string())
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be a service centre id such as `sc-510104001`, got `{id}`"
        )))
    }
}

/// A date from 2000-01-01 up to and including `today`.
pub fn date_in_past(field: &str, date: NaiveDate, today: NaiveDate) -> ApiResult<()> {
    let earliest = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
    if date < earliest {
        return Err(ApiError::bad_input(format!(
            "`{field}` must be on or after 2000-01-01, got {date}"
        )));
    }
    if date > today {
        return Err(ApiError::bad_input(format!(
            "`{field}` must not be in the future (today is {today}), got {date}"
        )));
    }
    Ok(())
}

/// A date no later than `today` (no lower bound).
pub fn not_in_future(field: &str, date: NaiveDate, today: NaiveDate) -> ApiResult<()> {
    if date > today {
        return Err(ApiError::bad_input(format!(
            "`{field}` must not be in the future, got {date} (today is {today})"
        )));
    }
    Ok(())
}

/// A record's own region: a street or community that exists in the city's hierarchy.
/// The demo hierarchy is a subset of the full one, so checking the full one accepts every
/// code a seeded database uses.
pub fn record_region(field: &str, code: &str) -> ApiResult<RegionRef> {
    let level = RegionLevel::of_code(code);
    let known = RegionTree::get(Scale::Full).region(code).is_some();
    match (level, RegionRef::of(code)) {
        (Some(RegionLevel::Street | RegionLevel::Community), Some(region)) if known => Ok(region),
        _ => Err(ApiError::bad_input(format!(
            "`{field}` must be the code of a street (9 digits) or community (12 digits) of \
             Chengdu, got `{code}`"
        ))),
    }
}

/// Whether `phone`, as given, is an 11-digit mainland mobile number starting with 1.
pub fn is_mobile_phone(phone: &str) -> bool {
    phone.len() == 11 && phone.starts_with('1') && phone.bytes().all(|b| b.is_ascii_digit())
}

/// An 11-digit mainland mobile number starting with 1.
pub fn mobile_phone(field: &str, phone: &str) -> ApiResult<String> {
    let phone = phone.trim();
    if is_mobile_phone(phone) {
        Ok(phone.to_string())
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be an 11-digit mobile number starting with 1, got `{phone}`"
        )))
    }
}

/// An 18-character resident ID number with a valid GB 11643 check digit (`X` accepted in
/// either case, returned upper-case).
pub fn id_number(field: &str, value: &str) -> ApiResult<String> {
    let value = value.trim().to_ascii_uppercase();
    if is_id_number(&value) {
        Ok(value)
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be an 18-character resident ID number with a valid check digit"
        )))
    }
}

/// Whether `value`, as given, is an 18-character resident ID number whose last character is
/// the GB 11643 check digit (`X` in either case).
pub fn is_id_number(value: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let digits: Vec<u32> = value
        .chars()
        .take(17)
        .filter_map(|c| c.to_digit(10))
        .collect();
    let check = value.chars().nth(17).map(|c| c.to_ascii_uppercase());
    value.chars().count() == 18 && digits.len() == 17 && {
        let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        check == CHECK.get((sum % 11) as usize).copied()
    }
}

/// The id of a shared service centre that `hub` knows.
pub fn known_service_center(field: &str, id: &str) -> ApiResult<String> {
    static KNOWN: OnceLock<HashSet<String>> = OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        service_centers(Scale::Full)
            .into_iter()
            .map(|c| c.id)
            .collect()
    });
    if known.contains(id) {
        Ok(id.to_string())
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` `{id}` is not a shared service centre (ids look like `sc-510104001`)"
        )))
    }
}

/// The next text id `{prefix}{n:0width$}` of `table`, one more than the largest in use. Run
/// it inside the inserting write transaction after `lock_for_inserts(table)`, so that no
/// concurrent writer can take the same id before this one commits.
pub async fn next_id<C: ConnectionTrait>(
    db: &C,
    table: &str,
    prefix: &str,
    width: usize,
) -> ApiResult<String> {
    let statement = Query::select()
        .expr_as(Func::max(Expr::col(Alias::new("id"))), Alias::new("last"))
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new("id")).like(format!("{prefix}%")))
        .to_owned();
    let last: Option<String> = match db.query_one(&statement).await? {
        Some(row) => row.try_get("", "last")?,
        None => None,
    };
    let last_number = last
        .as_deref()
        .and_then(|id| id.strip_prefix(prefix))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    Ok(format!("{prefix}{:0width$}", last_number + 1))
}

/// A failed insert: a uniqueness violation is a `CONFLICT` (the record is already
/// stored); a concurrent writer's lock is transient (the write is retried); anything else
/// is internal.
pub fn write_error(err: DbErr) -> ApiError {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(detail)) => {
            tracing::info!(%detail, "insert refused by a unique constraint");
            ApiError::conflict("the same record is already stored")
        }
        _ => ApiError::database("writing to the database", err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(text("name", "  工会 ", 10), Ok("工会".to_string()));
        assert_eq!(
            text("name", "   ", 10)
                .err()
                .map(|e| e.message().to_string()),
            Some("`name` must not be empty".to_string())
        );
        assert_eq!(
            text("name", "abcdef", 5)
                .err()
                .map(|e| e.message().to_string()),
            Some("`name` must be at most 5 characters, got 6".to_string())
        );
    }

    fn message<T: std::fmt::Debug>(result: ApiResult<T>) -> String {
        result
            .err()
            .map(|e| e.message().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn ranges_choices_regions_venues_and_dates() {
        assert_eq!(in_range("grade", 1..=4, 4), Ok(4));
        assert_eq!(
            message(in_range("grade", 1..=4, 5)),
            "`grade` must be between 1 and 4, got 5"
        );
        assert_eq!(one_of("kind", &["a", "b"], "b"), Ok(()));
        assert_eq!(
            message(one_of("kind", &["a", "b"], "c")),
            "`kind` must be one of a, b, got `c`"
        );
        assert_eq!(
            local_region("regionCode", "510104001").map(|r| r.district_code),
            Ok("510104".to_string())
        );
        assert_eq!(
            message(local_region("regionCode", "510100")),
            "`regionCode` must be a street (9 digits) or community (12 digits) code of Chengdu, got `510100`"
        );
        assert_eq!(
            service_center_id("serviceCenterId", "sc-hall-03"),
            Ok("sc-hall-03".to_string())
        );
        assert_eq!(
            message(service_center_id("serviceCenterId", "hall")),
            "`serviceCenterId` must be a service centre id such as `sc-510104001`, got `hall`"
        );
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap_or_default();
        let today = day(5, 1);
        assert_eq!(date_in_past("heldOn", today, today), Ok(()));
        assert_eq!(
            message(date_in_past("heldOn", day(5, 2), today)),
            "`heldOn` must not be in the future (today is 2025-05-01), got 2025-05-02"
        );
        assert_eq!(
            message(date_in_past(
                "heldOn",
                NaiveDate::from_ymd_opt(1999, 12, 31).unwrap_or_default(),
                today
            )),
            "`heldOn` must be on or after 2000-01-01, got 1999-12-31"
        );
        assert_eq!(not_in_future("d", today, today), Ok(()));
        assert_eq!(
            message(not_in_future("d", day(5, 2), today)),
            "`d` must not be in the future, got 2025-05-02 (today is 2025-05-01)"
        );
    }

    #[test]
    fn regions_must_be_known_streets_or_communities() {
        let community = record_region("regionCode", "510104001002");
        assert_eq!(community.map(|r| r.district_code), Ok("510104".to_string()));
        assert_eq!(
            message(record_region("regionCode", "510104")),
            "`regionCode` must be the code of a street (9 digits) or community (12 digits) of \
             Chengdu, got `510104`"
        );
        assert!(record_region("regionCode", "510104999").is_err());
    }

    #[test]
    fn phones_ids_and_centres_are_checked() {
        assert_eq!(
            mobile_phone("p", " 13800001111 "),
            Ok("13800001111".to_string())
        );
        assert!(mobile_phone("p", "2380000111").is_err());
        assert_eq!(
            id_number("i", "11010519491231002x"),
            Ok("11010519491231002X".to_string())
        );
        assert!(id_number("i", "110105194912310021").is_err());
        assert!(id_number("i", "1101051949").is_err());
        assert_eq!(
            known_service_center("c", "sc-510104001"),
            Ok("sc-510104001".to_string())
        );
        assert!(known_service_center("c", "sc-999").is_err());
    }
}
