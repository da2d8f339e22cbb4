//! Progressive `@override(label:)`: which labels are on for one request.

use super::Gateway;
use std::collections::HashMap;

impl Gateway {
    /// The progressive-override labels that are on for one request, sorted: the request's own
    /// choice first, then the gateway's settings, then `percent(N)` drawn.
    pub(super) fn override_labels_on(&self, requested: &HashMap<String, bool>) -> Vec<String> {
        self.supergraph
            .override_labels
            .iter()
            .filter(|label| {
                match requested
                    .get(label.as_str())
                    .or_else(|| self.settings.override_labels.get(label.as_str()))
                {
                    Some(on) => *on,
                    None => percent_label(label).is_some_and(draw_percent),
                }
            })
            .cloned()
            .collect()
    }
}

/// `percent(12.5)` -> 12.5.
fn percent_label(label: &str) -> Option<f64> {
    label
        .strip_prefix("percent(")?
        .strip_suffix(')')?
        .trim()
        .parse()
        .ok()
        .filter(|p: &f64| (0.0..=100.0).contains(p))
}

/// True `percent`% of the time. The draw only picks a plan, so a hasher's random seed is
/// randomness enough.
fn draw_percent(percent: f64) -> bool {
    use std::hash::BuildHasher;
    let draw = std::collections::hash_map::RandomState::new().hash_one(0u8) % 10_000;
    (draw as f64) < percent * 100.0
}
