//! Fuzz target `saved_state`: the bytes of the desktop app's `state.json`,
//! through `prefs::parse_state`, which `StateFile::load` calls. The file is
//! included by path rather than by depending on the app crate, which would
//! build Tauri and WebKit with instrumentation for one serde struct. What
//! parses must survive a save and a load unchanged.
#![no_main]
#![allow(dead_code)]

use libfuzzer_sys::fuzz_target;

#[path = "../../src-tauri/src/prefs.rs"]
mod prefs;

fuzz_target!(|data: &[u8]| {
    if let Ok(state) = prefs::parse_state(data) {
        let saved = serde_json::to_vec_pretty(&state).expect("a parsed state serialises");
        let again = prefs::parse_state(&saved)
            .unwrap_or_else(|e| panic!("a saved state does not load: {e}"));
        assert_eq!(again, state, "the state changed through a save and a load");
    }
});
