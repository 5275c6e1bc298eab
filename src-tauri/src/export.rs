//! The exports in the desktop app: the same `faultlines_render` calls as
//! the HTTP mode's routes (`src/export_routes.rs`), so a picture has the
//! same pixels in both, and the save of a finished file.
//!
//! Drawing and encoding run on blocking threads, never on the window's.
//! The save asks where with the system's save dialog, opened here in the
//! shell rather than by the UI: the file is written only where the reader
//! chose, never to a path the page names. It is written beside its place
//! first and renamed, so a failed write leaves nothing half-written. For the
//! desktop tests, which cannot drive the system's dialog, the folder named
//! by `FAULTLINES_EXPORT_TO` takes the dialog's place.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use faultlines_core::{ApiError, ErrorCode};
use faultlines_render::{AnimationParams, ExportFormats, Exports};
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

type Ex<'a> = tauri::State<'a, Arc<Exports>>;

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| {
            Err(ApiError::new(
                ErrorCode::Internal,
                format!("the export's thread failed: {e}"),
            ))
        })
}

#[tauri::command]
pub(crate) fn export_formats(ex: Ex<'_>) -> ExportFormats {
    ex.formats()
}

/// The SVG document of a view as a PNG of `width` × `height` pixels.
#[tauri::command]
pub(crate) async fn render_png(svg: String, width: u32, height: u32) -> Result<Response, ApiError> {
    blocking(move || faultlines_render::png(svg.as_bytes(), width, height))
        .await
        .map(Response::new)
}

#[tauri::command]
pub(crate) async fn start_animation(ex: Ex<'_>, params: AnimationParams) -> Result<u32, ApiError> {
    let ex = Arc::clone(&ex);
    blocking(move || ex.start(params)).await
}

/// Hand over the next frame; waits while two frames are already waiting.
#[tauri::command]
pub(crate) async fn add_frame(ex: Ex<'_>, id: u32, svg: String) -> Result<u32, ApiError> {
    let ex = Arc::clone(&ex);
    blocking(move || ex.add_frame(id, svg.into_bytes())).await
}

#[tauri::command]
pub(crate) async fn finish_animation(ex: Ex<'_>, id: u32) -> Result<Response, ApiError> {
    let ex = Arc::clone(&ex);
    blocking(move || ex.finish(id)).await.map(Response::new)
}

#[tauri::command]
pub(crate) async fn cancel_animation(ex: Ex<'_>, id: u32) -> Result<(), ApiError> {
    let ex = Arc::clone(&ex);
    blocking(move || ex.cancel(id)).await
}

/// A file name the UI suggests: a plain name with an extension, no folder.
fn suggested_name(name: &str) -> Result<&str, ApiError> {
    let plain = !name.is_empty()
        && name.len() <= 120
        && !name.starts_with('.')
        && name.contains('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    if plain {
        Ok(name)
    } else {
        Err(ApiError::param(
            ErrorCode::BadRequest,
            "name",
            name,
            "the file name must be letters, digits, '.', '_' or '-', with an extension",
        ))
    }
}

/// Write `bytes` to `path` through a file beside it, renamed once whole.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let fail = |what: &str, e: std::io::Error| {
        ApiError::new(
            ErrorCode::Internal,
            format!("{what} {}: {e}", path.display()),
        )
        .with_details(serde_json::json!({ "path": path.display().to_string() }))
    };
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    let part = PathBuf::from(part);
    std::fs::write(&part, bytes).map_err(|e| fail("could not write", e))?;
    std::fs::rename(&part, path).map_err(|e| {
        let _ = std::fs::remove_file(&part);
        fail("could not finish writing", e)
    })
}

/// Save a finished export (the request's raw body) where the reader
/// chooses; the header `x-file-name` is the name the dialog suggests.
/// Returns the path written, or `None` when the dialog was closed.
#[tauri::command]
pub(crate) async fn save_export<R: Runtime>(
    app: AppHandle<R>,
    request: Request<'_>,
) -> Result<Option<String>, ApiError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            "the file's bytes must be sent as the request's raw body",
        ));
    };
    let bytes = bytes.clone();
    let name = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let name = suggested_name(name)?.to_string();
    blocking(move || {
        let path = match std::env::var_os("FAULTLINES_EXPORT_TO") {
            Some(dir) => PathBuf::from(dir).join(&name),
            None => {
                let ext = name.rsplit('.').next().unwrap_or("").to_string();
                let chosen = app
                    .dialog()
                    .file()
                    .set_file_name(&name)
                    .add_filter(ext.to_uppercase(), &[ext.as_str()])
                    .blocking_save_file();
                match chosen.map(|p| p.into_path()) {
                    None => return Ok(None),
                    Some(Ok(p)) => p,
                    Some(Err(e)) => {
                        return Err(ApiError::new(
                            ErrorCode::BadRequest,
                            format!("the chosen place is not a file path: {e}"),
                        ))
                    }
                }
            }
        };
        write_whole(&path, &bytes)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_is_written_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("view.png");
        write_whole(&path, b"PNG bytes").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"PNG bytes");
        assert!(!dir.path().join("view.png.part").exists());
        let e = write_whole(&dir.path().join("no/such/folder/view.png"), b"x").unwrap_err();
        assert_eq!(e.code, ErrorCode::Internal);
        assert!(e.message.contains("no/such/folder"), "{}", e.message);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "nothing else left behind"
        );
    }

    #[test]
    fn only_a_plain_file_name_is_suggested() {
        assert!(suggested_name("faultlines-2022-10-12.png").is_ok());
        for bad in [
            "",
            "../x.png",
            "/etc/x.png",
            "x",
            ".png",
            "a b.png",
            "a/b.gif",
        ] {
            assert_eq!(
                suggested_name(bad).unwrap_err().code,
                ErrorCode::BadRequest,
                "{bad:?}"
            );
        }
    }
}
