//! Input checks shared by the mutations (the id and error helpers of the write paths are
//! the kit's).

pub(crate) use quntuan_kit::validate::{next_id, write_error};

use chrono::NaiveDate;
use quntuan_kit::{ApiError, ApiResult};

pub(crate) fn not_in_future(field: &str, date: NaiveDate, today: NaiveDate) -> ApiResult<()> {
    if date > today {
        return Err(ApiError::bad_input(format!(
            "`{field}` must not be in the future, got {date} (today is {today})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn future_dates_are_refused() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default();
        assert!(not_in_future("d", today, today).is_ok());
        assert!(not_in_future("d", today.succ_opt().unwrap_or(today), today).is_err());
    }
}
