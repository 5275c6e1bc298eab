//! The HTTP mode: `faultlines serve`.
//!
//! Serves the same [`Api`] as the desktop app as JSON under `/api/`, map
//! layers as bytes under `/api/layers/{name}/{lod}`, and the built web UI
//! from a folder for every other path. It binds to 127.0.0.1 unless told
//! otherwise, answers only GET, caps query strings, and resolves UI files so
//! that no path (`..`, absolute, symlinks out) can reach outside the folder.
//!
//! Every error is the API's `{code, message, details}` with a 4xx status.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path as UrlPath, RawQuery, State as AxState};
use axum::http::{header, HeaderValue, Response, StatusCode, Uri};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use faultlines_core::api::{Api, Filter, HistogramMode, StateEvents};
use faultlines_core::error::{ApiError, ErrorCode};
use faultlines_core::model::EventKind;

/// Longest query string accepted, in bytes.
pub const MAX_QUERY_STRING: usize = 4096;

#[derive(Clone)]
struct AppState {
    api: Arc<Api>,
    ui_dir: Option<Arc<PathBuf>>,
}

/// An [`ApiError`] as an HTTP answer: its code's status and the error as JSON.
/// (A wrapper, since the error type belongs to the core and the response
/// trait to axum.)
struct HttpError(ApiError);

impl IntoResponse for HttpError {
    fn into_response(self) -> axum::response::Response {
        let status =
            StatusCode::from_u16(self.0.code.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
        (status, Json(self.0)).into_response()
    }
}

type Params = HashMap<String, String>;

/// The query's parameters, refusing what a route cannot honour: a name it
/// does not know (a typo such as `kind=` for `kinds=` would otherwise give
/// an answer that looks real) or a parameter given twice. The error names
/// the parameter and the valid ones.
fn params(q: Option<String>, allowed: &[&str]) -> Result<Params, ApiError> {
    let q = q.unwrap_or_default();
    if q.len() > MAX_QUERY_STRING {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!("the query string is longer than {MAX_QUERY_STRING} bytes"),
        ));
    }
    let mut out = Params::new();
    for (k, v) in serde_urlencoded_lite(&q)? {
        if !allowed.contains(&k.as_str()) {
            let valid = if allowed.is_empty() {
                "this route takes no parameters".to_string()
            } else {
                format!("valid parameters: {}", allowed.join(", "))
            };
            return Err(ApiError::new(
                ErrorCode::BadRequest,
                format!("unknown query parameter {k:?}; {valid}"),
            )
            .with_details(serde_json::json!({ "param": k, "valid": allowed })));
        }
        if out.contains_key(&k) {
            return Err(ApiError::new(
                ErrorCode::BadRequest,
                format!("query parameter {k:?} is given more than once; it takes one value"),
            )
            .with_details(serde_json::json!({ "param": k, "valid": allowed })));
        }
        out.insert(k, v);
    }
    Ok(out)
}

/// A route without parameters still refuses a query it would ignore.
fn no_params(q: Option<String>) -> Result<(), ApiError> {
    params(q, &[]).map(|_| ())
}

const FILTER: [&str; 3] = ["kinds", "actor", "region"];

/// `a` then `b`, as one list of parameter names.
fn with<const N: usize, const M: usize>(
    a: [&'static str; N],
    b: [&'static str; M],
) -> Vec<&'static str> {
    a.into_iter().chain(b).collect()
}

/// Minimal `application/x-www-form-urlencoded` parsing (no extra dependency).
fn serde_urlencoded_lite(q: &str) -> Result<Vec<(String, String)>, ApiError> {
    let mut out = Vec::new();
    for pair in q.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let dec = |s: &str| -> Result<String, ApiError> {
            let s = s.replace('+', " ");
            let bytes = s.as_bytes();
            let mut buf = Vec::with_capacity(bytes.len());
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'%' {
                    let hex = bytes
                        .get(i + 1..i + 3)
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    match hex {
                        Some(b) => buf.push(b),
                        None => {
                            return Err(ApiError::new(
                                ErrorCode::BadRequest,
                                "malformed %-escape in the query string",
                            ))
                        }
                    }
                    i += 3;
                } else {
                    buf.push(bytes[i]);
                    i += 1;
                }
            }
            String::from_utf8(buf)
                .map_err(|_| ApiError::new(ErrorCode::BadRequest, "the query string is not UTF-8"))
        };
        out.push((dec(k)?, dec(v)?));
    }
    Ok(out)
}

