//! The app's commands: each a few lines that call [`faultlines_core::Api`] (on
//! the current story, see `stories.rs`) or `faultlines_import`, so the
//! desktop app, the HTTP mode and the CLI answer exactly the same. Their
//! names are listed once, in `command_list.rs`, which both the handler
//! (`lib.rs`) and the permissions (`build.rs`) expand.

use faultlines_core::api::{
    Article, DatasetInfo, EventPage, EventRef, ExcerptView, Filter, Histogram, HistogramMode,
    RegionExcerpts, State, StateEvents,
};
use faultlines_core::cite::Citation;
use faultlines_core::model::{Event, Region};
use faultlines_core::search::SearchHit;
use faultlines_core::view_link::LinkAnswer;
use faultlines_core::{ApiError, ErrorCode};
use faultlines_import::columns::Field;
use faultlines_import::sink::Progress;
use faultlines_import::ImportReport;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, Manager, Runtime};

// The exports' commands live in `export.rs`; named here with the others.
pub(crate) use crate::export::*;
use crate::opening::{Importing, Inbox, ShellEvent};
use crate::prefs::{Prefs, UiState};
use crate::stories::{Current, Library, StoriesView};

/// The current story; `api.get()` is its [`faultlines_core::Api`].
type Api_<'a> = tauri::State<'a, Current>;

#[tauri::command]
pub(crate) fn dataset_info(api: Api_<'_>) -> DatasetInfo {
    api.get().info()
}

#[tauri::command]
pub(crate) fn state_at(
    api: Api_<'_>,
    at: String,
    events: Option<StateEvents>,
) -> Result<State, ApiError> {
    api.get().state_at_with(&at, events.unwrap_or_default())
}

#[tauri::command]
pub(crate) fn events_in(
    api: Api_<'_>,
    from: String,
    to: String,
    filter: Filter,
    offset: usize,
    limit: usize,
) -> Result<EventPage, ApiError> {
    api.get().events_in(&from, &to, &filter, offset, limit)
}

#[tauri::command]
pub(crate) fn histogram(
    api: Api_<'_>,
    from: String,
    to: String,
    bins: usize,
    filter: Filter,
    mode: Option<HistogramMode>,
) -> Result<Histogram, ApiError> {
    api.get()
        .histogram_mode(&from, &to, bins, &filter, mode.unwrap_or_default())
}

#[tauri::command]
pub(crate) fn step(
    api: Api_<'_>,
    after: String,
    backward: bool,
    filter: Filter,
) -> Result<Option<EventRef>, ApiError> {
    api.get().step(&after, backward, &filter)
}

#[tauri::command]
pub(crate) fn regions(api: Api_<'_>) -> Vec<Region> {
    api.get().regions().to_vec()
}

#[tauri::command]
pub(crate) fn excerpts_for_region(
    api: Api_<'_>,
    region: String,
) -> Result<RegionExcerpts, ApiError> {
    api.get().excerpts_for_region(&region)
}

#[tauri::command]
pub(crate) fn excerpt(api: Api_<'_>, id: String) -> Result<ExcerptView, ApiError> {
    api.get().excerpt(&id)
}

#[tauri::command]
pub(crate) fn event(api: Api_<'_>, id: String) -> Result<Event, ApiError> {
    api.get().event(&id)
}

#[tauri::command]
pub(crate) fn search(api: Api_<'_>, q: String, limit: usize) -> Result<Vec<SearchHit>, ApiError> {
    api.get().search(&q, limit)
}

#[tauri::command]
pub(crate) fn article(api: Api_<'_>) -> Article {
    api.get().article()
}

/// A link to a view read against the current story; never an error.
#[tauri::command]
pub(crate) fn read_link(api: Api_<'_>, link: String) -> LinkAnswer {
    api.get().read_link(&link)
}

#[tauri::command]
pub(crate) fn cite(api: Api_<'_>, id: String) -> Result<Citation, ApiError> {
    api.get().cite(&id)
}

