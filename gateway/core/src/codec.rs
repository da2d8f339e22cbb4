//! Bytes in and out of gzip, brotli and zstd, whole: subgraph bodies (read whole anyway,
//! [`crate::subgraph_compression`]), and the embedded browser assets' copies, made when the
//! bundles are built.

use crate::http::CompressionAlgorithm as Algorithm;
use std::io::{Read, Write};

/// Compresses `bytes` at a level that favours speed: the body goes over a data-centre link.
pub(crate) fn compress(algorithm: Algorithm, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let level = match algorithm {
        Algorithm::Gzip => 1,
        Algorithm::Br => 4,
        Algorithm::Zstd => 3,
    };
    compress_at(algorithm, bytes, level)
}

/// Compresses `bytes` at `level`, the algorithm's own scale: gzip 0 to 9, brotli 0 to 11,
/// zstd 1 to 22. Both windows are sized to the input (brotli at most 4 MiB, as browsers
/// accept; zstd told the size up front): zstd 19 with its default window and tables for an
/// unknown size holds about 90 MB while it works, which the assets' one-time compression at
/// the best levels turned into the gateway's peak memory (bench/run.sh: 225 against 78 MiB).
pub(crate) fn compress_at(
    algorithm: Algorithm,
    bytes: &[u8],
    level: u32,
) -> std::io::Result<Vec<u8>> {
    match algorithm {
        Algorithm::Gzip => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
            encoder.write_all(bytes)?;
            encoder.finish()
        }
        Algorithm::Br => {
            let mut out = Vec::new();
            {
                let window = bytes
                    .len()
                    .max(1 << 10)
                    .next_power_of_two()
                    .trailing_zeros();
                let mut encoder =
                    brotli::CompressorWriter::new(&mut out, 4096, level, window.min(22));
                encoder.write_all(bytes)?;
            }
            Ok(out)
        }
        Algorithm::Zstd => zstd::bulk::compress(bytes, level as i32),
    }
}

/// Decodes a body sent with `content-encoding: encoding`, reading at most `limit` bytes of
/// output; `Err` names what went wrong.
pub(crate) fn decode(encoding: &str, bytes: &[u8], limit: u64) -> Result<Vec<u8>, String> {
    let algorithm: Algorithm = encoding.parse().map_err(|_| {
        format!("answered with `content-encoding: {encoding}`, which the gateway cannot decode")
    })?;
    let reader: Box<dyn Read + '_> = match algorithm {
        Algorithm::Gzip => Box::new(flate2::read::MultiGzDecoder::new(bytes)),
        Algorithm::Br => Box::new(brotli::Decompressor::new(bytes, 4096)),
        Algorithm::Zstd => {
            Box::new(zstd::stream::read::Decoder::new(bytes).map_err(|e| format!("zstd: {e}"))?)
        }
    };
    let mut out = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("answered a {algorithm} body that does not decode: {e}"))?;
    if out.len() as u64 > limit {
        return Err(format!(
            "answered a {algorithm} body larger than {limit} bytes once decoded"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_algorithm_round_trips_and_a_bomb_is_cut_at_the_limit() {
        let text = br#"{"query":"{ me { id } }","variables":{}}"#.repeat(50);
        for algorithm in [Algorithm::Gzip, Algorithm::Br, Algorithm::Zstd] {
            let packed = compress(algorithm, &text).expect("compresses");
            assert!(packed.len() < text.len() / 4, "{algorithm} shrinks");
            let name = algorithm.to_string();
            assert_eq!(decode(&name, &packed, 1 << 20).as_deref(), Ok(&text[..]));
            assert_eq!(
                decode(&name, &packed, 100),
                Err(format!(
                    "answered a {algorithm} body larger than 100 bytes once decoded"
                ))
            );
        }
        assert_eq!(
            decode("lzma", b"x", 10),
            Err("answered with `content-encoding: lzma`, which the gateway cannot decode".into())
        );
    }
}
