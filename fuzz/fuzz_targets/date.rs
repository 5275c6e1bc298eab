//! Fuzz target `date`: the text form of an imprecise date, as the story's
//! files, the CLI and every API query give it (`Date::from_str`). The
//! invariants are in `fuzz/src/lib.rs`, shared with the corpus replay.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| faultlines_fuzz::date(data));
