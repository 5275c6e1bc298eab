//! The desktop shell: a thin Tauri 2 layer over `faultlines-core` (it links neither the build-time map work nor the HTTP mode).
//!
//! Each command is a few lines that call [`faultlines_core::Api`]; all logic lives
//! in the core so the HTTP mode and the CLI answer exactly the same. Commands
//! are declared in `build.rs` and granted in `capabilities/default.json`.
#![forbid(unsafe_code)]

pub mod prefs;

use faultlines_core::api::{
    Article, DatasetInfo, EventPage, EventRef, ExcerptView, Filter, Histogram, HistogramMode,
    RegionExcerpts, State, StateEvents,
};
use faultlines_core::model::{Event, Region};
use faultlines_core::search::SearchHit;
use std::sync::Mutex;

use faultlines_core::{Api, ApiError, Dataset, ErrorCode};
use prefs::{SavedState, StateFile, UiState, WindowGeometry};
use tauri::ipc::Response;
use tauri::{Manager, WindowEvent};

type Api_<'a> = tauri::State<'a, Api>;

#[tauri::command]
fn dataset_info(api: Api_<'_>) -> DatasetInfo {
    api.info()
}

#[tauri::command]
fn state_at(api: Api_<'_>, at: String, events: Option<StateEvents>) -> Result<State, ApiError> {
    api.state_at_with(&at, events.unwrap_or_default())
}

#[tauri::command]
fn events_in(
    api: Api_<'_>,
    from: String,
    to: String,
    filter: Filter,
    offset: usize,
    limit: usize,
) -> Result<EventPage, ApiError> {
    api.events_in(&from, &to, &filter, offset, limit)
}

#[tauri::command]
fn histogram(
    api: Api_<'_>,
    from: String,
    to: String,
    bins: usize,
    filter: Filter,
    mode: Option<HistogramMode>,
) -> Result<Histogram, ApiError> {
    api.histogram_mode(&from, &to, bins, &filter, mode.unwrap_or_default())
}

#[tauri::command]
fn step(
    api: Api_<'_>,
    after: String,
    backward: bool,
    filter: Filter,
) -> Result<Option<EventRef>, ApiError> {
    api.step(&after, backward, &filter)
}

#[tauri::command]
fn regions(api: Api_<'_>) -> Vec<Region> {
    api.regions().to_vec()
}

#[tauri::command]
fn excerpts_for_region(api: Api_<'_>, region: String) -> Result<RegionExcerpts, ApiError> {
    api.excerpts_for_region(&region)
}

#[tauri::command]
fn excerpt(api: Api_<'_>, id: String) -> Result<ExcerptView, ApiError> {
    api.excerpt(&id)
}

#[tauri::command]
fn event(api: Api_<'_>, id: String) -> Result<Event, ApiError> {
    api.event(&id).cloned()
}

#[tauri::command]
fn search(api: Api_<'_>, q: String, limit: usize) -> Result<Vec<SearchHit>, ApiError> {
    api.search(&q, limit)
}

#[tauri::command]
fn article(api: Api_<'_>) -> Article {
    api.article()
}

#[tauri::command]
fn all_events(api: Api_<'_>) -> Vec<Event> {
    api.all_events().to_vec()
}

/// Every event's times, kind and place as binary columns (see `Api::columns`).
#[tauri::command]
fn columns(api: Api_<'_>) -> Response {
    Response::new(api.columns())
}

/// Every distinct state of memberships and disputes (see `Api::overviews`).
#[tauri::command]
fn overviews(api: Api_<'_>) -> Vec<State> {
    api.overviews()
}

/// Map layers travel as raw bytes, never as a JSON string inside JSON.
#[tauri::command]
fn layer(api: Api_<'_>, name: String, lod: String) -> Result<Response, ApiError> {
    api.layer(&name, &lod).map(Response::new)
}

/// The reader's saved place: loaded at start, kept in memory, written atomically.
pub struct Prefs {
    file: StateFile,
    state: Mutex<SavedState>,
}

impl Prefs {
    pub fn open(dir: &std::path::Path) -> Prefs {
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

    fn save(&self) -> Result<(), ApiError> {
        let state = self
            .state
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "state lock poisoned"))?
            .clone();
        self.file.save(&state).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("cannot save the state file: {e}"),
            )
        })
    }
}

#[tauri::command]
fn load_ui_state(prefs: tauri::State<'_, Prefs>) -> UiState {
    prefs.state.lock().map(|s| s.ui.clone()).unwrap_or_default()
}

