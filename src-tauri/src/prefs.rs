//! Remembering the reader's place across restarts.
//!
//! The desktop app keeps one small JSON file of the UI's state (slider date and
//! time window, map view, selected region, layers and filters, theme,
//! languages); the
//! window's size and place are kept by `tauri-plugin-window-state` in a file of
//! its own beside it (see `lib.rs`). The state file is written atomically: to a temporary file in the
//! same folder, flushed to disk, then renamed over the old file, so a crash or
//! power cut mid-write leaves either the old file or the new one, never half of
//! one. A file that cannot be read or parsed is set aside (renamed with a
//! `.corrupt-<seconds>` suffix) with a warning, and the app starts from defaults.
//! It also names the story last open (see `stories.rs`); a new story starts
//! from its own beginning, so the place in the old one is dropped then.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use faultlines_core::model::EventKind;
use faultlines_core::{ApiError, ErrorCode};

/// What the UI restores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct UiState {
    /// Slider date (day number).
    pub day: Option<i32>,
    /// Visible time window (day numbers).
    pub window: Option<[i32; 2]>,
    /// Map view: centre [lon, lat] and zoom.
    pub center: Option<[f64; 2]>,
    pub zoom: Option<f64>,
    pub selected: Option<String>,
    /// Event kinds shown; `None` for all.
    pub kinds: Option<Vec<EventKind>>,
    /// Organization of the membership map ("" for none).
    pub org: Option<String>,
    /// Only events of this organization ("" or none for all).
    pub actor: Option<String>,
    /// "light" or "dark".
    pub theme: Option<String>,
    /// Language of place names: "en" or "ru".
    pub lang: Option<String>,
    /// Language of the interface the reader chose ("en" or "ru"); none to
    /// follow the system's.
    pub locale: Option<String>,
    pub follow: bool,
}

/// Everything saved. Files written before the window-state plugin also hold a
/// `window` object; it is ignored, like any unknown field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedState {
    pub version: u32,
    pub ui: UiState,
    /// The imported story last open (its library id); none for the built-in one.
    pub story: Option<String>,
}

pub const VERSION: u32 = 1;

/// The saved state in the bytes of a state file, or why the file is to be set
/// aside: what [`StateFile::load`] decides, without the file system (so the
/// fuzzer in `fuzz/` can reach it).
pub fn parse_state(bytes: &[u8]) -> Result<SavedState, String> {
    match serde_json::from_slice::<SavedState>(bytes) {
        Ok(s) if s.version <= VERSION => Ok(s),
        Ok(s) => Err(format!("written by a newer version ({})", s.version)),
        Err(e) => Err(format!("cannot parse: {e}")),
    }
}

/// Where the state lives, and how it is read and written.
#[derive(Debug, Clone)]
pub struct StateFile {
    pub path: PathBuf,
}

impl StateFile {
    pub fn in_dir(dir: &Path) -> StateFile {
        StateFile {
            path: dir.join("state.json"),
        }
    }

    /// Read the saved state. A missing file gives defaults silently; an
    /// unreadable or corrupt one is set aside and gives defaults plus a warning.
    pub fn load(&self) -> (SavedState, Option<String>) {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (SavedState::default(), None)
            }
            Err(e) => {
                return (
                    SavedState::default(),
                    Some(self.set_aside(&format!("cannot read: {e}"))),
                )
            }
        };
        match parse_state(&bytes) {
            Ok(s) => (s, None),
            Err(why) => (SavedState::default(), Some(self.set_aside(&why))),
        }
    }

    fn set_aside(&self, why: &str) -> String {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let aside = self.path.with_extension(format!("json.corrupt-{stamp}"));
        match std::fs::rename(&self.path, &aside) {
            Ok(()) => format!(
                "state file {} {why}; set aside as {} and starting with defaults",
                self.path.display(),
                aside.display()
            ),
            Err(e) => format!(
                "state file {} {why}; could not set it aside ({e}); starting with defaults",
                self.path.display()
            ),
        }
    }

    /// Write atomically: temporary file, flush and sync, rename over the old one.
    pub fn save(&self, state: &SavedState) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let tmp = self.path.with_extension("json.tmp");
        let mut bytes = serde_json::to_vec_pretty(&SavedState {
            version: VERSION,
            ..state.clone()
        })
        .map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, &self.path)?;
        // Make the rename itself durable.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// The reader's saved place, as the app manages it: loaded at start, kept in
/// memory, written atomically whenever the UI sends a new one.
pub struct Prefs {
    file: StateFile,
    state: Mutex<SavedState>,
}

