//! The document stage alone: parsing within the limits, the limits, validation against the
//! benchmark supergraph's API schema. Any text ends in a document or in coded errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quntuan_gateway::limits::{self, LimitSettings};
use quntuan_gateway::request::validate;
use quntuan_gateway::supergraph::Supergraph;
use std::sync::LazyLock;

static SUPERGRAPH: LazyLock<Supergraph> = LazyLock::new(|| {
    Supergraph::parse(include_str!("../../bench/supergraph.graphql"))
        .expect("the benchmark supergraph loads")
});

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let settings = LimitSettings::default();
    let Ok(document) = limits::parse(&settings, query) else {
        return;
    };
    if limits::check(&settings, &document).is_err() {
        return;
    }
    if let Err(errors) = validate(&SUPERGRAPH.api_schema, document) {
        assert!(errors.iter().all(|e| e.code().is_some()));
    }
});
