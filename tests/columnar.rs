//! The columnar form of a story (`story/events.arrow`) holds exactly what
//! its GeoJSON form holds: every field of every event survives the round
//! trip, and a story opened from either form answers every query the same.
//! A broken Arrow file is refused with the file, the column and the event
//! named, never with a panic.

use std::path::Path;

use faultlines_core::api::{Filter, HistogramMode};
use faultlines_core::date::Date;
use faultlines_core::model::*;
use faultlines_core::table::{ipc, EventTable};
use faultlines_core::{Api, Dataset};
use proptest::prelude::*;

fn round_trip(t: &EventTable) -> EventTable {
    let mut bytes = Vec::new();
    ipc::write(t, &mut bytes).unwrap();
    ipc::read(std::io::Cursor::new(bytes)).unwrap()
}

/// A story folder with the shipped story's files and these events (which
/// the excerpts and disputes name) as `events.arrow`.
fn arrow_story(dir: &Path, events: &EventTable) {
    std::fs::create_dir_all(dir.join("story")).unwrap();
    for (rel, bytes) in faultlines_core::source::EMBEDDED.iter() {
        if rel.starts_with("story/") && !rel.ends_with("events.geojson") {
            std::fs::write(dir.join(rel), bytes).unwrap();
        }
    }
    faultlines_import::story::write_arrow(&dir.join("story/events.arrow"), events).unwrap();
}

#[test]
fn the_shipped_story_survives_arrow_field_for_field() {
    let ds = Dataset::embedded().unwrap();
    let back = round_trip(&ds.events);
    assert_eq!(back.to_vec(), ds.events.to_vec());
    // The shipped story has every kind of field: notes, absences,
    // participants, movements drawn as several lines.
    let all = ds.events.to_vec();
    assert!(all.iter().any(|e| !e.props.discrepancies.is_empty()));
    assert!(all.iter().any(|e| !e.props.absent.is_empty()));
    assert!(all.iter().any(|e| !e.props.participants.is_empty()));
    assert!(all.iter().any(|e| e.props.i18n.is_some()));
    assert!(all
        .iter()
        .any(|e| matches!(e.geometry, Geometry::MultiLineString(_))));
}

fn date() -> impl Strategy<Value = Date> {
    (1900i32..2030, 0u8..13, 0u8..29, any::<bool>()).prop_map(|(y, m, d, approx)| {
        match (m, d) {
            (0, _) => Date::year(y),
            (m, 0) => Date::ym(y, m),
            (m, d) => Date::ymd(y, m, d),
        }
        .unwrap()
        .with_approx(approx)
    })
}

fn pos() -> impl Strategy<Value = LonLat> {
    (-180.0f64..180.0, -90.0f64..90.0).prop_map(|(a, b)| [a, b])
}

fn geometry() -> impl Strategy<Value = Geometry> {
    prop_oneof![
        4 => pos().prop_map(Geometry::Point),
        1 => prop::collection::vec(pos(), 1..4).prop_map(Geometry::MultiPoint),
        1 => prop::collection::vec(pos(), 2..5).prop_map(Geometry::LineString),
        1 => prop::collection::vec(prop::collection::vec(pos(), 2..4), 1..3)
            .prop_map(Geometry::MultiLineString),
        1 => prop::collection::vec(pos(), 4..6).prop_map(|v| Geometry::Polygon(vec![v])),
        1 => prop::collection::vec(pos(), 4..6)
            .prop_map(|v| Geometry::MultiPolygon(vec![vec![v.clone()], vec![v]])),
    ]
}

fn words() -> impl Strategy<Value = String> {
    "[a-zA-Zа-яё0-9 ,.\"'\\\\-]{0,12}"
}

fn syms() -> impl Strategy<Value = Few<Sym>> {
    prop::collection::vec("[A-Z]{3}", 0..3).prop_map(|v| v.iter().map(|s| Sym::new(s)).collect())
}

