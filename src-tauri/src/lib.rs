//! The desktop shell: a thin Tauri 2 layer over `faultlines-core` and
//! `faultlines-import` (it does not link the HTTP mode).
//!
//! This file sets the app up. The commands are in `commands.rs` and named once
//! in `command_list.rs`, from which both the handler here and the permissions
//! (`build.rs`) are expanded. The reader's place is `prefs.rs`; the current
//! story, switchable, and the library of imported ones `stories.rs`; how
//! files reach the import (File → Open, a drop, a launch) `opening.rs`; the
//! File menu, in the interface's language, `menu.rs`. The window's
//! size and place and the one-instance rule are Tauri's own plugins
//! (`tauri-plugin-window-state`, `tauri-plugin-single-instance`), as in any
//! Tauri app, rather than code of ours.
#![forbid(unsafe_code)]

#[macro_use]
mod command_list;
mod commands;
mod export;
mod menu;
mod opening;
pub mod prefs;
pub mod stories;

use std::path::{Path, PathBuf};

use faultlines_core::{Api, Dataset};
use opening::{Importing, Inbox, ShellEvent};
use prefs::Prefs;
use stories::{Current, Library};
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, DragDropEvent, Manager, Runtime, Window, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// Every command's name: what `build.rs` grants the UI as `atlas-commands`.
pub const COMMANDS: &[&str] = with_commands!(command_names);

/// `generate_handler!` over the same list (it needs the names as paths).
macro_rules! handler {
    ($($name:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$name),*]
    };
}

/// The builder with the core's state and every command: shared by the app and
/// the tests. `api` is the built-in story; the library and the saved state
/// need the app's folders, so `run` adds them once it has them.
pub fn builder<R: Runtime>(builder: tauri::Builder<R>, api: Api) -> tauri::Builder<R> {
    builder
        .manage(Current::new(api))
        .manage(Importing::default())
        .manage(Inbox::default())
        .manage(std::sync::Arc::new(faultlines_render::Exports::new(
            faultlines_render::Encoders::from_env(),
        )))
        .invoke_handler(with_commands!(handler))
}

/// Files or folders dropped on the window are opened.
fn on_window<R: Runtime>(window: &Window<R>, e: &WindowEvent) {
    if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = e {
        let paths = paths.iter().map(|p| p.display().to_string()).collect();
        window.state::<Inbox>().send(ShellEvent::Open { paths });
    }
}

/// The window-state plugin's file, next to the UI's `state.json`.
const WINDOW_STATE_FILE: &str = "window-state.json";

/// FAULTLINES_STATE_DIR, absolute and normalised (`x`, `./x/` and `$PWD/x`
/// are one folder, so they also name one instance). `None`: the app config dir.
fn state_dir_override() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("FAULTLINES_STATE_DIR")?);
    let dir = std::path::absolute(&dir).unwrap_or(dir);
    Some(dir.components().collect())
}

/// Saves and restores the main window's size, place and maximised state (not
/// its visibility or decorations: a window hidden at exit must not come back
/// hidden). The plugin joins its file name to the app config dir; an absolute
/// name replaces that dir (`Path::join`), which is how the file follows
/// FAULTLINES_STATE_DIR. A unit test holds the plugin to that.
fn window_state<R: Runtime>(state_dir: Option<&Path>) -> TauriPlugin<R> {
    let file = match state_dir.map(|d| d.join(WINDOW_STATE_FILE).into_os_string().into_string()) {
        Some(Ok(path)) => path,
        Some(Err(_)) => {
            eprintln!("faultlines: warning: FAULTLINES_STATE_DIR is not UTF-8; the window's size and place are kept in the app config dir");
            WINDOW_STATE_FILE.into()
        }
        None => WINDOW_STATE_FILE.into(),
    };
    tauri_plugin_window_state::Builder::new()
        .with_state_flags(WINDOW_STATE_FLAGS)
        .with_filename(file)
        .build()
}

/// What the window-state plugin keeps; managed only where the plugin is
/// registered (the app, not the unit tests' mock app).
struct WindowStateFlags(StateFlags);

const WINDOW_STATE_FLAGS: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// Write the window's size and place now, if the plugin is there.
pub(crate) fn save_window_state<R: Runtime>(app: &AppHandle<R>) {
    if let Some(flags) = app.try_state::<WindowStateFlags>() {
        if let Err(e) = app.save_window_state(flags.0) {
            eprintln!("faultlines: warning: cannot save the window's size and place: {e}");
        }
    }
}