#[tauri::command]
pub(crate) fn all_events(api: Api_<'_>) -> Vec<Event> {
    api.get().all_events()
}

/// Every event's times, kind and place as binary columns (see `Api::columns`).
#[tauri::command]
pub(crate) fn columns(api: Api_<'_>) -> Response {
    Response::new(api.get().columns())
}

/// Every distinct state of memberships and disputes (see `Api::overviews`).
#[tauri::command]
pub(crate) fn overviews(api: Api_<'_>) -> Vec<State> {
    api.get().overviews()
}

/// Map layers travel as raw bytes, never as a JSON string inside JSON.
#[tauri::command]
pub(crate) fn layer(api: Api_<'_>, name: String, lod: String) -> Result<Response, ApiError> {
    api.get().layer(&name, &lod).map(Response::new)
}

/// The Stories menu: the built-in story, every imported one, the current one.
#[tauri::command]
pub(crate) fn stories(library: tauri::State<'_, Library>, api: Api_<'_>) -> StoriesView {
    library.view(&api)
}

/// Show story `id` (`null`: the built-in one) from now on, and at the next launch.
#[tauri::command]
pub(crate) fn open_story(
    library: tauri::State<'_, Library>,
    api: Api_<'_>,
    prefs: tauri::State<'_, Prefs>,
    id: Option<String>,
) -> Result<(), ApiError> {
    library.switch(&api, &prefs, id.as_deref())
}

#[tauri::command]
pub(crate) fn remove_story(
    library: tauri::State<'_, Library>,
    api: Api_<'_>,
    prefs: tauri::State<'_, Prefs>,
    id: String,
) -> Result<(), ApiError> {
    library.remove(&api, &prefs, &id)
}

/// Import files or folders into a new story of the library, on a blocking
/// thread, telling `on_progress`; the new story becomes the current one.
#[tauri::command]
pub(crate) async fn import_files<R: Runtime>(
    app: AppHandle<R>,
    paths: Vec<String>,
    columns: Option<BTreeMap<Field, String>>,
    on_progress: Channel<Progress>,
) -> Result<ImportReport, ApiError> {
    let job = move || -> Result<ImportReport, ApiError> {
        let (library, importing) = (app.state::<Library>(), app.state::<Importing>());
        let sources: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        let tell = |p: Progress| drop(on_progress.send(p));
        let report = importing.run(&sources, &library.dir, columns.unwrap_or_default(), &tell)?;
        let id = Path::new(&report.folder)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        library.switch(
            &app.state::<Current>(),
            &app.state::<Prefs>(),
            id.as_deref(),
        )?;
        Ok(report)
    };
    tauri::async_runtime::spawn_blocking(job)
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("the import stopped: {e}")))?
}

/// Stop the import under way; it writes nothing.
#[tauri::command]
pub(crate) fn cancel_import(importing: tauri::State<'_, Importing>) {
    importing.cancel();
}

/// The UI's ear for the shell: files dropped or passed at launch, the File menu.
#[tauri::command]
pub(crate) fn listen_shell(inbox: tauri::State<'_, Inbox>, on_event: Channel<ShellEvent>) {
    inbox.attach(on_event);
}

#[tauri::command]
pub(crate) fn load_ui_state(prefs: tauri::State<'_, Prefs>) -> UiState {
    prefs.ui()
}

/// The window's size and place are written with it: the window-state plugin
/// writes them only when the app exits normally, which a killed app (a logout,
/// a crash, a test driver ending its session) never does.
#[tauri::command]
pub(crate) fn save_ui_state<R: Runtime>(
    app: AppHandle<R>,
    prefs: tauri::State<'_, Prefs>,
    ui: UiState,
) -> Result<(), ApiError> {
    let locale = ui.locale.clone();
    prefs.save_ui(ui)?;
    crate::save_window_state(&app);
    crate::menu::follow(&app, locale.as_deref());
    Ok(())
}

