//! The desktop shell: a thin Tauri 2 layer over the `faultlines` core.
//!
//! Each command is a few lines that call [`faultlines::Api`]; all logic lives
//! in the core so the HTTP mode and the CLI answer exactly the same. Commands
//! are declared in `build.rs` and granted in `capabilities/default.json`.
#![forbid(unsafe_code)]

use faultlines::api::{
    Article, DatasetInfo, EventPage, EventRef, ExcerptView, Filter, Histogram, RegionExcerpts,
    State,
};
use faultlines::model::{Event, Region};
use faultlines::search::SearchHit;
use faultlines::{Api, ApiError, Dataset};
use tauri::ipc::Response;

type Api_<'a> = tauri::State<'a, Api>;

#[tauri::command]
fn dataset_info(api: Api_<'_>) -> DatasetInfo {
    api.info()
}

#[tauri::command]
fn state_at(api: Api_<'_>, at: String) -> Result<State, ApiError> {
    api.state_at(&at)
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
) -> Result<Histogram, ApiError> {
    api.histogram(&from, &to, bins, &filter)
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

/// Map layers travel as raw bytes, never as a JSON string inside JSON.
#[tauri::command]
fn layer(api: Api_<'_>, name: String, lod: String) -> Result<Response, ApiError> {
    api.layer(&name, &lod).map(Response::new)
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
        layer
    ])
}

/// Start the desktop app on the shipped dataset (or `FAULTLINES_DATA`).
pub fn run() {
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
        let webview = tauri::WebviewWindowBuilder::new(app, "main", Default::default())
            .build()
            .unwrap();
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
