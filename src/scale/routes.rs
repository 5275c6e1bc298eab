//! `faultlines serve --scale DIR`: the partitioned story's answers under
//! `/api/scale/`, beside the API of the story in memory, with the same
//! parameter checks and the same `{code, message, details}` errors.
//!
//! - `GET /api/scale/info`: the manifest (how the story is cut, its size).
//! - `GET /api/scale/state?at=DATE[&offset=&limit=]`: the events on at a day.
//! - `GET /api/scale/histogram?from=&to=[&bins=&mode=]`: counts per bin.

use std::sync::Arc;

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use faultlines_core::api::{HistogramMode, MAX_BINS, MAX_PAGE};
use faultlines_core::date::{Date, DayNum};
use faultlines_core::error::{ApiError, ErrorCode};

use super::Scale;
use crate::http::{json, number, one_of, params, required, Pairs, Params};

type S = State<Arc<Scale>>;
type Reply = axum::response::Response;

/// The routes, to merge into [`crate::http::router`]'s.
pub fn router(scale: Arc<Scale>) -> Router {
    Router::new()
        .route("/api/scale/info", get(info))
        .route("/api/scale/state", get(state))
        .route("/api/scale/histogram", get(histogram))
        .with_state(scale)
}

fn date(p: &Params, name: &str) -> Result<Date, ApiError> {
    let s = required(p, name)?;
    s.parse::<Date>()
        .map_err(|e| ApiError::param(ErrorCode::BadDate, name, s, e.to_string()))
}

fn internal(e: String) -> ApiError {
    ApiError::new(ErrorCode::Internal, format!("the query failed: {e}"))
}

async fn info(s: S, q: Pairs) -> Reply {
    json(params(q, &[]).map(|_| s.manifest().clone()))
}

async fn state(s: S, q: Pairs) -> Reply {
    let asked = params(q, &["at", "offset", "limit"]).and_then(|p| {
        let limit = number(&p, "limit", 100)?;
        if limit > MAX_PAGE {
            let why = format!("limit must be 0 to {MAX_PAGE}");
            return Err(ApiError::param(ErrorCode::TooLarge, "limit", limit, why));
        }
        Ok((
            date(&p, "at")?.nominal_first(),
            number(&p, "offset", 0)?,
            limit,
        ))
    });
    json(match asked {
        Ok((t, offset, limit)) => s.state(t, offset, limit).await.map_err(internal),
        Err(e) => Err(e),
    })
}

fn window(p: &Params) -> Result<(DayNum, DayNum), ApiError> {
    let (from, to) = (date(p, "from")?, date(p, "to")?);
    let (a, b) = (from.nominal_first(), to.nominal_last());
    if a > b {
        return Err(ApiError::new(
            ErrorCode::RangeInverted,
            format!("'from' ({from}) is after 'to' ({to})"),
        )
        .with_details(serde_json::json!({ "from": from.to_string(), "to": to.to_string() })));
    }
    Ok((a, b))
}

async fn histogram(s: S, q: Pairs) -> Reply {
    let asked = params(q, &["from", "to", "bins", "mode"]).and_then(|p| {
        let bins = number(&p, "bins", 100)?;
        if bins == 0 || bins > MAX_BINS {
            let why = format!("bins must be 1 to {MAX_BINS}");
            return Err(ApiError::param(ErrorCode::BadRequest, "bins", bins, why));
        }
        let modes = [
            ("overlap", HistogramMode::Overlap),
            ("starts", HistogramMode::Starts),
        ];
        Ok((window(&p)?, bins, one_of(&p, "mode", &modes)?))
    });
    json(match asked {
        Ok((w, bins, mode)) => s.histogram(w, bins, mode).await.map_err(internal),
        Err(e) => Err(e),
    })
}

/// Serve `api` (and the UI in `ui_dir`) with the partitioned story in `dir`
/// beside it, until Ctrl-C. `on_ready` gets the bound address.
pub async fn serve(
    api: Arc<faultlines_core::Api>,
    dir: &std::path::Path,
    addr: std::net::SocketAddr,
    ui_dir: Option<std::path::PathBuf>,
    on_ready: impl FnOnce(std::net::SocketAddr),
) -> Result<(), String> {
    let scale = Scale::open(dir).await?;
    let app = crate::http::router(api, ui_dir).merge(router(Arc::new(scale)));
    crate::http::serve_app(app, addr, on_ready)
        .await
        .map_err(|e| format!("cannot serve on {addr}: {e}"))
}
