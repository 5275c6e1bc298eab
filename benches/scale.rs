//! The measured simulation of `docs/scale.md`: a generated story partitioned
//! as GeoParquet and queried by DataFusion, beside the in-memory core.
//!
//! ```text
//! cargo bench --profile scale-bench --features scale --bench scale -- partition N SEED OUT year|month
//! cargo bench --profile scale-bench --features scale --bench scale -- query OUT RUNS
//! cargo bench --profile scale-bench --features scale --bench scale -- core N SEED RUNS
//! ```
//! Each prints one JSON line; run each in its own process so the peak
//! memory (VmHWM) is that of the one engine.

use std::time::Instant;

use faultlines::scale::{By, Scale};
use faultlines_core::api::{Filter, HistogramMode};
use faultlines_core::date::{days_from_civil, DayNum};
use faultlines_core::Api;
use faultlines_geodata::generate::{self, Rng};
use serde_json::json;

const FIRST: DayNum = -7576; // the generator's span: 1949-04-04
const LAST: DayNum = 20819; // to 2026-12-31

fn mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap_or("");
    let kb: f64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// p50, p95 and mean, in milliseconds.
fn summary(mut ms: Vec<f64>) -> serde_json::Value {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    json!({ "p50": at(0.5), "p95": at(0.95), "mean": mean, "runs": ms.len() })
}

/// The instants and windows every engine is asked (the same for a seed).
fn questions(runs: usize) -> (Vec<DayNum>, Vec<(DayNum, DayNum)>) {
    let mut rng = Rng::new(42);
    let days = (0..runs)
        .map(|_| FIRST + rng.below((LAST - FIRST) as usize) as DayNum)
        .collect();
    let years = (0..runs).map(|_| {
        let a = FIRST + rng.below((LAST - FIRST - 365) as usize) as DayNum;
        (a, a + 364)
    });
    (days, years.collect())
}

fn span() -> (DayNum, DayNum) {
    (days_from_civil(1949, 1, 1), days_from_civil(2026, 12, 31))
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t0 = Instant::now();
    let v = f();
    (v, t0.elapsed().as_secs_f64() * 1e3)
}

fn partition(n: usize, seed: u64, out: &str, by: By) -> serde_json::Value {
    let (ds, gen_ms) = timed(|| generate::dataset(n, seed));
    let (m, ms) = timed(|| faultlines::scale::write(&ds.events, out.as_ref(), by).unwrap());
    json!({ "generate_s": gen_ms / 1e3, "partition_s": ms / 1e3, "manifest": m,
            "peak_rss_mib": mib("VmHWM:") })
}

async fn query(dir: &str, runs: usize) -> serde_json::Value {
    let t0 = Instant::now();
    let s = Scale::open(dir.as_ref()).await.unwrap();
    let open_ms = t0.elapsed().as_secs_f64() * 1e3;
    let (days, windows) = questions(runs);
    for &t in days.iter().take(3) {
        s.state(t, 0, 100).await.unwrap(); // warm: listing and footers
    }
    let (mut state, mut state_files, mut year, mut year_files, mut all) =
        (vec![], 0, vec![], 0, vec![]);
    let mut all_files = 0;
    for (&t, &w) in days.iter().zip(&windows) {
        let t0 = Instant::now();
        let st = s.state(t, 0, 100).await.unwrap();
        state.push(t0.elapsed().as_secs_f64() * 1e3);
        state_files += st.files_scanned;
        let t0 = Instant::now();
        let h = s.histogram(w, 100, HistogramMode::Overlap).await.unwrap();
        year.push(t0.elapsed().as_secs_f64() * 1e3);
        year_files += h.files_scanned;
        let t0 = Instant::now();
        let h = s
            .histogram(span(), 400, HistogramMode::Overlap)
            .await
            .unwrap();
        all.push(t0.elapsed().as_secs_f64() * 1e3);
        all_files += h.files_scanned;
    }
    let r = runs as f64;
    json!({ "engine": "datafusion", "files": s.manifest().files, "open_ms": open_ms,
            "state_at": summary(state), "state_files_scanned": state_files as f64 / r,
            "histogram_year_100": summary(year), "year_files_scanned": year_files as f64 / r,
            "histogram_span_400": summary(all), "span_files_scanned": all_files as f64 / r,
            "peak_rss_mib": mib("VmHWM:"), "rss_mib": mib("VmRSS:") })
}

fn core(n: usize, seed: u64, runs: usize) -> serde_json::Value {
    let (api, load_ms) = timed(|| Api::new(generate::dataset(n, seed)));
    let rss = mib("VmRSS:");
    let (days, windows) = questions(runs);
    let f = Filter::default();
    let (mut state, mut year, mut all) = (vec![], vec![], vec![]);
    for (&t, &(a, b)) in days.iter().zip(&windows) {
        let ((), ms) = timed(|| {
            let mut on: Vec<u32> = api.active_at_day(t).iter().map(|a| a.index).collect();
            on.sort_unstable();
            let page: Vec<_> = on
                .iter()
                .take(100)
                .map(|&i| api.dataset().events.get(i as usize))
                .collect();
            std::hint::black_box((on.len(), page));
        });
        state.push(ms);
        let (h, ms) = timed(|| api.histogram_days_mode(a, b, 100, &f, HistogramMode::Overlap));
        std::hint::black_box(h);
        year.push(ms);
        let (h, ms) =
            timed(|| api.histogram_days_mode(span().0, span().1, 400, &f, HistogramMode::Overlap));
        std::hint::black_box(h);
        all.push(ms);
    }
    json!({ "engine": "core", "generate_and_index_s": load_ms / 1e3, "rss_mib": rss,
            "state_at": summary(state), "histogram_year_100": summary(year),
            "histogram_span_400": summary(all), "peak_rss_mib": mib("VmHWM:") })
}

fn main() {
    let mut args: Vec<String> = std::env::args().filter(|a| a != "--bench").collect();
    args.remove(0); // the program's own name
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or_default();
    let num = |i: usize| arg(i).parse::<usize>().expect("a number");
    let out = match arg(0) {
        "partition" => {
            let by = if arg(4) == "month" {
                By::Month
            } else {
                By::Year
            };
            partition(num(1), num(2) as u64, arg(3), by)
        }
        "query" => {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(query(arg(1), num(2)))
        }
        "core" => core(num(1), num(2) as u64, num(3)),
        _ => {
            eprintln!("usage: scale partition N SEED OUT [year|month] | query OUT RUNS | core N SEED RUNS");
            return;
        }
    };
    println!("{out}");
}