impl Prefs {
    pub fn open(dir: &Path) -> Prefs {
        let file = StateFile::in_dir(dir);
        let (state, warning) = file.load();
        if let Some(w) = warning {
            eprintln!("faultlines: warning: {w}");
        }
        Prefs {
            file,
            state: Mutex::new(state),
        }
    }

    /// The UI state last saved (defaults if none).
    pub fn ui(&self) -> UiState {
        self.state.lock().map(|s| s.ui.clone()).unwrap_or_default()
    }

    /// Keep `ui` and write the file.
    pub fn save_ui(&self, ui: UiState) -> Result<(), ApiError> {
        let state = {
            let mut s = self
                .state
                .lock()
                .map_err(|_| ApiError::new(ErrorCode::Internal, "state lock poisoned"))?;
            s.ui = ui;
            s.clone()
        };
        self.write(&state)
    }

    /// The imported story last open.
    pub fn story(&self) -> Option<String> {
        self.state.lock().ok().and_then(|s| s.story.clone())
    }

    /// Remember story `id`. Another story than before drops the place in the
    /// old one (date, window, view, selection, filters), keeping the reader's
    /// theme, language and following.
    pub fn set_story(&self, id: Option<String>) -> Result<(), ApiError> {
        let state = {
            let mut s = self
                .state
                .lock()
                .map_err(|_| ApiError::new(ErrorCode::Internal, "state lock poisoned"))?;
            if s.story == id {
                return Ok(());
            }
            s.story = id;
            s.ui = UiState {
                theme: s.ui.theme.take(),
                lang: s.ui.lang.take(),
                locale: s.ui.locale.take(),
                follow: s.ui.follow,
                ..UiState::default()
            };
            s.clone()
        };
        self.write(&state)
    }

    fn write(&self, state: &SavedState) -> Result<(), ApiError> {
        self.file.save(state).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("cannot save the state file: {e}"),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SavedState {
        SavedState {
            version: VERSION,
            ui: UiState {
                day: Some(18999),
                window: Some([18628, 19722]),
                center: Some([70.5, 40.0]),
                zoom: Some(4.5),
                selected: Some("KG-B".into()),
                kinds: Some(vec![EventKind::Exercise, EventKind::Conflict]),
                org: Some("csto".into()),
                actor: Some("warsaw-pact".into()),
                theme: Some("dark".into()),
                lang: Some("ru".into()),
                locale: Some("ru".into()),
                follow: true,
            },
            story: Some("imported-acled-sample-csv".into()),
        }
    }

    #[test]
    fn saves_and_restores_everything() {
        let dir = tempfile::tempdir().unwrap();
        let f = StateFile::in_dir(dir.path());
        assert_eq!(
            f.load(),
            (SavedState::default(), None),
            "no file: defaults, no warning"
        );
        f.save(&sample()).unwrap();
        assert_eq!(f.load(), (sample(), None));
        assert!(
            !dir.path().join("state.json.tmp").exists(),
            "no temporary file left behind"
        );
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let f = StateFile::in_dir(dir.path());
        std::fs::write(&f.path, b"\x00\xffnot json").unwrap();
        let (s, warn) = f.load();
        assert_eq!(s, SavedState::default());
        assert!(warn.as_deref().unwrap().contains("set aside"), "{warn:?}");
        assert!(!f.path.exists());
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().into_string().unwrap())
            .collect();
        assert!(
            aside.iter().any(|n| n.starts_with("state.json.corrupt-")),
            "{aside:?}"
        );
        // The next save works and the next load is clean.
        f.save(&sample()).unwrap();
        assert_eq!(f.load(), (sample(), None));
    }

