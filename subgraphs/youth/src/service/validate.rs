//! Input checks shared by the mutations; each error names the argument and what to fix.
//! The checks every organisation shares are the kit's, re-exported here.

use quntuan_kit::{ApiError, ApiResult, validate};

pub(crate) use quntuan_kit::validate::{
    date_in_past, in_range, local_region, one_of, service_center_id, text,
};

// The youth API's own wording of the two checks it shares with the kit.

/// An 18-character resident ID number whose last character is the GB 11643 check digit.
pub(crate) fn id_number(field: &str, value: &str) -> ApiResult<()> {
    if validate::is_id_number(value) {
        Ok(())
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be an 18-character resident ID number with a valid check character"
        )))
    }
}

/// An 11-digit mainland mobile number.
pub(crate) fn phone(field: &str, value: &str) -> ApiResult<()> {
    if validate::is_mobile_phone(value) {
        Ok(())
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be an 11-digit mobile number starting with 1"
        )))
    }
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
    }
}
