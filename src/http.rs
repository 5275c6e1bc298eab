//! The HTTP mode: `faultlines serve`.
//!
//! Serves the same [`Api`] as the desktop app as JSON under `/api/`, map
//! layers as bytes under `/api/layers/{name}/{lod}`, and the built web UI
//! from a folder for every other path. It binds to 127.0.0.1 unless told
//! otherwise, answers only GET (but for the exports' POST routes, in
//! `export_routes.rs`, the only ones that take a body), caps query strings
//! (parsed by axum's `Query`), and serves UI files with tower-http's
//! `ServeDir` after resolving each path so that none (`..`, absolute,
//! symlinks out) can reach outside the folder.
//!
//! Every error is the API's `{code, message, details}` with a 4xx status.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{FromRequestParts, Path as UrlPath, Query, Request, State as AxState};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Response, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use faultlines_core::api::{Api, Filter, HistogramMode, StateEvents};
use faultlines_core::error::{ApiError, ErrorCode};
use faultlines_core::model::EventKind;

/// Longest query string accepted, in bytes.
pub const MAX_QUERY_STRING: usize = 4096;

#[derive(Clone)]
struct AppState {
    api: Arc<Api>,
}

/// An [`ApiError`] as an HTTP answer: its code's status and the error as JSON.
/// (A wrapper, since the error type belongs to the core and the response
/// trait to axum.)
pub(crate) struct HttpError(pub(crate) ApiError);

