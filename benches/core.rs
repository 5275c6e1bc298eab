//! Criterion benchmarks of the core, each next to its naive baseline in the
//! same run (results and machine in `docs/benchmarks.md`):
//!
//! * load + validate + index of the shipped dataset;
//! * state at t and a 200-bin histogram on 1,000,000 generated events, vs a linear scan;
//! * excerpts for a region and search on the shipped dataset.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use faultlines_core::api::{Api, Filter};
use faultlines_core::Dataset;
use faultlines_geodata::generate::Rng;

fn shipped(c: &mut Criterion) {
    c.bench_function("load+validate+index shipped dataset", |b| {
        b.iter(|| Api::new(Dataset::embedded().unwrap()))
    });
    let api = Api::new(Dataset::embedded().unwrap());
    c.bench_function("excerpts_for_region TJK (shipped)", |b| {
        b.iter(|| api.excerpts_for_region(black_box("TJK")).unwrap())
    });
    c.bench_function("search \"isfara\" (shipped)", |b| {
        b.iter(|| api.search(black_box("isfara"), 20).unwrap())
    });
    c.bench_function("search \"kaz tok\" prefix (shipped)", |b| {
        b.iter(|| api.search(black_box("kaz tok"), 20).unwrap())
    });
}

fn million(c: &mut Criterion) {
    let n = std::env::var("FAULTLINES_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let ds = faultlines_geodata::generate::dataset(n, 7);
    let api = Api::new(ds);
    let span = api.info().span;
    let mut rng = Rng::new(99);
    let instants: Vec<i32> = (0..1024)
        .map(|_| span.start_day + (rng.f64() * (span.end_day - span.start_day) as f64) as i32)
        .collect();
    let date = faultlines_core::Date::from_daynum(instants[0]);
    let mut i = 0;
    let mut g = c.benchmark_group(format!("{n} events"));
    // The query itself: which events are on, with phase, progress and certainty.
    g.bench_function("active set at t (index)", |b| {
        b.iter(|| {
            i = (i + 1) % instants.len();
            black_box(api.active_at_day(instants[i]))
        })
    });
    let times: Vec<faultlines_core::api::Times> = api
        .all_events()
        .iter()
        .map(faultlines_core::api::Times::of)
        .collect();
    g.bench_function("active set at t (linear scan baseline)", |b| {
        b.iter(|| {
            i = (i + 1) % instants.len();
            let t = instants[i];
            let mut out = Vec::new();
            for (k, tm) in times.iter().enumerate() {
                if tm.lo <= t && t <= tm.hi {
                    let (phase, progress, certainty) = tm.at(t);
                    out.push(faultlines_core::api::Active {
                        index: k as u32,
                        phase,
                        progress,
                        certainty,
                    });
                }
            }
            black_box(out)
        })
    });
    // The whole answer the UI receives: the active set with each event's details,
    // memberships and disputes.
    g.bench_function("state_at with details (index)", |b| {
        b.iter(|| {
            i = (i + 1) % instants.len();
            black_box(api.state_at_day(date, instants[i]))
        })
    });
    let events = &api.all_events();
    let mut active: Vec<usize> = instants
        .iter()
        .map(|&t| api.active_at_day(t).len())
        .collect();
    active.sort_unstable();
    eprintln!(
        "{n} events: active at a typical instant: median {}, max {}",
        active[active.len() / 2],
        active[active.len() - 1]
    );
    let f = Filter::default();
    g.bench_function("histogram 200 bins, whole span (index)", |b| {
        b.iter(|| black_box(api.histogram_days(span.start_day, span.end_day, 200, &f)))
    });
    g.bench_function("histogram 200 bins, whole span (scan baseline)", |b| {
        b.iter(|| {
            let (a, z) = (span.start_day, span.end_day);
            let w = (z - a + 1) as f64 / 200.0;
            let mut bins = [0u32; 200];
            for e in events {
                for (k, bin) in bins.iter_mut().enumerate() {
                    let s = a + (k as f64 * w) as i32;
                    let t = a + ((k + 1) as f64 * w) as i32 - 1;
                    if e.lo <= t && s <= e.hi {
                        *bin += 1;
                    }
                }
            }
            black_box(bins)
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = shipped, million
}
criterion_main!(benches);
