//! Declares the app's own commands to Tauri's permission system, so that
//! `capabilities/default.json` can grant exactly the ones the UI calls.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(faultlines_commands())),
    )
    .expect("failed to run tauri-build");
}

/// Keep in sync with `src/lib.rs`'s `generate_handler!` list; a unit test checks it.
fn faultlines_commands() -> &'static [&'static str] {
    &[
        "dataset_info",
        "state_at",
        "events_in",
        "histogram",
        "step",
        "regions",
        "excerpts_for_region",
        "excerpt",
        "event",
        "search",
        "article",
        "all_events",
        "layer",
        "columns",
        "overviews",
        "load_ui_state",
        "save_ui_state",
        "startup_report",
    ]
}
