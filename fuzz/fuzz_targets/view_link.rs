//! Fuzz target `view_link`: a link to a view, as a browser's address bar, a
//! pasted `faultlines://` address or a second launch gives it
//! (`ViewLink::parse`). The invariants are in `fuzz/src/lib.rs`, shared with
//! the corpus replay.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| faultlines_fuzz::view_link(data));
