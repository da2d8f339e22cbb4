//! The embedded assets in each content coding, compressed once per process rather than on
//! every request, each with an ETag of its own: a strong validator names one representation,
//! and `dashboard.js` in brotli is not the same bytes as in gzip (RFC 9110, 8.8.3).

use super::compression::{Algorithm, CompressionSettings};
use std::sync::OnceLock;

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

/// The level each asset is compressed at. Once per process, so the best levels: brotli 11,
/// zstd 19, gzip 9 (`dashboard.js`: 155,192, 161,956 and 181,660 bytes, against 183,826,
/// 187,340 and 229,579 at the fast levels subgraph bodies use). Measured by
/// `cargo test -p quntuan-gateway --lib asset_compression_levels -- --ignored --nocapture`:
/// brotli 11 is what costs, 9.8 s for `dashboard.js` and 22.7 s for `graphiql.js` unoptimised
/// on a loaded machine, and about a fifth of that optimised (the reference C brotli took 2.0 s
/// and 4.3 s on the same machine, zstd 19 0.2 s and 0.6 s); so an optimised build makes them in
/// the background from the start ([`Encoded::warm`]) and a request that comes first waits on a
/// blocking thread, and debug builds (the tests) keep the fast levels.
pub(super) const fn level(algorithm: Algorithm) -> u32 {
    let best = !cfg!(debug_assertions);
    match algorithm {
        Algorithm::Br if best => 11,
        Algorithm::Br => 4,
        Algorithm::Zstd if best => 19,
        Algorithm::Zstd => 3,
        Algorithm::Gzip if best => 9,
        Algorithm::Gzip => 1,
    }
}

/// Compressed copies of up to `N` assets, made once.
pub(super) struct Encoded<const N: usize> {
    copies: [[OnceLock<Option<Vec<u8>>>; 3]; N],
}

impl<const N: usize> Encoded<N> {
    pub(super) const fn new() -> Self {
        Self {
            copies: [const { [OnceLock::new(), OnceLock::new(), OnceLock::new()] }; N],
        }
    }

    fn slot(&self, index: usize, algorithm: Algorithm) -> Option<&OnceLock<Option<Vec<u8>>>> {
        let slot = match algorithm {
            Algorithm::Br => 0,
            Algorithm::Zstd => 1,
            Algorithm::Gzip => 2,
        };
        self.copies.get(index)?.get(slot)
    }

    /// Asset `index` (whose bytes are `body`) in `algorithm`, compressed on this thread if
    /// it is not yet (or waiting for the thread compressing it); `None` if it cannot be
    /// compressed (it then goes out as it is).
    fn make(&self, index: usize, body: &[u8], algorithm: Algorithm) -> Option<&[u8]> {
        self.slot(index, algorithm)?
            .get_or_init(|| crate::codec::compress_at(algorithm, body, level(algorithm)).ok())
            .as_deref()
    }

    /// [`Self::make`] for a request: a copy not made yet is made on a blocking thread, never
    /// on the runtime's worker (brotli 11 of a large bundle takes seconds).
    pub(super) async fn get(
        &'static self,
        index: usize,
        body: &'static [u8],
        algorithm: Algorithm,
    ) -> Option<&'static [u8]> {
        if let Some(made) = self.slot(index, algorithm)?.get() {
            return made.as_deref();
        }
        tokio::task::spawn_blocking(move || self.make(index, body, algorithm))
            .await
            .ok()
            .flatten()
    }

    /// Makes every copy the settings may serve, on a thread of its own, once per process:
    /// the codings in order of preference, `bodies` in order.
    pub(super) fn warm(&'static self, bodies: Vec<&'static [u8]>, settings: &CompressionSettings) {
        static STARTED: std::sync::Once = std::sync::Once::new();
        if !settings.enabled {
            return;
        }
        let algorithms: Vec<Algorithm> = PREFERENCE
            .into_iter()
            .filter(|algorithm| settings.algorithms.contains(algorithm))
            .collect();
        STARTED.call_once(|| {
            let warm = move || {
                for algorithm in algorithms {
                    for (index, body) in bodies.iter().enumerate() {
                        self.make(index, body, algorithm);
                    }
                }
            };
            if let Err(error) = std::thread::Builder::new()
                .name("quntuan-assets".into())
                .spawn(warm)
            {
                tracing::warn!(%error, "assets are compressed on first use instead");
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The background thread makes every allowed copy, each of which decodes to its body,
    /// and leaves the coding the settings do not allow alone.
    #[test]
    fn warming_makes_every_allowed_copy() {
        static ENCODED: Encoded<2> = Encoded::new();
        let bodies: [&'static [u8]; 2] = [
            b"function dashboard() { return 'figures'; }\n".as_slice(),
            b".dashboard { display: grid; }\n".as_slice(),
        ];
        let settings = CompressionSettings {
            algorithms: vec![Algorithm::Br, Algorithm::Gzip],
            ..CompressionSettings::default()
        };
        ENCODED.warm(bodies.to_vec(), &settings);
        for algorithm in [Algorithm::Br, Algorithm::Gzip] {
            for (index, body) in bodies.iter().enumerate() {
                let slot = ENCODED.slot(index, algorithm).expect("a slot");
                // Waits for the thread; a minute without the copy means it was never made.
                let mut waits = 0;
                let made = loop {
                    if let Some(made) = slot.get() {
                        break made.as_deref().expect("compresses");
                    }
                    waits += 1;
                    assert!(waits < 12_000, "{algorithm} {index} was never made");
                    std::thread::sleep(std::time::Duration::from_millis(5));
                };
                let decoded =
                    crate::codec::decode(&algorithm.to_string(), made, 1 << 20).expect("decodes");
                assert_eq!(decoded, *body, "{algorithm} {index}");
            }
        }
        for index in 0..2 {
            assert!(
                ENCODED
                    .slot(index, Algorithm::Zstd)
                    .expect("a slot")
                    .get()
                    .is_none(),
                "zstd is not allowed"
            );
        }
    }

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