prop_compose! {
    fn event()(
        id in "[a-z0-9-]{1,10}", title in words(), description in words(),
        kind in 0usize..EventKind::ALL.len(), start in date(),
        end in prop_oneof![Just(None), Just(Some(None)), date().prop_map(|d| Some(Some(d)))],
        geometry in geometry(), places in prop::collection::vec(words(), 0..3),
        regions in syms(), actors in syms(), participants in syms(), sources in syms(),
        excerpts in prop::collection::vec("s[0-9]{1,2}", 0..2),
        absent in prop::collection::vec(("[A-Z]{3}", words()), 0..2),
        cancelled in prop::option::of(date()),
        notes in prop::collection::vec((words(), prop::collection::vec(words(), 0..2)), 0..2),
        precision in prop::option::of(0usize..7),
        i18n in prop::option::of(prop::collection::btree_map("ru|kk", (words(), words()), 0..2)),
        note_i18n in prop::option::of(prop::collection::btree_map("ru", words(), 1..2)),
    ) -> Event {
        let end = match end {
            None => EventEnd::Instant,
            Some(None) => EventEnd::Open,
            Some(Some(d)) => EventEnd::At(d),
        };
        let precisions = [PlacePrecision::Exact, PlacePrecision::Near, PlacePrecision::District,
            PlacePrecision::Province, PlacePrecision::Line, PlacePrecision::Country, PlacePrecision::Sea];
        Event::new(EventProps {
            id: id.into(), title: title.into(), description: description.into(),
            kind: EventKind::ALL[kind], start, end,
            places: places.into(), regions, actors, participants, sources,
            excerpts: excerpts.into(),
            absent: absent.into_iter().map(|(actor, note)| Absence { actor, note, i18n: note_i18n.clone() }).collect::<Vec<_>>().into(),
            cancelled,
            discrepancies: notes.into_iter().map(|(note, sources)| Discrepancy { note, sources, i18n: note_i18n.clone() }).collect::<Vec<_>>().into(),
            place_precision: precision.map(|k| precisions[k]),
            i18n: i18n.map(|m| m.into_iter().map(|(l, (title, description))| (l, EventText { title, description })).collect()),
        }, geometry)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the events hold, Arrow gives them back as they were.
    #[test]
    fn every_field_of_any_event_survives_arrow(events in prop::collection::vec(event(), 0..40)) {
        let t = EventTable::from_events(events.clone());
        prop_assert_eq!(round_trip(&t).to_vec(), events);
    }

    /// And so does the GeoJSON form the story is written in, translations
    /// and all.
    #[test]
    fn every_field_of_any_event_survives_geojson(events in prop::collection::vec(event(), 0..20)) {
        let t = EventTable::from_events(events.clone());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.geojson");
        faultlines_import::story::write_events(&path, &t).unwrap();
        let back: EventCollection = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        // Coordinates are decimal text there, read back to the nearest
        // float; every other field must come back as it was.
        let fields = |es: Vec<Event>| es.into_iter().map(|e| (e.props, e.lo, e.hi)).collect::<Vec<_>>();
        prop_assert_eq!(fields(EventTable::from_events(back.features.0).to_vec()), fields(events));
    }
}

fn api_of(dir: &Path) -> Api {
    Api::new(Dataset::from_dir(dir).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// A generated story opened from `events.arrow` and from
    /// `events.geojson` gives the same answers at random instants.
    #[test]
    fn a_story_answers_the_same_from_arrow_and_from_geojson(
        n in 0usize..600, seed: u64,
        instants in prop::collection::vec(-8000i32..21000, 8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (g, a) = (dir.path().join("geojson"), dir.path().join("arrow"));
        faultlines_geodata::generate::write(&g, n, seed).unwrap();
        std::fs::create_dir_all(a.join("story")).unwrap();
        for f in std::fs::read_dir(g.join("story")).unwrap() {
            let f = f.unwrap().path();
            if !f.ends_with("events.geojson") {
                std::fs::copy(&f, a.join("story").join(f.file_name().unwrap())).unwrap();
            }
        }
        let events = Dataset::from_dir(&g).unwrap().events;
        faultlines_import::story::write_arrow(&a.join("story/events.arrow"), &events).unwrap();
        prop_assert!(a.join("story/events.arrow").exists() && !a.join("story/events.geojson").exists());
        let (from_geojson, from_arrow) = (api_of(&g), api_of(&a));
        let json = |v: &dyn erased::Ser| v.json();
        prop_assert_eq!(json(&from_arrow.info()), json(&from_geojson.info()));
        for t in instants {
            let d = Date::from_daynum(t);
            prop_assert_eq!(json(&from_arrow.state_at_day(d, t)), json(&from_geojson.state_at_day(d, t)));
            let (from, to) = (d.to_string(), Date::from_daynum(t + 400).to_string());
            let f = Filter::default();
            prop_assert_eq!(
                json(&from_arrow.events_in(&from, &to, &f, 0, 100).unwrap()),
                json(&from_geojson.events_in(&from, &to, &f, 0, 100).unwrap())
            );
            prop_assert_eq!(
                json(&from_arrow.histogram_mode(&from, &to, 20, &f, HistogramMode::Starts).unwrap()),
                json(&from_geojson.histogram_mode(&from, &to, 20, &f, HistogramMode::Starts).unwrap())
            );
        }
        prop_assert_eq!(from_arrow.columns(), from_geojson.columns());
        prop_assert_eq!(json(&from_arrow.search("kazakhstan", 20).unwrap()), json(&from_geojson.search("kazakhstan", 20).unwrap()));
    }
}

/// Serializing answers of different types through one closure.
mod erased {
    pub trait Ser {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

fn problems_of(dir: &Path) -> Vec<String> {
    Dataset::from_dir(dir)
        .expect_err("the story is refused")
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn a_truncated_arrow_file_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let ds = Dataset::embedded().unwrap();
    arrow_story(dir.path(), &ds.events);
    let f = dir.path().join("story/events.arrow");
    let bytes = std::fs::read(&f).unwrap();
    for cut in [0, 7, bytes.len() / 2, bytes.len() - 3] {
        std::fs::write(&f, &bytes[..cut]).unwrap();
        let p = problems_of(dir.path());
        assert!(
            p.iter().any(|m| m.contains("story/events.arrow")),
            "{cut}: {p:?}"
        );
    }
}

#[test]
fn a_bad_date_in_arrow_names_the_event_and_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut events = Dataset::embedded().unwrap().events.to_vec();
    events[3].props.title = "the one".into();
    let id = events[3].props.id.to_string();
    arrow_story(dir.path(), &EventTable::from_events(events));
    // Overwrite the start date's text in place: same length, not a date.
    let f = dir.path().join("story/events.arrow");
    let mut bytes = std::fs::read(&f).unwrap();
    let all = Dataset::embedded().unwrap().events.to_vec();
    let start = all
        .iter()
        .find(|e| *e.props.id == *id)
        .unwrap()
        .props
        .start
        .to_string();
    let at = bytes
        .windows(start.len())
        .position(|w| w == start.as_bytes())
        .unwrap();
    bytes[at..at + 4].copy_from_slice(b"19x9");
    std::fs::write(&f, bytes).unwrap();
    let p = problems_of(dir.path());
    assert!(
        p.iter()
            .any(|m| m.contains("story/events.arrow") && m.contains("\"start\"")),
        "{p:?}"
    );
}

#[test]
fn an_arrow_story_with_a_wrong_column_type_is_refused_naming_the_column() {
    use arrow_array::{ArrayRef, Int32Array, RecordBatch};
    use arrow_schema::{DataType, Field, Schema};
    let dir = tempfile::tempdir().unwrap();
    arrow_story(dir.path(), &EventTable::default());
    let schema = Schema::new(vec![Field::new("id", DataType::Int32, false)]);
    let batch = RecordBatch::try_new(
        std::sync::Arc::new(schema.clone()),
        vec![std::sync::Arc::new(Int32Array::from(vec![1])) as ArrayRef],
    )
    .unwrap();
    let file = std::fs::File::create(dir.path().join("story/events.arrow")).unwrap();
    let mut w = arrow_ipc::writer::FileWriter::try_new(file, &schema).unwrap();
    w.write(&batch).unwrap();
    w.finish().unwrap();
    let p = problems_of(dir.path());
    assert!(
        p.iter().any(|m| m.contains("column \"id\" is not text")),
        "{p:?}"
    );
}
