//! The story the app shows, and the reader's library of imported ones.
//!
//! Every command answers about the *current* story: [`Current`] holds it as
//! an `Arc<Api>` behind a lock, so switching is one pointer swap and a
//! command that started on the old story finishes on it. The built-in story
//! (or `FAULTLINES_DATA`) is kept loaded, so going back to it is instant.
//! Imported stories live in the library, `<app data dir>/stories/` (or
//! `$FAULTLINES_STATE_DIR/stories`), one folder each, written and listed by
//! `faultlines_import::library`; the one chosen is remembered in the saved
//! state and reopened at the next launch.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use faultlines_core::{Api, ApiError, Dataset, ErrorCode};
use faultlines_import::library::{self, StoryEntry};
use serde::Serialize;
use ts_rs::TS;

use crate::prefs::Prefs;

/// The story every command answers about: the built-in one, or an imported
/// one by its library id.
pub struct Current {
    base: Arc<Api>,
    now: RwLock<(Arc<Api>, Option<String>)>,
}

impl Current {
    pub fn new(base: Api) -> Current {
        let base = Arc::new(base);
        Current {
            now: RwLock::new((base.clone(), None)),
            base,
        }
    }

    /// The current story's API (a command keeps it for as long as it runs).
    pub fn get(&self) -> Arc<Api> {
        match self.now.read() {
            Ok(now) => now.0.clone(),
            Err(poisoned) => poisoned.into_inner().0.clone(),
        }
    }

    /// The library id of the current story; `None` for the built-in one.
    pub fn id(&self) -> Option<String> {
        match self.now.read() {
            Ok(now) => now.1.clone(),
            Err(poisoned) => poisoned.into_inner().1.clone(),
        }
    }

    /// Show `api` (library story `id`), or the built-in story when `api` is `None`.
    pub fn set(&self, story: Option<(Api, String)>) {
        let next = match story {
            Some((api, id)) => {
                let api = Arc::new(api);
                // A large story's search index is built beside the UI, not
                // on the reader's first search.
                let warm = api.clone();
                std::thread::spawn(move || warm.prepare_search());
                (api, Some(id))
            }
            None => (self.base.clone(), None),
        };
        match self.now.write() {
            Ok(mut now) => *now = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
    }

    /// The built-in story's title, for the Stories menu.
    pub fn base_title(&self) -> String {
        self.base.info().title
    }
}

/// Where imported stories are kept: `stories/` in the state dir when
/// FAULTLINES_STATE_DIR is set (tests use one each), else in the app data dir.
pub fn library_dir(state_dir: Option<&Path>, app_data_dir: Option<PathBuf>) -> PathBuf {
    state_dir
        .map(Path::to_path_buf)
        .or(app_data_dir)
        .unwrap_or_else(|| PathBuf::from("."))
        .join("stories")
}

/// The library, and what the app has to tell about it once (a remembered
/// story that no longer loads).
pub struct Library {
    pub dir: PathBuf,
    notice: Mutex<Option<ApiError>>,
}

/// The Stories menu's content.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StoriesView {
    /// The built-in story's title.
    pub builtin: String,
    /// The current story's library id; `null` for the built-in one.
    pub current: Option<String>,
    pub stories: Vec<StoryEntry>,
    /// Something to tell the reader once, e.g. that the remembered story is
    /// gone: coded like an error (`details.kind`, and the `cause`), so the
    /// UI says it in its language; `message` is the English sentence.
    pub notice: Option<ApiError>,
}

impl Library {
    pub fn new(dir: PathBuf) -> Library {
        Library {
            dir,
            notice: Mutex::new(None),
        }
    }