/// The D-Bus name (on Linux) that makes one instance: the app's identifier,
/// or, with FAULTLINES_STATE_DIR, one per state dir. Two apps that share a
/// state dir would overwrite each other's saved place, so they are one
/// instance; apps on different dirs (each test run has its own) are not, so a
/// test never hands its launch to an app left over from another run, nor to
/// the reader's own open atlas.
fn instance_id(identifier: &str, state_dir: Option<&Path>) -> String {
    match state_dir {
        None => identifier.to_string(),
        Some(dir) => format!(
            "{identifier}.state_{:016x}",
            fnv1a(dir.as_os_str().as_encoded_bytes())
        ),
    }
}

/// FNV-1a: stable across builds and Rust versions, unlike `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A second launch hands its arguments to the running app and exits 0; the
/// running app brings its window forward. With no session bus (a bare X
/// server, some containers) the plugin cannot see other instances and every
/// launch starts normally.
fn single_instance<R: Runtime>(identifier: &str, state_dir: Option<&Path>) -> TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(identifier, state_dir))
        .callback(on_second_launch::<R>)
        .build()
}

/// What a second launch passed (its argv, executable first): files and
/// folders are opened, as from the command line; a `faultlines://` link has
/// already gone to the deep-link plugin (the single-instance plugin's
/// `deep-link` feature hands it over first), and so to the UI.
fn on_second_launch<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    let rest = app
        .state::<Inbox>()
        .open_args(argv.get(1..).unwrap_or_default(), Path::new(&cwd));
    let rest: Vec<&String> = rest.iter().filter(|a| !opening::is_link(a)).collect();
    if !rest.is_empty() {
        eprintln!("faultlines: a second launch passed {rest:?}, which are not files, folders or links; not used");
    }
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

/// `faultlines://view?…` links go to the UI through the inbox: the one the
/// app was opened with, and each one a second launch hands over while it
/// runs (the deep-link plugin reads both from the command line; the
/// installed `.desktop` entry passes the link as `%u`).
fn follow_links<R: Runtime>(app: &AppHandle<R>) {
    use tauri_plugin_deep_link::DeepLinkExt;
    let send = |app: &AppHandle<R>, urls: Vec<tauri::Url>| {
        for url in urls {
            app.state::<Inbox>().send(ShellEvent::Link {
                url: url.to_string(),
            });
        }
    };
    if let Ok(Some(urls)) = app.deep_link().get_current() {
        send(app, urls);
    }
    let handle = app.clone();
    app.deep_link()
        .on_open_url(move |e| send(&handle, e.urls()));
}

