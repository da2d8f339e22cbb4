//! Random trace and span ids: a per-thread SplitMix64 seeded from the standard library's
//! randomly keyed hasher. Ids must be unique, not secret, so no cryptographic generator (and
//! no dependency) is needed.

use crate::context::{SpanId, TraceId};
use std::cell::Cell;
use std::hash::{BuildHasher, Hasher};

thread_local! {
    static STATE: Cell<u64> = Cell::new(seed());
}

fn seed() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    );
    hasher.finish()
}

fn next() -> u64 {
    STATE.with(|state| {
        let value = state.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
        state.set(value);
        let mut z = value;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    })
}

pub(crate) fn trace_id() -> TraceId {
    loop {
        let id = (u128::from(next()) << 64) | u128::from(next());
        if id != 0 {
            return TraceId(id);
        }
    }
}

pub(crate) fn span_id() -> SpanId {
    loop {
        let id = next();
        if id != 0 {
            return SpanId(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct() {
        let ids: std::collections::HashSet<u64> = (0..10_000).map(|_| span_id().0).collect();
        assert_eq!(ids.len(), 10_000);
        assert_ne!(trace_id(), trace_id());
    }
}
