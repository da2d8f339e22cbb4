//! Input checks shared by the mutations (the id and error helpers of the write paths are
//! the kit's).

pub(crate) use quntuan_kit::validate::{in_range, next_id, not_in_future, write_error};

use std::collections::HashSet;
use std::sync::OnceLock;

use quntuan_kit::catalog::service_centers;
use quntuan_kit::{ApiError, ApiResult, RegionLevel, RegionRef, RegionTree, Scale};

/// A record's own region: a street or community that exists in the city's hierarchy.
/// The demo hierarchy is a subset of the full one, so checking the full one accepts every
/// code a seeded database uses.
pub(crate) fn record_region(field: &str, code: &str) -> ApiResult<RegionRef> {
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

/// An 11-digit mainland mobile number starting with 1.
pub(crate) fn mobile_phone(field: &str, phone: &str) -> ApiResult<String> {
    let phone = phone.trim();
    if phone.len() == 11 && phone.starts_with('1') && phone.bytes().all(|b| b.is_ascii_digit()) {
        Ok(phone.to_string())
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be an 11-digit mobile number starting with 1, got `{phone}`"
        )))
    }
}

/// An 18-character resident ID number with a valid GB 11643 check digit (`X` accepted in
/// either case, returned upper-case).
pub(crate) fn id_number(field: &str, value: &str) -> ApiResult<String> {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let value = value.trim().to_ascii_uppercase();
    let digits: Vec<u32> = value
        .chars()
        .take(17)
        .filter_map(|c| c.to_digit(10))
        .collect();
    let check = value.chars().nth(17);
    let valid = value.chars().count() == 18 && digits.len() == 17 && {
        let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        check == CHECK.get((sum % 11) as usize).copied()
    };
    if valid {
        Ok(value)
    } else {
        Err(ApiError::bad_input(format!(
            "`{field}` must be an 18-character resident ID number with a valid check digit"
        )))
    }
}

/// The id of a shared service centre that `hub` knows.
pub(crate) fn service_center(field: &str, id: &str) -> ApiResult<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn message<T: std::fmt::Debug>(result: ApiResult<T>) -> String {
        result
            .err()
            .map(|e| e.message().to_string())
            .unwrap_or_default()
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
            service_center("c", "sc-510104001"),
            Ok("sc-510104001".to_string())
        );
        assert!(service_center("c", "sc-999").is_err());
    }
}