/// Start the desktop app on the shipped dataset (or `FAULTLINES_DATA`).
pub fn run() {
    // WebKitGTK's accelerated compositing buys nothing for an SVG map and costs
    // about 150 MB and 0.2 s at start-up (docs/benchmarks.md); it stays off unless
    // the user asks for it with FAULTLINES_GPU_COMPOSITING=1. Set before any thread starts.
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none()
        && std::env::var_os("FAULTLINES_GPU_COMPOSITING").is_none()
    {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    let data = std::env::var_os("FAULTLINES_DATA");
    let ds = match &data {
        Some(dir) => Dataset::from_dir(Path::new(dir)),
        None => Dataset::embedded(),
    };
    let api = match ds {
        Ok(ds) => Api::new(ds),
        Err(e) => {
            eprintln!("faultlines: {e}");
            std::process::exit(2);
        }
    };
    let context = tauri::generate_context!();
    let state_dir = state_dir_override();
    builder(tauri::Builder::default(), api)
        // First, so that a second launch hands over before the other plugins and the window start.
        .plugin(single_instance(
            &context.config().identifier,
            state_dir.as_deref(),
        ))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(window_state(state_dir.as_deref()))
        .plugin(tauri_plugin_dialog::init())
        .manage(menu::MenuLanguage::default())
        .menu(menu::file_menu)
        .on_menu_event(menu::on_menu)
        .on_window_event(on_window)
        .setup(move |app| {
            let dir = match &state_dir {
                Some(d) => d.clone(),
                None => app.path().app_config_dir()?,
            };
            let prefs = Prefs::open(&dir);
            let library = Library::new(stories::library_dir(
                state_dir.as_deref(),
                app.path().app_data_dir().ok(),
            ));
            library.restore(&app.state::<Current>(), &prefs, data.is_some());
            // The menu was made before the saved state was read: in the saved language now.
            menu::follow(app.handle(), prefs.ui().locale.as_deref());
            app.manage(prefs);
            app.manage(library);
            app.manage(WindowStateFlags(WINDOW_STATE_FLAGS));
            let args: Vec<String> = std::env::args().skip(1).collect();
            let cwd = std::env::current_dir().unwrap_or_default();
            for arg in app.state::<Inbox>().open_args(&args, &cwd) {
                if !opening::is_link(&arg) {
                    eprintln!(
                        "faultlines: argument {arg:?} is not a file, folder or link; not used"
                    );
                }
            }
            follow_links(app.handle());
            Ok(())
        })
        .run(context)
        .expect("error while running the Faultlines app");
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::test::{mock_builder, mock_context, noop_assets};

    /// Build-time output of Tauri, read back: what it compiled into the app.
    fn generated(file: &str) -> serde_json::Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
    }

    #[test]
    fn every_command_is_granted_and_every_grant_is_a_command() {
        use std::collections::BTreeSet;
        let app_acl = &generated("gen/schemas/acl-manifests.json")["__app-acl__"];
        let slug = |c: &&str| c.replace('_', "-");
        let allows: BTreeSet<String> = COMMANDS
            .iter()
            .map(|c| format!("allow-{}", slug(c)))
            .collect();
        let set = &app_acl["permission_sets"]["atlas-commands"]["permissions"];
        let granted: BTreeSet<String> = serde_json::from_value(set.clone()).unwrap();
        assert_eq!(
            granted, allows,
            "the atlas-commands set is every command's allow-*"
        );
        // No permission of a command that is gone.
        let defined: BTreeSet<String> = app_acl["permissions"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let both: BTreeSet<String> = COMMANDS
            .iter()
            .flat_map(|c| [format!("allow-{}", slug(c)), format!("deny-{}", slug(c))])
            .collect();
        assert_eq!(defined, both);
        let caps = generated("gen/schemas/capabilities.json");
        // The UI's capability grants that set and the file dialog's open, nothing else.
        assert_eq!(
            caps["default"]["permissions"],
            serde_json::json!(["atlas-commands", "dialog:allow-open"])
        );
    }

    #[test]
    fn the_faultlines_scheme_is_registered_and_the_installed_entry_passes_the_link() {
        let conf: serde_json::Value = serde_json::from_slice(
            &std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tauri.conf.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(
            conf["plugins"]["deep-link"]["desktop"]["schemes"],
            serde_json::json!([faultlines_core::view_link::LINK_SCHEME])
        );
        for bundle in ["deb", "rpm"] {
            let template = conf["bundle"]["linux"][bundle]["desktopTemplate"]
                .as_str()
                .unwrap();
            let entry =
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(template))
                    .unwrap();
            let lines: Vec<&str> = entry.lines().collect();
            assert!(lines.contains(&"Exec={{exec}} %u"), "{bundle}: {entry}");
            assert!(
                lines.contains(&"MimeType=x-scheme-handler/faultlines;"),
                "{bundle}: {entry}"
            );
        }
    }

    #[test]
    fn each_state_dir_is_its_own_instance() {
        let id = "app.faultlines.atlas";
        assert_eq!(instance_id(id, None), id);
        let a = instance_id(id, Some(Path::new("/tmp/faultlines-state-a")));
        let b = instance_id(id, Some(Path::new("/tmp/faultlines-state-b")));
        assert_ne!(a, b);
        assert_eq!(
            a,
            instance_id(id, Some(Path::new("/tmp/faultlines-state-a")))
        );
        // A valid D-Bus name: dot-separated elements of [A-Za-z0-9_-], none starting with a digit.
        for element in a.split('.') {
            assert!(!element.starts_with(|c: char| c.is_ascii_digit()), "{a}");
            assert!(
                element
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
                "{a}"
            );
        }
        // Known value: the key must not change between builds of the app.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn the_window_state_file_follows_the_state_dir() {
        let dir = tempfile::tempdir().unwrap();
        let app = builder(mock_builder(), Api::new(Dataset::embedded().unwrap()))
            .plugin(window_state(Some(dir.path())))
            .build(mock_context(noop_assets()))
            .unwrap();
        let _w = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        app.handle().save_window_state(WINDOW_STATE_FLAGS).unwrap();
        let saved: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join(WINDOW_STATE_FILE)).unwrap())
                .unwrap();
        assert!(saved["main"]["width"].is_u64(), "{saved}");
    }
}
