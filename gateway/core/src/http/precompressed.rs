//! Which of the embedded assets' precompressed copies a request gets. Each copy has an ETag of
//! its own: a strong validator names one representation, and `dashboard.js` in brotli is not
//! the same bytes as in gzip (RFC 9110, 8.8.3).

use super::compression::{Algorithm, CompressionSettings};

/// Preference between codings a client accepts equally: the smallest first.
const PREFERENCE: [Algorithm; 3] = [Algorithm::Br, Algorithm::Zstd, Algorithm::Gzip];

/// The coding to answer in: the client's highest-ranked `accept-encoding` the settings allow,
/// or `None` for the bytes as they are.
pub(super) fn choose(accept_encoding: &str, settings: &CompressionSettings) -> Option<Algorithm> {
    if !settings.enabled {
        return None;
    }
    let mut best: Option<(Algorithm, f32)> = None;
    for algorithm in PREFERENCE {
        if !settings.algorithms.contains(&algorithm) {
            continue;
        }
        let quality = quality_of(accept_encoding, &algorithm.to_string());
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((algorithm, quality));
        }
    }
    best.map(|(algorithm, _)| algorithm)
}

/// The `q` the header gives `coding` (or `*`), 0 when it names neither.
fn quality_of(accept_encoding: &str, coding: &str) -> f32 {
    let mut wildcard = 0.0;
    for item in accept_encoding.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(coding) {
            return quality;
        }
        if name == "*" {
            wildcard = quality;
        }
    }
    wildcard
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_ranked_allowed_coding_is_chosen() {
        let all = CompressionSettings::default();
        assert_eq!(choose("gzip, br", &all), Some(Algorithm::Br));
        assert_eq!(choose("gzip;q=1, br;q=0.5", &all), Some(Algorithm::Gzip));
        assert_eq!(choose("br;q=0, *;q=0.3", &all), Some(Algorithm::Zstd));
        assert_eq!(choose("identity", &all), None);
        assert_eq!(choose("", &all), None);
        let gzip_only = CompressionSettings {
            algorithms: vec![Algorithm::Gzip],
            ..CompressionSettings::default()
        };
        assert_eq!(choose("br, zstd", &gzip_only), None);
        let off = CompressionSettings {
            enabled: false,
            ..CompressionSettings::default()
        };
        assert_eq!(choose("gzip", &off), None);
    }
}
