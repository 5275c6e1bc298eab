//! The HTTP mode: JSON answers, 4xx errors with `{code, message, details}`,
//! layers as bytes, request limits, and no file served from outside the UI folder.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use faultlines_core::{Api, Dataset};
use http_body_util::BodyExt;
use tower::ServiceExt;

fn app(ui: Option<std::path::PathBuf>) -> axum::Router {
    faultlines::http::router(Arc::new(Api::new(Dataset::embedded().unwrap())), ui)
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, Vec<u8>) {
    let r = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = r.status();
    (
        status,
        r.into_body().collect().await.unwrap().to_bytes().to_vec(),
    )
}

async fn json(app: &axum::Router, uri: &str) -> (StatusCode, serde_json::Value) {
    let (s, b) = get(app, uri).await;
    (
        s,
        serde_json::from_slice(&b)
            .unwrap_or_else(|_| panic!("{uri} answers JSON: {}", String::from_utf8_lossy(&b))),
    )
}

#[tokio::test]
async fn info_state_and_queries_answer_json() {
    let app = app(None);
    let (s, info) = json(&app, "/api/info").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(info["article"]["author"], "Vitaly Charushin");
    let (_, st) = json(&app, "/api/state?at=2022-01-08").await;
    assert!(st["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["id"] == "kazakhstan-csto-deployment-2022"));
    // Without events: the same memberships and disputes, no event list.
    let (s, light) = json(&app, "/api/state?at=2022-01-08&events=none").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(light["events"].as_array().unwrap().len(), 0);
    assert_eq!(light["memberships"], st["memberships"]);
    assert_eq!(light["disputes"], st["disputes"]);
    assert!(!st["memberships"].as_array().unwrap().is_empty());
    // The overview states: the one holding on 2022-01-08 is the same again.
    let (s, ov) = json(&app, "/api/overviews").await;
    assert_eq!(s, StatusCode::OK);
    let holding = ov
        .as_array()
        .unwrap()
        .iter()
        .take_while(|o| o["day"].as_i64() <= st["day"].as_i64())
        .last()
        .unwrap();
    assert_eq!(holding["memberships"], st["memberships"]);
    assert_eq!(holding["disputes"], st["disputes"]);
    let (_, h) = json(&app, "/api/histogram?from=1949&to=2025&bins=200").await;
    assert_eq!(h["bins"].as_array().unwrap().len(), 200);
    let (_, step) = json(&app, "/api/step?after=2022-01-08&kinds=withdrawal").await;
    assert_eq!(step["id"], "kazakhstan-csto-withdrawal-2022");
    let (_, hits) = json(&app, "/api/search?q=tokayev").await;
    assert_eq!(hits[0]["kind"], "region");
    assert_eq!(hits[0]["id"], "KAZ");
}

#[tokio::test]
async fn errors_are_4xx_with_a_code() {
    let app = app(None);
    for (uri, status, code) in [
        ("/api/state?at=2022-13-01", 400, "bad_date"),
        ("/api/state", 400, "bad_request"),
        ("/api/state?at=2022&events=some", 400, "bad_request"),
        ("/api/events?from=2023&to=2022", 400, "range_inverted"),
        ("/api/excerpts?region=ATLANTIS", 404, "unknown_region"),
        ("/api/event/no-such-event", 404, "unknown_event"),
        (
            "/api/histogram?from=1950&to=2000&bins=0",
            400,
            "bad_request",
        ),
        (
            "/api/histogram?from=1950&to=2000&bins=lots",
            400,
            "bad_request",
        ),
        (
            "/api/events?from=1950&to=2000&limit=100000",
            413,
            "too_large",
        ),
        (
            "/api/events?from=1950&to=2000&kinds=party",
            400,
            "bad_request",
        ),
        ("/api/layers/countries/ultra", 404, "unknown_layer"),
        ("/api/nothing-here", 404, "not_found"),
        ("/api/state?at=%ZZ", 400, "bad_request"),
    ] {
        let (s, body) = json(&app, uri).await;
        assert_eq!(s.as_u16(), status, "{uri}: {body}");
        assert_eq!(body["code"], code, "{uri}: {body}");
        assert!(
            body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{uri}"
        );
    }
    let long = format!("/api/search?q={}", "a".repeat(5000));
    let (s, body) = json(&app, &long).await;
    assert_eq!(
        (s.as_u16(), body["code"].as_str()),
        (413, Some("too_large"))
    );
}

#[tokio::test]
async fn layers_travel_as_bytes() {
    let app = app(None);
    let (s, bytes) = get(&app, "/api/layers/countries/overview").await;
    assert_eq!(s, StatusCode::OK);
    let decoded = faultlines_core::layer::decode_layer(&bytes).unwrap();
    assert!(decoded.iter().any(|f| f.id == "TJK"));
}

#[tokio::test]
async fn columns_travel_as_bytes_one_record_per_event() {
    let app = app(None);
    let (s, bytes) = get(&app, "/api/columns").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(&bytes[..4], b"FLC1");
    let n = u32::from_le_bytes(bytes[4..8].try_into().unwrap()) as usize;
    assert_eq!(bytes.len(), 8 + n * faultlines_core::api::COLUMN_RECORD);
    let api = Api::new(Dataset::embedded().unwrap());
    for (k, e) in api.all_events().iter().enumerate() {
        let o = 8 + k * faultlines_core::api::COLUMN_RECORD;
        let lo = i32::from_le_bytes(bytes[o..o + 4].try_into().unwrap());
        let hi = i32::from_le_bytes(bytes[o + 4..o + 8].try_into().unwrap());
        assert_eq!((lo, hi), (e.lo, e.hi), "{}", e.props.id);
    }
}

#[tokio::test]
async fn only_get_is_answered() {
    let app = app(None);
    let r = app
        .clone()
        .oneshot(Request::post("/api/info").body(Body::from("x")).unwrap())
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn never_serves_files_outside_the_ui_folder() {
    let root = tempfile::tempdir().unwrap();
    let ui = root.path().join("ui");
    std::fs::create_dir_all(ui.join("assets")).unwrap();
    std::fs::write(ui.join("index.html"), "<!doctype html><title>ok</title>").unwrap();
    std::fs::write(ui.join("assets/app.js"), "console.log(1)").unwrap();
    std::fs::write(root.path().join("secret.txt"), "do not serve").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.path().join("secret.txt"), ui.join("link.txt")).unwrap();
    let app = app(Some(ui));
    let (s, b) = get(&app, "/").await;
    assert_eq!(
        (s, String::from_utf8_lossy(&b).contains("<title>ok</title>")),
        (StatusCode::OK, true)
    );
    assert_eq!(get(&app, "/assets/app.js").await.0, StatusCode::OK);
    let r = app
        .clone()
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let h = |name: &str| r.headers().get(name).and_then(|v| v.to_str().ok());
    assert!(h("content-security-policy").is_some_and(|v| v.starts_with("default-src 'self'")));
    assert_eq!(h("x-content-type-options"), Some("nosniff"));
    assert_eq!(h("cross-origin-opener-policy"), Some("same-origin"));
    assert_eq!(h("cross-origin-embedder-policy"), Some("require-corp"));
    for evil in [
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/link.txt",
        "/%5c..%5csecret.txt",
    ] {
        let (s, b) = get(&app, evil).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{evil}");
        assert!(
            !String::from_utf8_lossy(&b).contains("do not serve"),
            "{evil}"
        );
    }
}

#[tokio::test]
async fn serves_on_loopback_by_default() {
    let api = Arc::new(Api::new(Dataset::embedded().unwrap()));
    let (tx, rx) = tokio::sync::oneshot::channel();
    let server = tokio::spawn(faultlines::http::serve(
        api,
        "127.0.0.1:0".parse().unwrap(),
        None,
        move |addr| {
            tx.send(addr).unwrap();
        },
    ));
    let addr = rx.await.unwrap();
    assert!(addr.ip().is_loopback());
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    stream
        .write_all(b"GET /api/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).await.unwrap();
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    server.abort();
}

#[tokio::test]
async fn the_map_of_a_date_is_served_as_geojson_and_a_bad_date_is_a_coded_error() {
    let app = app(None);
    let r = app
        .clone()
        .oneshot(
            Request::get("/api/map?at=1970-06-01")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/geo+json");
    let v: serde_json::Value =
        serde_json::from_slice(&r.into_body().collect().await.unwrap().to_bytes()).unwrap();
    let ids: Vec<&str> = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"DDR") && !ids.contains(&"SVK"), "{ids:?}");
    let (s, e) = json(&app, "/api/map?at=1970-02-31").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(e["code"], "bad_date", "{e}");
    let (s, e) = json(&app, "/api/map").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
}

#[tokio::test]
async fn a_parameter_the_route_does_not_know_is_refused_naming_the_valid_ones() {
    let app = app(None);
    // `kind` for `kinds`: ignoring it would answer every kind, an answer
    // that looks real.
    let (s, body) = json(&app, "/api/events?from=1950&to=2000&kind=exercise").await;
    assert_eq!(s.as_u16(), 400, "{body}");
    assert_eq!(body["code"], "bad_request");
    assert_eq!(body["details"]["param"], "kind");
    let valid: Vec<&str> = body["details"]["valid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        valid.contains(&"kinds") && valid.contains(&"from"),
        "{valid:?}"
    );
    assert!(
        body["message"].as_str().unwrap().contains("kinds"),
        "{body}"
    );
    for uri in [
        "/api/info?x=1",
        "/api/regions?region=KAZ",
        "/api/article?id=s01",
        "/api/layers/countries/low?v=2",
    ] {
        let (s, body) = json(&app, uri).await;
        assert_eq!(
            (s.as_u16(), body["code"].as_str()),
            (400, Some("bad_request")),
            "{uri}: {body}"
        );
    }
}

#[tokio::test]
async fn a_single_valued_parameter_given_twice_is_refused() {
    let app = app(None);
    let (s, body) = json(&app, "/api/state?at=2022&at=1970").await;
    assert_eq!(s.as_u16(), 400, "{body}");
    assert_eq!(body["details"]["param"], "at");
    assert!(body["message"].as_str().unwrap().contains("more than once"));
}

#[tokio::test]
async fn an_unknown_kind_is_refused_with_the_list_of_kinds() {
    let app = app(None);
    let (s, body) = json(
        &app,
        "/api/histogram?from=1950&to=2000&kinds=exercise,party",
    )
    .await;
    assert_eq!(s.as_u16(), 400, "{body}");
    assert_eq!(body["details"]["param"], "kinds");
    assert_eq!(body["details"]["value"], "party");
    assert!(body["details"]["valid"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "exercise"));
}

/// Found by fuzzing the HTTP mode: a path segment whose %-escapes decode to
/// bytes that are not UTF-8 got axum's plain-text rejection.
#[tokio::test]
async fn a_path_segment_that_is_not_utf8_is_a_json_bad_request() {
    let app = app(None);
    for uri in [
        "/api/layers/ckD0%B0easeaRch2%D0untries/overview",
        "/api/event/%FF",
        "/api/excerpt/%C3%28",
    ] {
        let (s, body) = json(&app, uri).await;
        assert_eq!(
            (s.as_u16(), body["code"].as_str()),
            (400, Some("bad_request")),
            "{uri}: {body}"
        );
        assert!(body["message"].as_str().unwrap().contains("path"), "{body}");
    }
}

#[tokio::test]
async fn a_link_is_read_against_the_story_and_a_bad_one_is_no_error() {
    let app = app(None);
    let (status, v) = json(
        &app,
        "/api/link?u=%23at%3D2022-01-09%26region%3DKAZ%26zoom%3D2.5",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["view"]["region"], "KAZ");
    assert_eq!(v["view"]["zoom"], 2.5);
    assert_eq!(v["ignored"], serde_json::json!([]));
    assert_eq!(v["query"], "at=2022-01-09&region=KAZ&zoom=2.5");
    // A desktop link with an unknown region and 30 February: the rest is kept, each bad part named.
    let (status, v) = json(
        &app,
        "/api/link?u=faultlines%3A%2F%2Fview%3Fat%3D2022-02-30%26region%3DXYZ%26kinds%3Dexercise",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["view"]["kinds"], serde_json::json!(["exercise"]));
    assert_eq!(v["ignored"][0]["why"], "impossible_date");
    assert_eq!(v["ignored"][1]["why"], "unknown_region");
    let (status, v) = json(&app, "/api/link").await;
    assert_eq!(
        (status, &v["code"]),
        (StatusCode::BAD_REQUEST, &serde_json::json!("bad_request"))
    );
}

#[tokio::test]
async fn an_excerpt_is_cited_and_an_unknown_one_is_a_coded_404() {
    let app = app(None);
    let (status, v) = json(&app, "/api/cite/s01").await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["key"], "charushin2023-s01");
    assert!(v["bibtex"]
        .as_str()
        .unwrap()
        .starts_with("@misc{charushin2023-s01,"));
    assert!(v["plain"]
        .as_str()
        .unwrap()
        .starts_with("Vitaly Charushin, “Putin’s USSR"));
    let csl: serde_json::Value = serde_json::from_str(v["csl_json"].as_str().unwrap()).unwrap();
    assert_eq!(csl[0]["author"][0]["family"], "Charushin");
    let (status, v) = json(&app, "/api/cite/s999").await;
    assert_eq!(
        (status, &v["code"]),
        (StatusCode::NOT_FOUND, &serde_json::json!("unknown_excerpt"))
    );
}
