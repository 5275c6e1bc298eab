//! The fuzz corpora replayed under plain `cargo test`: every input the
//! fuzzers kept (`fuzz/corpus/<target>/`, minimised, each one reaching code
//! no other input reaches) and every crash they ever found
//! (`fuzz/crashes/<target>/`) goes through the same function with the same
//! invariants as in `fuzz/`, so a change that breaks one of them fails here
//! without a fuzzing toolchain. The invariants are `fuzz/src/lib.rs`,
//! included by path. The desktop app's saved state is replayed by a unit test
//! in `src-tauri/src/prefs.rs`, since this package does not link the app.
//! See docs/reliability.md.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::{Path, PathBuf};

/// Every file of `fuzz/corpus/<target>/`, `fuzz/seeds/<target>/` and
/// `fuzz/crashes/<target>/`, with its bytes.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["corpus", "seeds", "crashes"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_file() {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// Run `check` on every input of `target`, naming the input that breaks.
fn replay(target: &str, check: impl Fn(&[u8])) -> usize {
    let all = inputs(target);
    assert!(!all.is_empty(), "fuzz/corpus/{target}/ is empty");
    for (path, bytes) in &all {
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(bytes)));
        assert!(caught.is_ok(), "{} breaks an invariant", path.display());
    }
    all.len()
}

#[test]
fn every_date_input_parses_back_to_itself_or_is_refused() {
    replay("date", checks::date);
}

#[test]
fn every_layer_input_decodes_to_finite_coordinates_or_is_refused() {
    replay("layer", checks::layer);
}

#[test]
fn every_story_folder_input_loads_or_names_a_file_for_each_problem() {
    let map = checks::SmallMap::new();
    replay("story_folder", |b| checks::story_folder(b, &map));
}

#[test]
fn every_http_query_input_is_answered_without_a_server_error() {
    let http = checks::Http::new();
    replay("http_query", |b| http.check(b));
}

#[test]
fn every_view_link_input_reads_and_what_it_keeps_comes_back_from_its_link() {
    replay("view_link", checks::view_link);
}

#[test]
fn every_import_input_is_read_or_refused_with_an_error_naming_the_file() {
    replay("import", checks::import);
}

#[test]
fn the_seed_story_loads_over_the_small_map() {
    // The story fuzzer starts from this story and the HTTP fuzzer serves it;
    // if it stopped loading, the checks behind a successful parse would go
    // unfuzzed.
    assert!(!checks::seed_dataset().events.is_empty());
}

#[test]
fn every_events_arrow_input_reads_to_ordered_events_or_is_refused() {
    replay("events_arrow", checks::events_arrow);
}