impl IntoResponse for HttpError {
    fn into_response(self) -> axum::response::Response {
        let status =
            StatusCode::from_u16(self.0.code.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
        (status, Json(self.0)).into_response()
    }
}

/// A route's query as name-value pairs, parsed by axum's `Query` (duplicates
/// kept, so `params` can refuse them). A query string longer than
/// [`MAX_QUERY_STRING`] is refused before it is parsed, and one that does not
/// parse is the API's coded `bad_request`, not axum's plain-text rejection.
pub(crate) struct Pairs(Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Pairs {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        if parts.uri.query().map_or(0, str::len) > MAX_QUERY_STRING {
            return Err(HttpError(ApiError::new(
                ErrorCode::TooLarge,
                format!("the query string is longer than {MAX_QUERY_STRING} bytes"),
            )));
        }
        // Decoding is lenient (a stray `%` stays as it is); a broken escape is
        // more likely a client's bug than a value, so it is refused.
        let raw = parts.uri.query().unwrap_or_default().as_bytes();
        let broken = raw.iter().enumerate().any(|(i, &b)| {
            b == b'%'
                && !raw
                    .get(i + 1..i + 3)
                    .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
        });
        if broken {
            return Err(HttpError(ApiError::new(
                ErrorCode::BadRequest,
                "malformed %-escape in the query string",
            )));
        }
        match Query::<Vec<(String, String)>>::try_from_uri(&parts.uri) {
            Ok(Query(pairs)) => Ok(Pairs(pairs)),
            Err(e) => Err(HttpError(ApiError::new(
                ErrorCode::BadRequest,
                format!("the query string does not parse: {}", e.body_text()),
            ))),
        }
    }
}

/// A route's path segments, decoded by axum's `Path`; a segment that is not
/// UTF-8 once its %-escapes are decoded (found by fuzzing) is the API's coded
/// `bad_request`, not axum's plain-text rejection.
pub(crate) struct Segments<T>(pub(crate) T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned + Send> FromRequestParts<S> for Segments<T> {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match UrlPath::<T>::from_request_parts(parts, state).await {
            Ok(UrlPath(v)) => Ok(Segments(v)),
            Err(e) => Err(HttpError(ApiError::new(
                ErrorCode::BadRequest,
                format!("the path does not parse: {}", e.body_text()),
            ))),
        }
    }
}

pub(crate) type Params = HashMap<String, String>;

/// The query's parameters, refusing what a route cannot honour: a name it
/// does not know (a typo such as `kind=` for `kinds=` would otherwise give
/// an answer that looks real) or a parameter given twice. The error names
/// the parameter and the valid ones.
pub(crate) fn params(q: Pairs, allowed: &[&str]) -> Result<Params, ApiError> {
    let mut out = Params::new();
    for (k, v) in q.0 {
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
fn no_params(q: Pairs) -> Result<(), ApiError> {
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

pub(crate) fn required<'a>(p: &'a Params, name: &str) -> Result<&'a str, ApiError> {
    p.get(name).map(String::as_str).ok_or_else(|| {
        ApiError::new(
            ErrorCode::BadRequest,
            format!("missing query parameter {name:?}"),
        )
        .with_details(serde_json::json!({ "param": name }))
    })
}

pub(crate) fn number(p: &Params, name: &str, default: usize) -> Result<usize, ApiError> {
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

pub(crate) fn json<T: Serialize>(r: Result<T, ApiError>) -> axum::response::Response {
    match r {
        Ok(v) => Json(v).into_response(),
        Err(e) => HttpError(e).into_response(),
    }
}

type S = AxState<AppState>;
type Reply = axum::response::Response;

/// One of a few words, or the default when absent; else a bad request
/// naming the choices.
pub(crate) fn one_of<T: Copy>(
    p: &Params,
    name: &str,
    choices: &[(&str, T)],
) -> Result<T, ApiError> {
    let Some(value) = p.get(name) else {
        return Ok(choices[0].1);
    };
    if let Some((_, v)) = choices.iter().find(|(word, _)| word == value) {
        return Ok(*v);
    }
    let words: Vec<&str> = choices.iter().map(|(w, _)| *w).collect();
    Err(ApiError::param(
        ErrorCode::BadRequest,
        name,
        value,
        format!("{name} must be {}", words.join(" or ")),
    )
    .with_details(serde_json::json!({ "param": name, "value": value, "valid": words })))
}

fn bytes(content_type: &str, body: impl Into<Body>) -> Reply {
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .unwrap_or_default()
        .into_response()
}

async fn info(s: S, q: Pairs) -> Reply {
    json(no_params(q).map(|_| s.api.info()))
}

async fn state(s: S, q: Pairs) -> Reply {
    json(params(q, &["at", "events"]).and_then(|p| {
        let events = match p.get("events") {
            Some(e) => StateEvents::parse(e)?,
            None => StateEvents::All,
        };
        s.api.state_at_with(required(&p, "at")?, events)
    }))
}

async fn events(s: S, q: Pairs) -> Reply {
    json(
        params(q, &with(["from", "to", "offset", "limit"], FILTER)).and_then(|p| {
            s.api.events_in(
                required(&p, "from")?,
                required(&p, "to")?,
                &filter(&p)?,
                number(&p, "offset", 0)?,
                number(&p, "limit", 100)?,
            )
        }),
    )
}

async fn histogram(s: S, q: Pairs) -> Reply {
    json(
        params(q, &with(["from", "to", "bins", "mode"], FILTER)).and_then(|p| {
            let modes = [
                ("overlap", HistogramMode::Overlap),
                ("starts", HistogramMode::Starts),
            ];
            let mode = one_of(&p, "mode", &modes)?;
            s.api.histogram_mode(
                required(&p, "from")?,
                required(&p, "to")?,
                number(&p, "bins", 100)?,
                &filter(&p)?,
                mode,
            )
        }),
    )
}

async fn step(s: S, q: Pairs) -> Reply {
    json(params(q, &with(["after", "dir"], FILTER)).and_then(|p| {
        let backward = one_of(&p, "dir", &[("next", false), ("prev", true)])?;
        s.api.step(required(&p, "after")?, backward, &filter(&p)?)
    }))
}

async fn regions(s: S, q: Pairs) -> Reply {
    json(no_params(q).map(|_| s.api.regions().to_vec()))
}

async fn excerpts(s: S, q: Pairs) -> Reply {
    json(params(q, &["region"]).and_then(|p| s.api.excerpts_for_region(required(&p, "region")?)))
}

async fn excerpt(s: S, Segments(id): Segments<String>, q: Pairs) -> Reply {
    json(no_params(q).and_then(|_| s.api.excerpt(&id)))
}

async fn event(s: S, Segments(id): Segments<String>, q: Pairs) -> Reply {
    json(no_params(q).and_then(|_| s.api.event(&id)))
}

async fn search(s: S, q: Pairs) -> Reply {
    json(
        params(q, &["q", "limit"])
            .and_then(|p| s.api.search(required(&p, "q")?, number(&p, "limit", 20)?)),
    )
}

async fn columns(s: S, q: Pairs) -> Reply {
    match no_params(q) {
        Ok(()) => bytes("application/octet-stream", s.api.columns()),
        Err(e) => HttpError(e).into_response(),
    }
}

async fn map(s: S, q: Pairs) -> Reply {
    match params(q, &["at"]).and_then(|p| s.api.map_at(required(&p, "at")?)) {
        Ok(text) => bytes("application/geo+json", text),
        Err(e) => HttpError(e).into_response(),
    }
}

async fn overviews(s: S, q: Pairs) -> Reply {
    json(no_params(q).map(|_| s.api.overviews()))
}

async fn article(s: S, q: Pairs) -> Reply {
    json(no_params(q).map(|_| s.api.article()))
}

/// `GET /api/link?u=LINK`: a link to a view read against the story (never an
/// error for a bad link: what it leaves out is listed).
async fn link(s: S, q: Pairs) -> Reply {
    json(params(q, &["u"]).and_then(|p| Ok(s.api.read_link(required(&p, "u")?))))
}

/// `GET /api/cite/{id}`: an excerpt's citation (plain, BibTeX, CSL-JSON).
async fn cite(s: S, Segments(id): Segments<String>, q: Pairs) -> Reply {
    json(no_params(q).and_then(|_| s.api.cite(&id)))
}

async fn all_events(s: S, q: Pairs) -> Reply {
    json(no_params(q).map(|_| s.api.all_events()))
}

async fn layer(s: S, Segments((name, lod)): Segments<(String, String)>, q: Pairs) -> Reply {
    match no_params(q).and_then(|_| s.api.layer(&name, &lod)) {
        Ok(body) => {
            let mut r = bytes("application/json", body);
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("max-age=3600"),
            );
            r
        }
        Err(e) => HttpError(e).into_response(),
    }
}

async fn no_route(uri: Uri) -> Reply {
    HttpError(ApiError::new(
        ErrorCode::NotFound,
        format!("no API route {}", uri.path()),
    ))
    .into_response()
}

/// The router, for tests and for [`serve`].
pub fn router(api: Arc<Api>, ui_dir: Option<PathBuf>) -> Router {
    let api = Router::new()
        .route("/api/info", get(info))
        .route("/api/state", get(state))
        .route("/api/events", get(events))
        .route("/api/histogram", get(histogram))
        .route("/api/step", get(step))
        .route("/api/regions", get(regions))
        .route("/api/excerpts", get(excerpts))
        .route("/api/excerpt/{id}", get(excerpt))
        .route("/api/event/{id}", get(event))
        .route("/api/search", get(search))
        .route("/api/columns", get(columns))
        .route("/api/map", get(map))
        .route("/api/overviews", get(overviews))
        .route("/api/article", get(article))
        .route("/api/all-events", get(all_events))
        .route("/api/link", get(link))
        .route("/api/cite/{id}", get(cite))
        .route("/api/layers/{name}/{lod}", get(layer))
        .route("/api/{*rest}", get(no_route))
        .with_state(AppState { api })
        .merge(crate::export_routes::routes());
    match ui_dir {
        Some(root) => api.fallback_service(ui_files(root)),
        None => api.fallback(|uri: Uri| async move { not_found(&uri) }),
    }
}

/// Resolve `request_path` inside `root`, refusing anything that could leave it.
pub fn resolve_inside(root: &Path, request_path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(request_path)
        .decode_utf8()
        .ok()?;
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

/// The UI's files, served by tower-http's `ServeDir` (content types,
/// conditional and range requests) with the page's security headers. Every
/// path is first resolved by [`resolve_inside`]: `ServeDir` refuses `..`
/// but follows a symlink wherever it points, and the folder must not lead
/// out of itself.
fn ui_files(root: PathBuf) -> Router {
    let guard_root = Arc::new(root.clone());
    let header = |name: header::HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    Router::new()
        .fallback_service(ServeDir::new(root))
        .layer(axum::middleware::from_fn(move |req: Request, next: Next| {
            let root = guard_root.clone();
            async move {
                if resolve_inside(&root, req.uri().path()).is_none() {
                    return not_found(req.uri());
                }
                next.run(req).await
            }
        }))
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        // Cross-origin isolated: no other origin's window or resource can
        // share the page's process (and timers are precise, for benchmarks).
        .layer(header(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .layer(header(
            header::HeaderName::from_static("cross-origin-embedder-policy"),
            "require-corp",
        ))
}

fn not_found(uri: &Uri) -> axum::response::Response {
    HttpError(ApiError::new(
        ErrorCode::NotFound,
        format!("no file {}", uri.path()),
    ))
    .into_response()
}

/// Bind and serve until Ctrl-C. `on_ready` gets the bound address.
pub async fn serve(
    api: Arc<Api>,
    addr: SocketAddr,
    ui_dir: Option<PathBuf>,
    on_ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    serve_app(router(api, ui_dir), addr, on_ready).await
}

/// [`serve`] with a router of one's own (the router with more routes merged).
pub async fn serve_app(
    app: Router,
    addr: SocketAddr,
    on_ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    on_ready(listener.local_addr()?);
    // Small JSON answers go out at once rather than waiting on Nagle's algorithm.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
