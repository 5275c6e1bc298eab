//! Fuzz target `layer`: the compact map layer format the app ships and
//! `faultlines check` validates (`faultlines_core::layer::decode_layer`).
//! The invariants are in `fuzz/src/lib.rs`, shared with the corpus replay.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| faultlines_fuzz::layer(data));
