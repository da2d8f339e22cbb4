//! Input checks shared by the mutations; each error names the argument and what to fix.

use chrono::NaiveDate;
use quntuan_kit::{ApiError, ApiResult, RegionRef};

/// Trimmed, non-empty text of at most `max` characters.
pub(crate) fn text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ApiError::bad_input(format!("`{field}` must not be empty")));
    }
    let len = trimmed.chars().count();
    if len > max {
        return Err(ApiError::bad_input(format!(
            "`{field}` must be at most {max} characters, got {len}"
        )));
    }
    Ok(trimmed.to_string())
}

/// A street (9 digits) or community (12 digits) code of Chengdu, where records live.
pub(crate) fn local_region(field: &str, code: &str) -> ApiResult<RegionRef> {
    RegionRef::of(code)
        .filter(|r| r.district_code.starts_with("5101"))
        .ok_or_else(|| {
            ApiError::bad_input(format!(
                "`{field}` must be a street (9 digits) or community (12 digits) code of Chengdu, got `{code}`"
            ))
        })
}

/// A hub service-centre id (`sc-...`).
pub(crate) fn service_center_id(field: &str, id: &str) -> ApiResult<String> {
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

/// A date from 2000 up to and including `today`.
pub(crate) fn date_in_past(field: &str, date: NaiveDate, today: NaiveDate) -> ApiResult<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn message<T: std::fmt::Debug>(r: ApiResult<T>) -> String {
        r.err().map(|e| e.message().to_string()).unwrap_or_default()
    }

    #[test]
    fn checks_text_regions_venues_and_dates() {
        assert_eq!(text("title", "  科普讲座 ", 10), Ok("科普讲座".to_string()));
        assert_eq!(
            message(text("title", "   ", 10)),
            "`title` must not be empty"
        );
        assert!(local_region("regionCode", "510104001").is_ok());
        assert_eq!(
            message(local_region("regionCode", "510100")),
            "`regionCode` must be a street (9 digits) or community (12 digits) code of Chengdu, got `510100`"
        );
        assert!(service_center_id("serviceCenterId", "sc-hall-03").is_ok());
        assert!(service_center_id("serviceCenterId", "hall").is_err());
        let today = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap_or_default();
        assert_eq!(
            message(date_in_past(
                "heldOn",
                NaiveDate::from_ymd_opt(2025, 5, 2).unwrap_or_default(),
                today
            )),
            "`heldOn` must not be in the future (today is 2025-05-01), got 2025-05-02"
        );
    }
}
