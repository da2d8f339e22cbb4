//! How many values a response carries at a field's path (lists are walked through).

use serde_json::Value;

/// Non-null values at `path` in `data`: a list counts its non-null items, anything else one.
pub fn count_values(data: &Value, path: &[String]) -> u64 {
    match (data, path.split_first()) {
        (Value::Array(items), _) => items.iter().map(|item| count_values(item, path)).sum(),
        (Value::Object(object), Some((key, rest))) => object
            .get(key.as_str())
            .map_or(0, |value| count_values(value, rest)),
        (Value::Null, _) => 0,
        (_, None) => 1,
        (_, Some(_)) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_counted_through_lists_and_nulls_are_not() {
        let data = json!({"volunteers": [
            {"name": "a", "phones": ["1", null, "2"]},
            {"name": null, "phones": null},
            {"name": "c"}
        ]});
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(count_values(&data, &path(&["volunteers", "name"])), 2);
        assert_eq!(count_values(&data, &path(&["volunteers", "phones"])), 2);
        assert_eq!(count_values(&data, &path(&["nobody"])), 0);
    }
}
