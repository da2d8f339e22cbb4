//! Label values from clients, kept bounded: the first `cap` distinct values are admitted, any
//! later one is reported as `other`, so a client cannot grow the metrics without limit.

use std::collections::HashSet;
use std::sync::RwLock;

/// The value reported for anything past the cap (or too long to be a name).
pub const OTHER: &str = "other";
/// Longer values are not names anyone chose for a dashboard.
const MAX_LEN: usize = 100;

pub struct BoundedLabels {
    cap: usize,
    admitted: RwLock<HashSet<String>>,
}

impl BoundedLabels {
    pub fn new(cap: usize) -> Self {
        Self {
            cap,
            admitted: RwLock::new(HashSet::new()),
        }
    }

    /// `value` when it is (or can still be) admitted, otherwise [`OTHER`].
    pub fn admit(&self, value: &str) -> String {
        if value.len() > MAX_LEN {
            return OTHER.to_string();
        }
        if self
            .admitted
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .contains(value)
        {
            return value.to_string();
        }
        let mut admitted = self.admitted.write().unwrap_or_else(|e| e.into_inner());
        if admitted.len() < self.cap {
            admitted.insert(value.to_string());
            value.to_string()
        } else {
            OTHER.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_past_the_cap_or_too_long_are_other() {
        let labels = BoundedLabels::new(2);
        assert_eq!(labels.admit("a"), "a");
        assert_eq!(labels.admit("b"), "b");
        assert_eq!(labels.admit("c"), "other");
        assert_eq!(labels.admit("a"), "a");
        let long = "x".repeat(101);
        assert_eq!(BoundedLabels::new(5).admit(&long), "other");
    }
}
