//! Fuzz target `story_folder`: a story folder as `Dataset::load` reads it,
//! the input split at NUL bytes into the seven story files, over the
//! shipped map cut down to a few regions (built once). The invariants are
//! in `fuzz/src/lib.rs`, shared with the corpus replay.
#![no_main]

use std::sync::OnceLock;

use faultlines_fuzz::SmallMap;
use libfuzzer_sys::fuzz_target;

static MAP: OnceLock<SmallMap> = OnceLock::new();

fuzz_target!(|data: &[u8]| faultlines_fuzz::story_folder(data, MAP.get_or_init(SmallMap::new)));
