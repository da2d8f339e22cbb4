//! The whole request stage up to a plan, over the fixture supergraphs: the first byte picks
//! the supergraph, the rest is the operation. Planning may refuse, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::Map;
use std::path::Path;
use std::sync::LazyLock;

static GATEWAYS: LazyLock<Vec<Gateway>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../gateway/core/tests/fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .expect("the fixtures folder")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    dirs.sort();
    dirs.iter()
        .filter_map(|dir| std::fs::read_to_string(dir.join("supergraph.graphql")).ok())
        .filter_map(|sdl| Supergraph::parse(&sdl).ok())
        .map(|supergraph| Gateway::new(supergraph, settings()))
        .collect()
});

/// The default settings with small caches: the target keeps one gateway per fixture (66), and
/// with 2,000 documents and plans cached in each, the inputs' cached answers alone outgrew
/// libFuzzer's memory limit. What is measured here is that nothing panics, not the caches.
fn settings() -> GatewaySettings {
    GatewaySettings {
        plan_cache_size: 32,
        ..GatewaySettings::default()
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let Ok(query) = std::str::from_utf8(rest) else {
        return;
    };
    let gateway = &GATEWAYS[usize::from(*first) % GATEWAYS.len()];
    match gateway.plan_for(query, None, &Map::new()) {
        Ok(plan) => {
            if let Err(error) = plan.as_ref() {
                assert!(error.code().is_some());
            }
        }
        Err(errors) => assert!(!errors.is_empty() && errors.iter().all(|e| e.code().is_some())),
    }
});
