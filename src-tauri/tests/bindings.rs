//! The shell's own types that the UI reads (the saved UI state) are generated
//! into `ui/src/api/shell-bindings.ts`, as the core's are into `bindings.ts`:
//! the shell owns its preferences, so it writes their TypeScript too. This
//! test fails when the file is stale; run
//! `UPDATE_BINDINGS=1 cargo test -p faultlines-app --test bindings` to refresh it.

use faultlines_app::prefs::UiState;
use ts_rs::{Config, TS};

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    format!(
        "// Generated from the Rust types by `src-tauri/tests/bindings.rs`; do not edit.\n\
         // Refresh with: UPDATE_BINDINGS=1 cargo test -p faultlines-app --test bindings\n\n\
         import type {{ EventKind }} from \"./bindings\";\n\n\
         export {}\n",
        UiState::decl(&cfg)
    )
}

#[test]
fn the_shell_typescript_bindings_are_fresh() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/shell-bindings.ts");
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/api/shell-bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p faultlines-app --test bindings` and commit the result"
    );
}
