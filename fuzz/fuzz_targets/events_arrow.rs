//! Fuzz target `events_arrow`: bytes read as a story's `events.arrow` (an
//! Arrow IPC file, usually written by the import, but any file a reader
//! drops into a story folder). The invariants are in `fuzz/src/lib.rs`,
//! shared with the corpus replay.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| faultlines_fuzz::events_arrow(data));