    /// Library story `id`, loaded and checked.
    pub fn load(&self, id: &str) -> Result<Api, ApiError> {
        let folder = library::folder(&self.dir, id).ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("there is no story {id:?} in the library"),
            )
            .with_details(serde_json::json!({ "kind": "no_story", "story": id }))
        })?;
        let ds = Dataset::from_dir(&folder).map_err(ApiError::from)?;
        Ok(Api::new(ds))
    }

    /// The menu: every imported story, which one is current, and the notice (told once).
    pub fn view(&self, current: &Current) -> StoriesView {
        StoriesView {
            builtin: current.base_title(),
            current: current.id(),
            stories: library::list(&self.dir),
            notice: self.notice.lock().ok().and_then(|mut n| n.take()),
        }
    }

    /// Switch to story `id` (`None`: the built-in one) and remember the choice.
    pub fn switch(
        &self,
        current: &Current,
        prefs: &Prefs,
        id: Option<&str>,
    ) -> Result<(), ApiError> {
        match id {
            Some(id) => current.set(Some((self.load(id)?, id.to_string()))),
            None => current.set(None),
        }
        prefs.set_story(id.map(str::to_string))
    }

    /// Remove story `id`; if it is the current one, the built-in story comes back first.
    pub fn remove(&self, current: &Current, prefs: &Prefs, id: &str) -> Result<(), ApiError> {
        if current.id().as_deref() == Some(id) {
            self.switch(current, prefs, None)?;
        }
        library::remove(&self.dir, id).map_err(|e| {
            ApiError::new(ErrorCode::NotFound, format!("cannot remove the story: {e}"))
        })
    }

    /// At launch: reopen the remembered story, or stay on the built-in one
    /// and say why. FAULTLINES_DATA (`overridden`) wins over the memory.
    pub fn restore(&self, current: &Current, prefs: &Prefs, overridden: bool) {
        let Some(id) = prefs.story().filter(|_| !overridden) else {
            return;
        };
        if let Err(e) = self.switch(current, prefs, Some(&id)) {
            let _ = prefs.set_story(None);
            let msg = format!(
                "The story last open could not be reopened ({}); showing the built-in story.",
                e.message
            );
            eprintln!("faultlines: warning: {msg}");
            let notice = ApiError::new(e.code, msg).with_details(serde_json::json!({
                "kind": "story_not_reopened",
                "story": id,
                "cause": e,
            }));
            if let Ok(mut n) = self.notice.lock() {
                *n = Some(notice);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn imported(lib: &Path) -> String {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/import/acled-sample.csv");
        let out = library::new_folder(lib, "Imported: acled-sample.csv");
        faultlines_import::import(&[sample], &out, &Default::default(), &|_| true).unwrap();
        out.file_name().unwrap().to_string_lossy().into_owned()
    }

    fn embedded() -> Api {
        Api::new(Dataset::embedded().unwrap())
    }

    /// A state dir with an empty library, its saved state, and the built-in story shown.
    fn fixture() -> (tempfile::TempDir, Library, Prefs, Current) {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::new(dir.path().join("stories"));
        let prefs = Prefs::open(dir.path());
        (dir, lib, prefs, Current::new(embedded()))
    }

    #[test]
    fn the_library_is_in_the_state_dir_when_one_is_set_and_else_in_the_app_data_dir() {
        let data = Some(PathBuf::from("/home/r/.local/share/app.faultlines.atlas"));
        assert_eq!(
            library_dir(Some(Path::new("/tmp/state")), data.clone()),
            Path::new("/tmp/state/stories")
        );
        assert_eq!(
            library_dir(None, data),
            Path::new("/home/r/.local/share/app.faultlines.atlas/stories")
        );
    }

    #[test]
    fn switching_changes_what_every_command_sees_and_is_remembered() {
        let (dir, lib, prefs, current) = fixture();
        let builtin_events = current.get().info().counts.events;
        let id = imported(&lib.dir);
        let before = current.get();
        lib.switch(&current, &prefs, Some(&id)).unwrap();
        assert_eq!(current.id().as_deref(), Some(id.as_str()));
        assert_eq!(
            current.get().info().counts.events,
            4,
            "the sample's 7 rows less 3 rejected"
        );
        assert_eq!(
            before.info().counts.events,
            builtin_events,
            "a command under way keeps its story"
        );
        assert_eq!(Prefs::open(dir.path()).story(), Some(id.clone()));
        let view = lib.view(&current);
        assert_eq!(
            (view.current.as_deref(), view.stories.len()),
            (Some(id.as_str()), 1)
        );
        lib.switch(&current, &prefs, None).unwrap();
        assert_eq!(current.get().info().counts.events, builtin_events);
        assert_eq!(Prefs::open(dir.path()).story(), None);
    }

    #[test]
    fn the_remembered_story_is_reopened_unless_faultlines_data_overrides_it() {
        let (dir, lib, prefs, current) = fixture();
        let id = imported(&lib.dir);
        prefs.set_story(Some(id.clone())).unwrap();
        lib.restore(&current, &Prefs::open(dir.path()), true);
        assert_eq!(current.id(), None);
        lib.restore(&current, &Prefs::open(dir.path()), false);
        assert_eq!(current.id(), Some(id));
        assert_eq!(lib.view(&current).notice, None);
    }

    #[test]
    fn a_remembered_story_that_is_gone_falls_back_to_the_built_in_one_with_a_notice_told_once() {
        let (dir, lib, prefs, current) = fixture();
        prefs.set_story(Some("gone".into())).unwrap();
        lib.restore(&current, &prefs, false);
        assert_eq!(current.id(), None);
        let notice = lib.view(&current).notice.unwrap();
        assert!(
            notice.message.contains("could not be reopened"),
            "{}",
            notice.message
        );
        let d = notice.details.unwrap();
        assert_eq!(
            (d["kind"].as_str(), d["story"].as_str()),
            (Some("story_not_reopened"), Some("gone"))
        );
        assert_eq!(d["cause"]["code"], "not_found");
        assert_eq!(d["cause"]["details"]["story"], "gone");
        assert_eq!(lib.view(&current).notice, None);
        assert_eq!(Prefs::open(dir.path()).story(), None, "forgotten");
    }

    #[test]
    fn removing_the_current_story_goes_back_to_the_built_in_one() {
        let (_dir, lib, prefs, current) = fixture();
        let id = imported(&lib.dir);
        lib.switch(&current, &prefs, Some(&id)).unwrap();
        lib.remove(&current, &prefs, &id).unwrap();
        assert_eq!(current.id(), None);
        assert!(lib.view(&current).stories.is_empty());
        assert!(lib.remove(&current, &prefs, "../escape").is_err());
    }
}
