//! A fast hasher for the executor's small, short-lived maps (representation texts, selection
//! addresses): SipHash costs more than such a lookup saves, and the keys are the gateway's own
//! or a subgraph's, not a client's.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hash of rustc (`FxHash`).
#[derive(Default)]
pub struct FxHasher(u64);

impl FxHasher {
    /// The hash of a byte string (its length included, so a prefix hashes apart).
    pub fn hash_bytes(bytes: &[u8]) -> u64 {
        let mut hasher = Self::default();
        hasher.write(bytes);
        hasher.write_usize(bytes.len());
        hasher.finish()
    }

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