    #[test]
    fn a_file_truncated_mid_write_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let f = StateFile::in_dir(dir.path());
        let full = serde_json::to_vec_pretty(&sample()).unwrap();
        for cut in [1, full.len() / 3, full.len() - 2] {
            std::fs::write(&f.path, &full[..cut]).unwrap();
            let (s, warn) = f.load();
            assert_eq!(s, SavedState::default(), "cut at {cut}");
            assert!(warn.unwrap().contains("cannot parse"));
        }
    }

    #[test]
    fn an_interrupted_save_leaves_the_old_state() {
        let dir = tempfile::tempdir().unwrap();
        let f = StateFile::in_dir(dir.path());
        f.save(&sample()).unwrap();
        // A crash after writing half the temporary file, before the rename.
        std::fs::write(
            dir.path().join("state.json.tmp"),
            b"{\"version\": 1, \"ui\": {\"da",
        )
        .unwrap();
        assert_eq!(f.load(), (sample(), None));
        f.save(&SavedState::default()).unwrap();
        assert_eq!(f.load().0.ui, UiState::default());
    }

    #[test]
    fn unknown_fields_and_missing_ones_are_tolerated() {
        let dir = tempfile::tempdir().unwrap();
        let f = StateFile::in_dir(dir.path());
        std::fs::write(
            &f.path,
            br#"{"version": 1, "ui": {"theme": "dark", "future": 3}}"#,
        )
        .unwrap();
        let (s, warn) = f.load();
        assert_eq!((s.ui.theme.as_deref(), warn), (Some("dark"), None));
    }

    #[test]
    fn another_story_drops_the_place_in_the_old_one_but_keeps_the_readers_choices() {
        let dir = tempfile::tempdir().unwrap();
        let prefs = Prefs::open(dir.path());
        prefs.save_ui(sample().ui).unwrap();
        prefs.set_story(None).unwrap();
        assert_eq!(prefs.ui(), sample().ui, "the same story: nothing dropped");
        prefs.set_story(Some("mine".into())).unwrap();
        let ui = Prefs::open(dir.path()).ui();
        assert_eq!((ui.day, ui.selected, ui.kinds), (None, None, None));
        assert_eq!(
            (
                ui.theme.as_deref(),
                ui.lang.as_deref(),
                ui.locale.as_deref(),
                ui.follow
            ),
            (Some("dark"), Some("ru"), Some("ru"), true)
        );
        assert_eq!(Prefs::open(dir.path()).story().as_deref(), Some("mine"));
    }

    /// The saved-state fuzzer's corpus and crashes (`fuzz/`, see
    /// docs/reliability.md) replayed: what parses survives a save and a
    /// load unchanged. Here rather than in the root package's replay, which
    /// does not link the app.
    #[test]
    fn every_saved_state_fuzz_input_parses_to_a_state_that_round_trips_or_is_refused() {
        let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
        let mut replayed = 0;
        for dir in ["corpus", "seeds", "crashes"] {
            let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join("saved_state")) else {
                continue;
            };
            for e in entries.flatten() {
                let bytes = std::fs::read(e.path()).unwrap();
                if let Ok(state) = parse_state(&bytes) {
                    let saved = serde_json::to_vec_pretty(&state).unwrap();
                    assert_eq!(parse_state(&saved), Ok(state), "{}", e.path().display());
                }
                replayed += 1;
            }
        }
        assert!(
            replayed > 0,
            "no saved-state fuzz inputs under {}",
            fuzz.display()
        );
    }

    #[test]
    fn a_file_from_before_the_window_state_plugin_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let f = StateFile::in_dir(dir.path());
        std::fs::write(
            &f.path,
            br#"{"version": 1, "window": {"x": 10, "y": 20, "width": 1200, "height": 760, "maximized": false}, "ui": {"day": 18999}}"#,
        )
        .unwrap();
        let (s, warn) = f.load();
        assert_eq!((s.ui.day, warn), (Some(18999), None));
        // The next save drops the old window object.
        Prefs::open(dir.path()).save_ui(s.ui).unwrap();
        let on_disk: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&f.path).unwrap()).unwrap();
        assert!(on_disk.get("window").is_none(), "{on_disk}");
    }
}

/// The saved UI state's TypeScript, with the Stories menu's and the shell's
/// events, is generated into
/// `ui/src/api/shell-bindings.ts`, as the core's types are into `bindings.ts`:
/// the shell owns its preferences, so it writes their TypeScript too. A unit
/// test rather than an integration test: those make cargo rebuild the app
/// binary without the features it was built with.
#[cfg(test)]
mod typescript {
    use super::UiState;
    use crate::opening::ShellEvent;
    use crate::stories::StoriesView;
    use ts_rs::{Config, TS};

    fn generate() -> String {
        let cfg = Config::new().with_large_int("number");
        format!(
            "// Generated from the Rust types by `src-tauri/src/prefs.rs`; do not edit.\n\
             // Refresh with: UPDATE_BINDINGS=1 cargo test -p faultlines-app typescript\n\n\
             import type {{ ApiError, EventKind, StoryEntry }} from \"./bindings\";\n\n\
             export {}\n\n\
             export {}\n\n\
             export {}\n",
            UiState::decl(&cfg),
            StoriesView::decl(&cfg),
            ShellEvent::decl(&cfg)
        )
    }

    #[test]
    fn the_shell_typescript_bindings_are_fresh() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/src/api/shell-bindings.ts");
        let fresh = generate();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/api/shell-bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p faultlines-app typescript` and commit the result"
        );
    }
}