#[tauri::command]
fn save_ui_state(prefs: tauri::State<'_, Prefs>, ui: UiState) -> Result<(), ApiError> {
    if let Ok(mut s) = prefs.state.lock() {
        s.ui = ui;
    }
    prefs.save()
}

/// The UI reports when its first map is painted (milliseconds since the Unix
/// epoch). With FAULTLINES_TRACE_STARTUP set it is printed, for the startup
/// benchmark; otherwise it is ignored.
#[tauri::command]
fn startup_report(first_map_epoch_ms: f64) {
    if std::env::var_os("FAULTLINES_TRACE_STARTUP").is_some() {
        eprintln!("faultlines: first map painted at {first_map_epoch_ms:.1} ms since epoch");
    }
}

fn geometry<R: tauri::Runtime>(w: &tauri::Window<R>) -> Option<WindowGeometry> {
    let scale = w.scale_factor().ok()?;
    let pos = w.outer_position().ok()?.to_logical::<i32>(scale);
    let size = w.inner_size().ok()?.to_logical::<u32>(scale);
    Some(WindowGeometry {
        x: pos.x,
        y: pos.y,
        width: size.width,
        height: size.height,
        maximized: w.is_maximized().unwrap_or(false),
    })
}

/// The builder with the core's state and every command: shared by the app and the tests.
pub fn builder<R: tauri::Runtime>(builder: tauri::Builder<R>, api: Api) -> tauri::Builder<R> {
    builder.manage(api).invoke_handler(tauri::generate_handler![
        dataset_info,
        state_at,
        events_in,
        histogram,
        step,
        regions,
        excerpts_for_region,
        excerpt,
        event,
        search,
        article,
        all_events,
        layer,
        columns,
        overviews,
        load_ui_state,
        save_ui_state,
        startup_report
    ])
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
    let ds = match std::env::var_os("FAULTLINES_DATA") {
        Some(dir) => Dataset::from_dir(std::path::Path::new(&dir)),
        None => Dataset::embedded(),
    };
    let api = match ds {
        Ok(ds) => Api::new(ds),
        Err(e) => {
            eprintln!("faultlines: {e}");
            std::process::exit(2);
        }
    };
    builder(tauri::Builder::default(), api)
        .setup(|app| {
            let dir = match std::env::var_os("FAULTLINES_STATE_DIR") {
                Some(d) => std::path::PathBuf::from(d),
                None => app.path().app_config_dir()?,
            };
            let prefs = Prefs::open(&dir);
            let saved = prefs.state.lock().ok().and_then(|s| s.window);
            if let (Some(g), Some(w)) = (saved, app.get_webview_window("main")) {
                let _ = w.set_size(tauri::LogicalSize::new(g.width.max(640), g.height.max(480)));
                let _ = w.set_position(tauri::LogicalPosition::new(g.x, g.y));
                if g.maximized {
                    let _ = w.maximize();
                }
            }
            app.manage(prefs);
            Ok(())
        })
        .on_window_event(|window, event| {
            let Some(prefs) = window.try_state::<Prefs>() else {
                return;
            };
            match event {
                WindowEvent::Moved(_) | WindowEvent::Resized(_) => {
                    if let (Some(g), Ok(mut s)) = (geometry(window), prefs.state.lock()) {
                        s.window = Some(g);
                    }
                }
                WindowEvent::CloseRequested { .. } | WindowEvent::Destroyed => {
                    if let Err(e) = prefs.save() {
                        eprintln!("faultlines: warning: {}", e.message);
                    }
                }
                _ => {}
            }
        })
        .run(tauri::generate_context!())
        .expect("error while running the Faultlines app");
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
    use tauri::webview::InvokeRequest;

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
        let again = Prefs::open(dir.path());
        assert_eq!(
            again.state.lock().unwrap().ui.selected.as_deref(),
            Some("TJK")
        );
    }

    #[test]
    fn permission_manifest_lists_every_command() {
        let build = include_str!("../build.rs");
        let handler = include_str!("lib.rs");
        let start = handler.find("generate_handler![").unwrap();
        let list = &handler[start..start + handler[start..].find(']').unwrap()];
        for cmd in list
            .trim_start_matches("generate_handler![")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            assert!(
                build.contains(&format!("\"{cmd}\"")),
                "{cmd} is missing from build.rs"
            );
        }
    }
}
