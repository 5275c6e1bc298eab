//! The HTTP routes of the exports (`faultlines serve`), the twins of the
//! desktop app's export commands: the same `faultlines_render` calls, so a
//! picture has the same pixels in the browser as in the app.
//!
//! - `GET  /api/export/formats`: the animation formats here and the limits;
//! - `POST /api/export/png?width=W&height=H`, an SVG body: the PNG;
//! - `POST /api/export/animation`, JSON `AnimationParams`: `{id}`;
//! - `POST /api/export/animation/{id}/frame`, an SVG body: `{frames}`;
//! - `POST /api/export/animation/{id}/finish`: the file;
//! - `POST /api/export/animation/{id}/cancel`: `{}`.
//!
//! These are the server's only routes that take a body. Bodies must say
//! what they are (`image/svg+xml`, `application/json`): a form on another
//! site can post neither without the browser asking first, which this
//! server never allows. A body over the limit is the coded `too_large`, and
//! the drawing runs on tokio's blocking threads.

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;

use faultlines_core::error::{ApiError, ErrorCode};
use faultlines_render::params::{check_picture, MAX_SVG_BYTES};
use faultlines_render::{AnimationParams, AnimationStarted, Encoders, Exports, FrameAdded};

use crate::http::{json, number, params, HttpError, Pairs, Segments};

type Reply = axum::response::Response;
type S = State<Arc<Exports>>;

/// The export routes, with the system's encoders looked up once.
pub fn routes() -> Router {
    std::thread::spawn(faultlines_render::raster::warm_up);
    let exports = Arc::new(Exports::new(Encoders::from_env()));
    Router::new()
        .route("/api/export/formats", get(formats))
        .route("/api/export/png", post(png))
        .route("/api/export/animation", post(start))
        .route("/api/export/animation/{id}/frame", post(frame))
        .route("/api/export/animation/{id}/finish", post(finish))
        .route("/api/export/animation/{id}/cancel", post(cancel))
        .with_state(exports)
}

/// The body, when it is of `mime` and within [`MAX_SVG_BYTES`].
async fn body(headers: &HeaderMap, body: Body, mime: &str) -> Result<Vec<u8>, ApiError> {
    let given = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if given.split(';').next().map(str::trim) != Some(mime) {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            format!("the body must be sent as {mime}, not {given:?}"),
        )
        .with_details(
            serde_json::json!({ "param": "content-type", "value": given, "valid": [mime] }),
        ));
    }
    match to_bytes(body, MAX_SVG_BYTES).await {
        Ok(b) => Ok(b.to_vec()),
        Err(_) => Err(ApiError::new(
            ErrorCode::TooLarge,
            format!("the body is over {MAX_SVG_BYTES} bytes"),
        )
        .with_details(serde_json::json!({ "param": "body", "max": MAX_SVG_BYTES }))),
    }
}

/// Run `f` on a blocking thread (drawing takes tens of milliseconds or more).
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|e| {
        Err(ApiError::new(
            ErrorCode::Internal,
            format!("the export's thread failed: {e}"),
        ))
    })
}

fn file(mime: &'static str, r: Result<Vec<u8>, ApiError>) -> Reply {
    match r {
        Ok(bytes) => ([(header::CONTENT_TYPE, mime)], bytes).into_response(),
        Err(e) => HttpError(e).into_response(),
    }
}

async fn formats(s: S, q: Pairs) -> Reply {
    json(params(q, &[]).map(|_| s.formats()))
}

async fn png(q: Pairs, headers: HeaderMap, b: Body) -> Reply {
    let run = async {
        let p = params(q, &["width", "height"])?;
        let (w, h) = (number(&p, "width", 0)?, number(&p, "height", 0)?);
        let side = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        let (w, h) = (side(w), side(h));
        check_picture(w, h)?;
        let svg = body(&headers, b, "image/svg+xml").await?;
        blocking(move || faultlines_render::png(&svg, w, h)).await
    };
    file("image/png", run.await)
}

async fn start(s: S, q: Pairs, headers: HeaderMap, b: Body) -> Reply {
    let run = async {
        params(q, &[])?;
        let raw = body(&headers, b, "application/json").await?;
        let p: AnimationParams = serde_json::from_slice(&raw).map_err(|e| {
            ApiError::new(
                ErrorCode::BadRequest,
                format!("the animation's parameters do not parse: {e}"),
            )
        })?;
        let id = blocking(move || s.start(p)).await?;
        Ok(AnimationStarted { id })
    };
    json(run.await)
}

async fn frame(s: S, Segments(id): Segments<u32>, q: Pairs, headers: HeaderMap, b: Body) -> Reply {
    let run = async {
        params(q, &[])?;
        let svg = body(&headers, b, "image/svg+xml").await?;
        let frames = blocking(move || s.add_frame(id, svg)).await?;
        Ok(FrameAdded { frames })
    };
    json(run.await)
}

async fn finish(s: S, Segments(id): Segments<u32>, q: Pairs) -> Reply {
    let mime = s
        .format_of(id)
        .map_or("application/octet-stream", |f| f.mime());
    let r = match params(q, &[]) {
        Ok(_) => blocking(move || s.finish(id)).await,
        Err(e) => Err(e),
    };
    file(mime, r)
}

async fn cancel(s: S, Segments(id): Segments<u32>, q: Pairs) -> Reply {
    let r = match params(q, &[]) {
        Ok(_) => blocking(move || s.cancel(id)).await,
        Err(e) => Err(e),
    };
    json(r.map(|()| serde_json::json!({})))
}
