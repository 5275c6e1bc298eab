//! Reading `events.geojson` two ways, side by side in one run (results in
//! `docs/benchmarks.md`): the core's streaming reader, which parses each
//! feature straight into an `Event`, and the `geojson` crate's typed
//! features (`geojson::de`), which hold each feature as a JSON value first.
//! It decides which the core uses for the story's own files.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use faultlines_core::model::{Event, EventCollection, EventProps, Geometry};
use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    #[serde(flatten)]
    props: EventProps,
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    geometry: Geometry,
}

fn read(c: &mut Criterion) {
    let n = std::env::var("FAULTLINES_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("faultlines-geojson-bench-{n}"));
    faultlines_geodata::generate::write(&dir, n, 7).unwrap();
    let bytes = std::fs::read(dir.join("story/events.geojson")).unwrap();
    let mut g = c.benchmark_group(format!("events.geojson, {n} events"));
    g.bench_function("the core's streaming reader", |b| {
        b.iter(|| {
            let fc: EventCollection = serde_json::from_slice(black_box(&bytes)).unwrap();
            assert_eq!(fc.features.0.len(), n);
        })
    });
    g.bench_function("geojson crate, typed features", |b| {
        b.iter(|| {
            let rows: Vec<Row> =
                geojson::de::deserialize_feature_collection_to_vec(black_box(&bytes[..])).unwrap();
            let events: Vec<Event> = rows
                .into_iter()
                .map(|r| Event::new(r.props, r.geometry))
                .collect();
            assert_eq!(events.len(), n);
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(8));
    targets = read
}
criterion_main!(benches);
