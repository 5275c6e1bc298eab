//! Opening the reader's own files: however they arrive (File → Open, a drop
//! on the window, the command line, a second launch), the shell hands the
//! paths to the UI through one [`Inbox`], and the UI asks for the import,
//! so every way in shows the same progress bar and report. The import itself
//! is `faultlines_import::import` into a new library folder, on a blocking
//! thread, telling its progress and stopping when [`Importing::cancel`] is
//! set. The files opened are only read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use faultlines_import::columns::Field;
use faultlines_import::sink::Progress;
use faultlines_import::{library, ImportError, ImportReport, Options};
use serde::Serialize;
use tauri::ipc::Channel;
use ts_rs::TS;

/// What the shell asks of the UI.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ShellEvent {
    /// Import these files or folders (dropped, passed on the command line or by a second launch).
    Open { paths: Vec<String> },
    /// The File menu's Open…: show the file dialog.
    ChooseFiles,
    /// The File menu's Open Folder…: show the folder dialog.
    ChooseFolder,
    /// Show the view of a `faultlines://view?…` link (opened with the app, or
    /// handed over by a second launch). The UI asks the core to read it.
    Link { url: String },
}

/// Whether a launch argument is one of the app's links (the deep-link plugin
/// takes those, not the file opener).
pub fn is_link(arg: &str) -> bool {
    arg.get(..faultlines_core::view_link::LINK_SCHEME.len() + 1)
        .is_some_and(|s| s.eq_ignore_ascii_case("faultlines:"))
}

/// The UI's channel for [`ShellEvent`]s; what comes before the UI listens
/// (files on the command line) waits for it.
#[derive(Default)]
pub struct Inbox {
    channel: Mutex<Option<Channel<ShellEvent>>>,
    waiting: Mutex<Vec<ShellEvent>>,
}

impl Inbox {
    /// The UI listens (again, after a reload): what waited is sent now.
    pub fn attach(&self, channel: Channel<ShellEvent>) {
        let waiting: Vec<ShellEvent> = self
            .waiting
            .lock()
            .map(|mut w| std::mem::take(&mut *w))
            .unwrap_or_default();
        for e in waiting {
            let _ = channel.send(e);
        }
        if let Ok(mut c) = self.channel.lock() {
            *c = Some(channel);
        }
    }

    pub fn send(&self, event: ShellEvent) {
        let sent = match self.channel.lock() {
            Ok(c) => c.as_ref().is_some_and(|c| c.send(event.clone()).is_ok()),
            Err(_) => false,
        };
        if !sent {
            if let Ok(mut w) = self.waiting.lock() {
                w.push(event);
            }
        }
    }

    /// Open the paths among `args` (a launch's arguments, relative to `cwd`)
    /// that name files or folders; the others are given back.
    pub fn open_args(&self, args: &[String], cwd: &Path) -> Vec<String> {
        let (paths, rest): (Vec<&String>, Vec<&String>) =
            args.iter().partition(|a| cwd.join(a).exists());
        if !paths.is_empty() {
            let paths = paths.iter().map(|p| cwd.join(p).display().to_string());
            self.send(ShellEvent::Open {
                paths: paths.collect(),
            });
        }
        rest.into_iter().cloned().collect()
    }
}

/// The import under way: one at a time, cancellable.
#[derive(Default)]
pub struct Importing {
    busy: AtomicBool,
    cancelled: AtomicBool,
}

/// How often the progress bar is told, at most.
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

impl Importing {
    /// Ask the import under way to stop; nothing of it is written.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }

    /// Import `sources` into a new folder of the library `dir`, with the
    /// columns the user named, telling `tell` how far it has got.
    pub fn run(
        &self,
        sources: &[PathBuf],
        dir: &Path,
        columns: BTreeMap<Field, String>,
        tell: &dyn Fn(Progress),
    ) -> Result<ImportReport, ImportError> {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Err(ImportError::Usage("another import is under way".into()));
        }
        self.cancelled.store(false, Ordering::SeqCst);
        let first = sources.first().and_then(|p| p.file_name());
        let title = format!(
            "Imported: {}",
            first.map_or("story".into(), |n| n.to_string_lossy())
        );
        let opts = Options {
            columns,
            title: Some(title.clone()),
            ..Options::default()
        };
        let last = Mutex::new(Instant::now() - PROGRESS_EVERY);
        let on_progress = |p: Progress| {
            if let Ok(mut last) = last.lock() {
                if last.elapsed() >= PROGRESS_EVERY || p.done == p.total {
                    *last = Instant::now();
                    tell(p);
                }
            }
            !self.cancelled.load(Ordering::SeqCst)
        };
        let result = std::fs::create_dir_all(dir)
            .map_err(|e| ImportError::io(&dir.display().to_string(), e))
            .and_then(|()| {
                let out = library::new_folder(dir, &title);
                faultlines_import::import(sources, &out, &opts, &on_progress)
            });
        self.busy.store(false, Ordering::SeqCst);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/import/acled-sample.csv")
    }

    #[test]
    fn an_import_makes_a_story_folder_in_the_library_and_reports_the_rejected_rows() {
        let lib = tempfile::tempdir().unwrap();
        let before = std::fs::read(sample()).unwrap();
        let told = Mutex::new(Vec::new());
        let report = Importing::default()
            .run(&[sample()], lib.path(), BTreeMap::new(), &|p| {
                told.lock().unwrap().push(p)
            })
            .unwrap();
        assert_eq!((report.events, report.rejected), (4, 3));
        let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [6, 7, 8]);
        let listed = library::list(lib.path());
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].title, "Imported: acled-sample.csv");
        let last = *told.lock().unwrap().last().unwrap();
        assert_eq!(last.done, last.total, "the bar ends full");
        assert_eq!(
            std::fs::read(sample()).unwrap(),
            before,
            "the file opened is unchanged"
        );
    }

    #[test]
    fn a_cancelled_import_writes_nothing_and_the_next_one_runs() {
        let lib = tempfile::tempdir().unwrap();
        let importing = Importing::default();
        let err = importing
            .run(&[sample()], lib.path(), BTreeMap::new(), &|_| {
                importing.cancel()
            })
            .unwrap_err();
        assert!(matches!(err, ImportError::Cancelled), "{err}");
        assert!(library::list(lib.path()).is_empty());
        let leftovers: Vec<_> = std::fs::read_dir(lib.path()).unwrap().collect();
        assert!(leftovers.is_empty(), "no half-written folder");
        assert!(importing
            .run(&[sample()], lib.path(), BTreeMap::new(), &|_| {})
            .is_ok());
    }

    #[test]
    fn links_are_told_from_other_arguments_by_their_scheme() {
        assert!(is_link("faultlines://view?at=2022-01-09"));
        assert!(is_link("FAULTLINES:view"));
        assert!(!is_link("faultlines"));
        assert!(!is_link("faultlines.csv"));
        assert!(!is_link("https://example.org"));
        assert!(!is_link("é"));
    }

    #[test]
    fn launch_arguments_that_name_files_are_opened_and_the_others_given_back() {
        let inbox = Inbox::default();
        let cwd = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let args = [
            "tests/import/acled-sample.csv".to_string(),
            "faultlines://x".into(),
        ];
        assert_eq!(inbox.open_args(&args, &cwd), ["faultlines://x"]);
        let waiting = inbox.waiting.lock().unwrap().clone();
        assert_eq!(
            waiting,
            [ShellEvent::Open {
                paths: vec![cwd
                    .join("tests/import/acled-sample.csv")
                    .display()
                    .to_string()]
            }],
            "kept until the UI listens"
        );
    }
}
