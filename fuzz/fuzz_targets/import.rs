//! Fuzz target `import`: any file a reader hands to File → Open or
//! `faultlines import` (ACLED, UCDP GED, other CSV, GeoJSON: the format is
//! told from the bytes), through `faultlines_import::parse_source`. The
//! invariants are in `fuzz/src/lib.rs`, shared with the corpus replay.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| faultlines_fuzz::import(data));
