//! Input checks shared by the mutations; each error names the argument and what to fix.
//! The checks every organisation shares are the kit's, re-exported here.

use quntuan_kit::{ApiError, ApiResult};

pub(crate) use quntuan_kit::validate::{
    date_in_past, in_range, local_region, one_of, service_center_id, text,
};

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
