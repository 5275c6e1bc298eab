//! Helpers shared by the integration tests: a copy of the shipped dataset in a
//! temporary directory, to break on purpose.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use faultlines_core::source::EMBEDDED;

/// Write every shipped file under `dir` (same layout as `geodata/`).
pub fn copy_shipped(dir: &Path, with_map: bool) {
    for (rel, bytes) in EMBEDDED {
        if !with_map && rel.starts_with("map/") {
            continue;
        }
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

/// A temporary copy of the shipped dataset, with `edit` applied to one file's text.
pub fn broken(file: &str, edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_shipped(dir.path(), file.starts_with("map/"));
    let p = dir.path().join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    let changed = edit(text.clone());
    assert_ne!(text, changed, "the edit must change {file}");
    std::fs::write(&p, changed).unwrap();
    let path = dir.path().to_path_buf();
    (dir, path)
}

/// The problems loading `dir` reports, one line each; panics if it loads.
pub fn problems_of(dir: &Path) -> Vec<String> {
    let err = faultlines_core::Dataset::from_dir(dir).expect_err("a broken dataset is rejected");
    err.problems.iter().map(|p| p.to_string()).collect()
}

/// A file generated from Rust and committed (TypeScript bindings, golden
/// files): rewritten when `UPDATE_BINDINGS` is set, else it must equal
/// `fresh`; `refresh` is the command that rewrites it.
pub fn assert_fresh(path: &Path, fresh: &str, refresh: &str) {
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(path, fresh).unwrap();
    }
    let stale = std::fs::read_to_string(path).ok().as_deref() != Some(fresh);
    assert!(
        !stale,
        "{} is stale: run `{refresh}` and commit the result",
        path.display()
    );
}
