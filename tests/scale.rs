//! The partitioned story (`faultlines partition`, queried by DataFusion)
//! answers as the in-memory core does: the same events on at random days,
//! in the same order, and the same histogram bins, cut by year or by month;
//! its routes check parameters and fail with the API's coded errors.
#![cfg(feature = "scale")]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use faultlines::scale::{self, By, Scale};
use faultlines_core::api::{Filter, HistogramMode};
use faultlines_core::date::DayNum;
use faultlines_core::Api;
use faultlines_geodata::generate::{self, Rng};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A generated story in memory, and the same story partitioned by `by`.
async fn both(n: usize, seed: u64, by: By) -> (Api, Scale, tempfile::TempDir) {
    let api = Api::new(generate::dataset(n, seed));
    let dir = tempfile::tempdir().unwrap();
    let m = scale::write(&api.dataset().events, dir.path(), by).unwrap();
    assert_eq!(m.events, n as u64);
    let s = Scale::open(dir.path()).await.unwrap();
    (api, s, dir)
}

/// A day from before the first event to a year after the last bucket.
fn day(rng: &mut Rng) -> DayNum {
    -8000 + rng.below(29_500) as DayNum
}

async fn same_states(api: &Api, s: &Scale, days: impl Iterator<Item = DayNum>) {
    for t in days {
        let mut on: Vec<u32> = api.active_at_day(t).iter().map(|a| a.index).collect();
        on.sort_unstable();
        let got = s.state(t, 3, 40).await.unwrap();
        assert_eq!(got.count, on.len() as u64, "events on at day {t}");
        // The page asked for: 40 events from the fourth.
        let page = on.get(3..).unwrap_or(&[]).iter().take(40);
        let want: Vec<&str> = page.map(|&i| api.dataset().events.id(i as usize)).collect();
        let ids: Vec<&str> = got.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, want, "the page of events on at day {t}");
        assert!(
            got.files_scanned <= 1,
            "day {t} read {} files",
            got.files_scanned
        );
    }
}

async fn same_histograms(api: &Api, s: &Scale, rng: &mut Rng, runs: usize) {
    let modes = [HistogramMode::Overlap, HistogramMode::Starts];
    for k in 0..runs {
        let a = day(rng);
        let b = a + [0, 3, 40, 400, 9000, 30_000][k % 6];
        let bins = [1, 7, 100, 2000][rng.below(4)];
        for mode in modes {
            let want = api.histogram_days_mode(a, b, bins, &Filter::default(), mode);
            let got = s.histogram((a, b), bins, mode).await.unwrap();
            assert_eq!(
                got.histogram, want,
                "{mode:?} histogram of {a}..{b} in {bins}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cut_by_year_the_states_and_histograms_are_the_cores() {
    let (api, s, _dir) = both(20_000, 7, By::Year).await;
    let mut rng = Rng::new(11);
    let edges = [-7577, -7576, 0, 19_357, 19_358, 20_819, 20_820, 21_500];
    same_states(
        &api,
        &s,
        edges.into_iter().chain((0..40).map(|_| day(&mut rng))),
    )
    .await;
    same_histograms(&api, &s, &mut rng, 30).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cut_by_month_the_states_and_histograms_are_the_cores() {
    let (api, s, _dir) = both(5_000, 3, By::Month).await;
    let mut rng = Rng::new(5);
    same_states(&api, &s, (0..25).map(|_| day(&mut rng))).await;
    same_histograms(&api, &s, &mut rng, 12).await;
}

#[test]
fn a_story_is_not_partitioned_into_a_folder_that_holds_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x"), "").unwrap();
    let t = generate::dataset(10, 1).events;
    assert!(scale::write(&t, dir.path(), By::Year)
        .unwrap_err()
        .contains("not empty"));
}

#[test]
fn the_partition_command_writes_geoparquet_in_year_folders() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("parts");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_faultlines"))
        .args(["partition", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let year = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("year="));
    let file = year.expect("a year folder").path().join("part-0.parquet");
    let reader = SerializedFileReader::new(std::fs::File::open(file).unwrap()).unwrap();
    let kv = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .unwrap();
    let geo = kv
        .iter()
        .find(|k| k.key == "geo")
        .expect("GeoParquet metadata");
    let geo: serde_json::Value = serde_json::from_str(geo.value.as_deref().unwrap()).unwrap();
    assert_eq!(geo["version"], "1.1.0");
    assert_eq!(geo["primary_column"], "geometry");
    assert_eq!(geo["columns"]["geometry"]["encoding"], "WKB");
    assert_eq!(
        geo["columns"]["geometry"]["bbox"].as_array().unwrap().len(),
        4
    );
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, serde_json::Value) {
    let r = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap());
    let r = r.await.unwrap();
    let status = r.status();
    let body = r.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&body).unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scale_routes_answer_json_and_refuse_bad_parameters_with_codes() {
    let (api, s, _dir) = both(3_000, 2, By::Year).await;
    let app = faultlines::scale::routes::router(Arc::new(s));
    let (status, st) = get(&app, "/api/scale/state?at=2001-05-03&limit=5").await;
    assert_eq!(status, StatusCode::OK);
    let on = api.active_at_day(faultlines_core::date::days_from_civil(2001, 5, 3));
    assert_eq!(st["count"], on.len());
    let (status, h) = get(&app, "/api/scale/histogram?from=1990&to=2000&bins=11").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(h["bins"].as_array().unwrap().len(), 11);
    for (uri, code) in [
        ("/api/scale/state?at=nope", "bad_date"),
        ("/api/scale/state", "bad_request"),
        ("/api/scale/state?at=2001&limit=5000", "too_large"),
        ("/api/scale/state?at=2001&kinds=x", "bad_request"),
        ("/api/scale/histogram?from=2000&to=1990", "range_inverted"),
        (
            "/api/scale/histogram?from=1990&to=2000&bins=0",
            "bad_request",
        ),
        (
            "/api/scale/histogram?from=1990&to=2000&mode=x",
            "bad_request",
        ),
    ] {
        let (status, e) = get(&app, uri).await;
        assert!(status.is_client_error(), "{uri}: {status}");
        assert_eq!(e["code"], code, "{uri}: {e}");
    }
}
