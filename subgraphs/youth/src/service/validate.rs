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

/// An 18-character resident ID number whose last character is the GB 11643 check digit.
pub(crate) fn id_number(field: &str, value: &str) -> ApiResult<()> {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let chars: Vec<char> = value.chars().collect();
    let well_formed = chars.len() == 18 && chars[..17].iter().all(|c| c.is_ascii_digit());
    let valid = well_formed && {
        let sum: u32 = chars[..17]
            .iter()
            .zip(WEIGHTS)
            .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
            .sum();
        CHECK[(sum % 11) as usize] == chars[17].to_ascii_uppercase()
    };
    if valid {
        Ok(())
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be an 18-character resident ID number with a valid check character"
        )))
    }
}

/// An 11-digit mainland mobile number.
pub(crate) fn phone(field: &str, value: &str) -> ApiResult<()> {
    if value.len() == 11 && value.starts_with('1') && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be an 11-digit mobile number starting with 1"
        )))
    }
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

/// Hours as whole minutes: more than 0, at most 24.
pub(crate) fn hours_as_minutes(field: &str, hours: f64) -> ApiResult<i32> {
    if !hours.is_finite() || hours <= 0.0 || hours > 24.0 {
        return Err(ApiError::bad_input(format!(
            "`{field}` must be more than 0 and at most 24, got {hours}"
        )));
    }
    let minutes = (hours * 60.0).round();
    if (minutes / 60.0 - hours).abs() > 1e-9 {
        return Err(ApiError::bad_input(format!(
            "`{field}` must be a whole number of minutes (e.g. 1.5 or 0.25), got {hours}"
        )));
    }
    Ok(minutes as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message<T: std::fmt::Debug>(r: ApiResult<T>) -> String {
        r.err().map(|e| e.message().to_string()).unwrap_or_default()
    }

    #[test]
    fn checks_id_numbers_phones_and_hours() {
        assert!(id_number("idNumber", "11010519491231002X").is_ok());
        assert!(id_number("idNumber", "110105194912310021").is_err());
        assert!(phone("phone", "13800001111").is_ok());
        assert!(phone("phone", "2380000111").is_err());
        assert_eq!(hours_as_minutes("hours", 1.5), Ok(90));
        assert_eq!(
            message(hours_as_minutes("hours", -1.0)),
            "`hours` must be more than 0 and at most 24, got -1"
        );
        assert_eq!(
            message(hours_as_minutes("hours", 0.001)),
            "`hours` must be a whole number of minutes (e.g. 1.5 or 0.25), got 0.001"
        );
        assert_eq!(
            message(local_region("regionCode", "510104")),
            "`regionCode` must be a street (9 digits) or community (12 digits) code of Chengdu, got `510104`"
        );
    }
}
