//! Fuzz target `http_query`: what a client puts after `/api/` in the HTTP
//! mode, path and query string, answered by the real router (built once
//! over a small story, called in a current-thread runtime). The invariants
//! are in `fuzz/src/lib.rs`, shared with the corpus replay.
#![no_main]

use std::sync::OnceLock;

use faultlines_fuzz::Http;
use libfuzzer_sys::fuzz_target;

static HTTP: OnceLock<Http> = OnceLock::new();

fuzz_target!(|data: &[u8]| HTTP.get_or_init(Http::new).check(data));