/// The languages the system asks for, most wanted first (`LANGUAGE`, then
/// `LC_ALL`, `LC_MESSAGES` or `LANG`), as BCP 47 tags: the interface's
/// language until the reader chooses one. WebKitGTK's `navigator.languages`
/// follows the same variables only where the C library has the locale.
#[tauri::command]
pub(crate) fn system_languages() -> Vec<String> {
    crate::menu::system_languages(|v| std::env::var(v).ok())
}

/// The UI reports when its first map is painted (milliseconds since the Unix
/// epoch). With FAULTLINES_TRACE_STARTUP set it is printed, for the startup
/// benchmark; otherwise it is ignored.
#[tauri::command]
pub(crate) fn startup_report(first_map_epoch_ms: f64) {
    if std::env::var_os("FAULTLINES_TRACE_STARTUP").is_some() {
        eprintln!("faultlines: first map painted at {first_map_epoch_ms:.1} ms since epoch");
    }
}

#[cfg(test)]
mod tests {
    use crate::builder;
    use crate::prefs::Prefs;
    use faultlines_core::{Api, Dataset};
    use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
    use tauri::webview::InvokeRequest;
    use tauri::Manager;

    fn app() -> tauri::App<tauri::test::MockRuntime> {
        builder(
            mock_builder(),
            Api::new(Dataset::embedded().expect("shipped dataset loads")),
        )
        .build(mock_context(noop_assets()))
        .expect("app builds")
    }

    fn invoke(
        app: &tauri::App<tauri::test::MockRuntime>,
        cmd: &str,
        body: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        let webview = match app.get_webview_window("main") {
            Some(w) => w,
            None => tauri::WebviewWindowBuilder::new(app, "main", Default::default())
                .build()
                .unwrap(),
        };
        get_ipc_response(
            &webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<serde_json::Value>().unwrap())
    }

    #[test]
    fn dataset_info_round_trips_through_ipc() {
        let app = app();
        let v = invoke(&app, "dataset_info", serde_json::json!({})).expect("command answers");
        assert_eq!(v["article"]["author"], "Vitaly Charushin");
        assert!(v["counts"]["events"].as_u64().unwrap() > 0);
    }

    #[test]
    fn errors_cross_as_code_and_message() {
        let app = app();
        let e = invoke(&app, "state_at", serde_json::json!({ "at": "2022-13-40" })).unwrap_err();
        assert_eq!(e["code"], "bad_date");
        assert!(e["message"].as_str().unwrap().contains("2022-13-40"));
    }

    #[test]
    fn every_listed_command_is_handled() {
        let app = app();
        let unknown = |cmd: &str, e: &serde_json::Value| e == &format!("Command {cmd} not found");
        let e = invoke(&app, "no_such_command", serde_json::json!({})).unwrap_err();
        assert!(unknown("no_such_command", &e), "{e}");
        for cmd in crate::COMMANDS {
            // Missing arguments or state are fine here; an unknown command is not.
            if let Err(e) = invoke(&app, cmd, serde_json::json!({})) {
                assert!(!unknown(cmd, &e), "{e}");
            }
        }
    }

    #[test]
    fn the_ui_state_is_saved_atomically_and_restored() {
        let dir = tempfile::tempdir().unwrap();
        let app = builder(mock_builder(), Api::new(Dataset::embedded().unwrap()))
            .manage(Prefs::open(dir.path()))
            .build(mock_context(noop_assets()))
            .unwrap();
        let ui = serde_json::json!({ "ui": { "day": 19000, "selected": "TJK", "theme": "dark", "kinds": ["exercise"], "follow": true } });
        invoke(&app, "save_ui_state", ui).expect("saved");
        let back = invoke(&app, "load_ui_state", serde_json::json!({})).unwrap();
        assert_eq!(
            (back["day"].as_i64(), back["selected"].as_str()),
            (Some(19000), Some("TJK"))
        );
        let on_disk: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("state.json")).unwrap()).unwrap();
        assert_eq!(on_disk["ui"]["theme"], "dark");
        // A restart reads it back.
        assert_eq!(
            Prefs::open(dir.path()).ui().selected.as_deref(),
            Some("TJK")
        );
    }
}
