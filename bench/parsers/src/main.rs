//! Times JSON libraries reading the same answer, two ways each:
//!
//! - driving a serde visitor (here serde_json's `Value` visitor): the way the gateway reads a
//!   subgraph answer into its own tree (`gateway/core/src/data/parse.rs` is such a visitor), so
//!   this is the cost of swapping the library under it;
//! - into the library's own document type: the most the library could give if the gateway
//!   built its tree from that instead.
//!
//! simd-json parses in place, so its timings include copying the answer into a mutable buffer
//! (the gateway receives it as immutable `Bytes`).
//!
//! Usage: cargo run --release --manifest-path bench/parsers/Cargo.toml --target-dir target/parsers
//!        [-- FILE ...]   (default: bench/expected/deep.json, the 89 KB deep query answer)
//! Prints the median of 7 batches of about 0.3 s each, in µs per parse.

use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../expected/deep.json");
        files.push(root.to_string());
    }
    for file in files {
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("cannot read {file}: {error}");
                std::process::exit(2);
            }
        };
        println!("{file}: {} bytes", bytes.len());
        let expected: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
        check("sonic-rs", sonic_rs::from_slice(&bytes).ok(), &expected);
        check(
            "simd-json",
            simd_json::serde::from_slice(&mut bytes.clone()).ok(),
            &expected,
        );
        let cases: [(&str, &dyn Fn(&[u8])); 6] = [
            ("serde_json, serde visitor", &|b| {
                black_box(serde_json::from_slice::<serde_json::Value>(b).ok());
            }),
            ("sonic-rs, serde visitor", &|b| {
                black_box(sonic_rs::from_slice::<serde_json::Value>(b).ok());
            }),
            ("simd-json, serde visitor", &|b| {
                let mut copy = b.to_vec();
                black_box(simd_json::serde::from_slice::<serde_json::Value>(&mut copy).ok());
            }),
            ("sonic-rs, own document (sonic_rs::Value)", &|b| {
                black_box(sonic_rs::from_slice::<sonic_rs::Value>(b).ok());
            }),
            ("simd-json, own document (BorrowedValue)", &|b| {
                let mut copy = b.to_vec();
                black_box(simd_json::to_borrowed_value(&mut copy).is_ok());
            }),
            ("serde_json, skipping (IgnoredAny)", &|b| {
                black_box(serde_json::from_slice::<serde::de::IgnoredAny>(b).ok());
            }),
        ];
        let mut baseline = None;
        for (name, parse) in cases {
            let micros = median_micros(&bytes, parse);
            let base = *baseline.get_or_insert(micros);
            println!("  {name:<44} {micros:>9.1} µs  x{:.2}", micros / base);
        }
    }
}

/// Fails loudly when a library reads the answer differently from serde_json.
fn check(name: &str, parsed: Option<serde_json::Value>, expected: &serde_json::Value) {
    if parsed.as_ref() != Some(expected) {
        eprintln!("{name} read the answer differently from serde_json");
        std::process::exit(1);
    }
}

fn median_micros(bytes: &[u8], parse: &dyn Fn(&[u8])) -> f64 {
    // Warm up, and size a batch to about 0.3 s.
    let started = Instant::now();
    let mut warm = 0u32;
    while started.elapsed() < Duration::from_millis(300) {
        parse(bytes);
        warm += 1;
    }
    let batch = warm.max(1);
    let mut samples: Vec<f64> = (0..7)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..batch {
                parse(bytes);
            }
            started.elapsed().as_secs_f64() * 1e6 / f64::from(batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}
