//! POST body decoding: any bytes decode into one request or a refusal with a code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quntuan_gateway::http::decode_post_body;

fuzz_target!(|data: &[u8]| {
    if let Err(error) = decode_post_body(data) {
        assert!(error.code().is_some(), "a refusal without a code");
    }
});
