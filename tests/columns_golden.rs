//! The UI answers "what is on" from the core's binary columns while the
//! slider is dragged, with its own decoder and its own copy of `Times::at`.
//! This test writes the shipped story's columns and the core's answers for
//! them (`ui/src/timeline/columns-golden.json`, the bytes in hex); the Vitest
//! suite decodes the same bytes
//! and must give the same answers, so the two sides cannot drift. It fails
//! when the files are stale; run `UPDATE_BINDINGS=1 cargo test --test columns_golden`.

mod common;

use faultlines_core::api::{Api, Times};
use faultlines_core::Dataset;

/// Days worth checking for an event: its ends, where its dates stop being
/// uncertain, and the middle.
fn probe_days(t: &Times) -> Vec<i32> {
    let mut days = vec![
        t.lo,
        t.hi,
        t.start_sure,
        t.end_from,
        t.lo + (t.hi - t.lo) / 2,
    ];
    days.retain(|d| (t.lo..=t.hi).contains(d));
    days.sort_unstable();
    days.dedup();
    days
}

fn golden() -> String {
    let api = Api::new(Dataset::embedded().unwrap());
    let mut answers = Vec::new();
    for (i, e) in api.all_events().iter().enumerate() {
        let t = Times::of(e);
        for day in probe_days(&t) {
            let (phase, progress, certainty) = t.at(day);
            answers.push(serde_json::json!({
                "i": i, "day": day, "phase": phase,
                "progress": progress, "certainty": certainty,
                "kind": e.props.kind,
            }));
        }
    }
    let hex: String = api.columns().iter().map(|b| format!("{b:02x}")).collect();
    let golden = serde_json::json!({ "columns": hex, "answers": answers });
    serde_json::to_string_pretty(&golden).unwrap() + "\n"
}

#[test]
fn the_ui_decodes_the_columns_with_the_answers_of_the_core() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("ui/src/timeline/columns-golden.json");
    common::assert_fresh(
        &path,
        &golden(),
        "UPDATE_BINDINGS=1 cargo test --test columns_golden",
    );
}