fn required<'a>(p: &'a Params, name: &str) -> Result<&'a str, ApiError> {
    p.get(name).map(String::as_str).ok_or_else(|| {
        ApiError::new(
            ErrorCode::BadRequest,
            format!("missing query parameter {name:?}"),
        )
        .with_details(serde_json::json!({ "param": name }))
    })
}

fn number(p: &Params, name: &str, default: usize) -> Result<usize, ApiError> {
    match p.get(name) {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| {
            ApiError::param(
                ErrorCode::BadRequest,
                name,
                v,
                format!("{name} must be a whole number"),
            )
        }),
    }
}

fn filter(p: &Params) -> Result<Filter, ApiError> {
    let kinds = match p.get("kinds").filter(|k| !k.is_empty()) {
        None => None,
        Some(list) => Some(
            list.split(',')
                .map(|k| {
                    EventKind::parse(k).ok_or_else(|| {
                        let valid: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                        ApiError::new(
                            ErrorCode::BadRequest,
                            format!(
                                "unknown event kind {k:?}; valid kinds: {}",
                                valid.join(", ")
                            ),
                        )
                        .with_details(
                            serde_json::json!({ "param": "kinds", "value": k, "valid": valid }),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    Ok(Filter {
        kinds,
        actor: p.get("actor").cloned(),
        region: p.get("region").cloned(),
    })
}

fn json<T: Serialize>(r: Result<T, ApiError>) -> axum::response::Response {
    match r {
        Ok(v) => Json(v).into_response(),
        Err(e) => HttpError(e).into_response(),
    }
}

/// The router, for tests and for [`serve`].
pub fn router(api: Arc<Api>, ui_dir: Option<PathBuf>) -> Router {
    let state = AppState {
        api,
        ui_dir: ui_dir.map(Arc::new),
    };
    Router::new()
        .route(
            "/api/info",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(no_params(q).map(|_| s.api.info()))
            }),
        )
        .route(
            "/api/state",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(params(q, &["at", "events"]).and_then(|p| {
                    let events = match p.get("events") {
                        Some(e) => StateEvents::parse(e)?,
                        None => StateEvents::All,
                    };
                    s.api.state_at_with(required(&p, "at")?, events)
                }))
            }),
        )
        .route(
            "/api/events",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(params(q, &with(["from", "to", "offset", "limit"], FILTER)).and_then(|p| {
                    s.api.events_in(
                        required(&p, "from")?,
                        required(&p, "to")?,
                        &filter(&p)?,
                        number(&p, "offset", 0)?,
                        number(&p, "limit", 100)?,
                    )
                }))
            }),
        )
        .route(
            "/api/histogram",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(params(q, &with(["from", "to", "bins", "mode"], FILTER)).and_then(|p| {
                    let mode = match p.get("mode").map(String::as_str) {
                        None | Some("overlap") => HistogramMode::Overlap,
                        Some("starts") => HistogramMode::Starts,
                        Some(other) => {
                            return Err(ApiError::param(
                                ErrorCode::BadRequest,
                                "mode",
                                other,
                                "mode must be overlap or starts",
                            )
                            .with_details(serde_json::json!({ "param": "mode", "value": other, "valid": ["overlap", "starts"] })
                            ))
                        }
                    };
                    s.api.histogram_mode(
                        required(&p, "from")?,
                        required(&p, "to")?,
                        number(&p, "bins", 100)?,
                        &filter(&p)?,
                        mode,
                    )
                }))
            }),
        )
        .route(
            "/api/step",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(params(q, &with(["after", "dir"], FILTER)).and_then(|p| {
                    let backward = match p.get("dir").map(String::as_str) {
                        None | Some("next") => false,
                        Some("prev") => true,
                        Some(other) => {
                            return Err(ApiError::param(
                                ErrorCode::BadRequest,
                                "dir",
                                other,
                                "dir must be next or prev",
                            )
                            .with_details(serde_json::json!({ "param": "dir", "value": other, "valid": ["next", "prev"] })
                            ))
                        }
                    };
                    s.api.step(required(&p, "after")?, backward, &filter(&p)?)
                }))
            }),
        )
        .route(
            "/api/regions",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(no_params(q).map(|_| s.api.regions().to_vec()))
            }),
        )
        .route(
            "/api/excerpts",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(
                    params(q, &["region"])
                        .and_then(|p| s.api.excerpts_for_region(required(&p, "region")?)),
                )
            }),
        )
        .route(
            "/api/excerpt/{id}",
            get(
                |s: AxState<AppState>, UrlPath(id): UrlPath<String>, RawQuery(q): RawQuery| async move {
                    json(no_params(q).and_then(|_| s.api.excerpt(&id)))
                },
            ),
        )
        .route(
            "/api/event/{id}",
            get(
                |s: AxState<AppState>, UrlPath(id): UrlPath<String>, RawQuery(q): RawQuery| async move {
                    json(no_params(q).and_then(|_| s.api.event(&id).cloned()))
                },
            ),
        )
        .route(
            "/api/search",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(
                    params(q, &["q", "limit"])
                        .and_then(|p| s.api.search(required(&p, "q")?, number(&p, "limit", 20)?)),
                )
            }),
        )
        .route(
            "/api/columns",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                if let Err(e) = no_params(q) {
                    return HttpError(e).into_response();
                }
                Response::builder()
                    .header(header::CONTENT_TYPE, "application/octet-stream")
                    .body(Body::from(s.api.columns()))
                    .unwrap_or_default()
                    .into_response()
            }),
        )
        .route(
            "/api/map",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                match params(q, &["at"]).and_then(|p| s.api.map_at(required(&p, "at")?)) {
                    Ok(text) => Response::builder()
                        .header(header::CONTENT_TYPE, "application/geo+json")
                        .body(axum::body::Body::from(text))
                        .expect("a valid response")
                        .into_response(),
                    Err(e) => HttpError(e).into_response(),
                }
            }),
        )
        .route(
            "/api/overviews",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(no_params(q).map(|_| s.api.overviews()))
            }),
        )
        .route(
            "/api/article",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(no_params(q).map(|_| s.api.article()))
            }),
        )
        .route(
            "/api/all-events",
            get(|s: AxState<AppState>, RawQuery(q): RawQuery| async move {
                json(no_params(q).map(|_| s.api.all_events().to_vec()))
            }),
        )
        .route(
            "/api/layers/{name}/{lod}",
            get(
                |s: AxState<AppState>,
                 UrlPath((name, lod)): UrlPath<(String, String)>,
                 RawQuery(q): RawQuery| async move {
                    match no_params(q).and_then(|_| s.api.layer(&name, &lod)) {
                        Ok(bytes) => Response::builder()
                            .header(header::CONTENT_TYPE, "application/json")
                            .header(header::CACHE_CONTROL, "max-age=3600")
                            .body(Body::from(bytes))
                            .unwrap_or_default()
                            .into_response(),
                        Err(e) => HttpError(e).into_response(),
                    }
                },
            ),
        )
        .route(
            "/api/{*rest}",
            get(|uri: Uri| async move {
                HttpError(ApiError::new(ErrorCode::NotFound, format!("no API route {}", uri.path())))
                    .into_response()
            }),
        )
        .fallback(static_file)
        .with_state(state)
}

/// Resolve `request_path` inside `root`, refusing anything that could leave it.
pub fn resolve_inside(root: &Path, request_path: &str) -> Option<PathBuf> {
    let decoded = serde_urlencoded_lite(&format!("p={}", request_path.replace('+', "%2B")))
        .ok()?
        .pop()?
        .1;
    let rel = decoded.trim_start_matches('/');
    let mut out = root.to_path_buf();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let root_c = root.canonicalize().ok()?;
    let target = if out.is_dir() {
        out.join("index.html")
    } else {
        out
    };
    let target_c = target.canonicalize().ok()?;
    target_c.starts_with(&root_c).then_some(target_c)
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

async fn static_file(AxState(s): AxState<AppState>, uri: Uri) -> axum::response::Response {
    let not_found = || {
        HttpError(ApiError::new(
            ErrorCode::NotFound,
            format!("no file {}", uri.path()),
        ))
        .into_response()
    };
    let Some(root) = s.ui_dir.as_deref() else {
        return not_found();
    };
    let Some(path) = resolve_inside(root, uri.path()) else {
        return not_found();
    };
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let mut r = Response::new(Body::from(bytes));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(&path)),
            );
            r.headers_mut().insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
            );
            r.headers_mut().insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            // Cross-origin isolated: no other origin's window or resource can
            // share the page's process (and timers are precise, for benchmarks).
            r.headers_mut().insert(
                "cross-origin-opener-policy",
                HeaderValue::from_static("same-origin"),
            );
            r.headers_mut().insert(
                "cross-origin-embedder-policy",
                HeaderValue::from_static("require-corp"),
            );
            r.into_response()
        }
        Err(_) => not_found(),
    }
}

/// Bind and serve until Ctrl-C. `on_ready` gets the bound address.
pub async fn serve(
    api: Arc<Api>,
    addr: SocketAddr,
    ui_dir: Option<PathBuf>,
    on_ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    on_ready(listener.local_addr()?);
    // Small JSON answers go out at once rather than waiting on Nagle's algorithm.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, router(api, ui_dir))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
