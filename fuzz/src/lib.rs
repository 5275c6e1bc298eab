//! What every fuzz target checks, in one place, so that the fuzzers
//! (`fuzz/fuzz_targets/`) and the replay of their corpora under plain
//! `cargo test` (`tests/fuzz_corpus.rs`, which includes this file by path)
//! hold each input to the same invariants. Each function takes the raw
//! bytes of one input and panics only when an invariant breaks: a parser
//! that rejects an input with an error is doing its job.
//!
//! Only what the root package also depends on is used here (the core, the
//! HTTP router, the import, axum, tokio, tower, serde_json), so the same file compiles
//! in both places.
#![allow(dead_code)]

use std::sync::Arc;

use faultlines_core::dataset::Origin;
use faultlines_core::date::Date;
use faultlines_core::source::{EmbeddedSource, Source};
use faultlines_core::Dataset;

/// `Date::from_str` never panics; what it accepts prints back to text that
/// parses to the same date, and its span of days is never reversed.
pub fn date(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(date) = text.parse::<Date>() {
        let printed = date.to_string();
        let again: Date = printed.parse().unwrap_or_else(|e| {
            panic!("{text:?} printed as {printed:?}, which does not parse: {e}")
        });
        assert_eq!(again, date, "{text:?} printed as {printed:?}");
        assert!(date.earliest() <= date.latest(), "{text:?}: reversed span");
        assert!(date.nominal_first() <= date.nominal_last(), "{text:?}");
    }
    edtf(text);
}

/// The import's EDTF parser (`faultlines_import::edtf`) never panics; a
/// date it accepts is one the core's own text form gives back, and an
/// interval it accepts never ends before it starts.
fn edtf(text: &str) {
    use faultlines_core::model::EventEnd;
    use faultlines_import::edtf::{parse_date, parse_when};
    if let Ok(d) = parse_date(text) {
        let printed = d.to_string();
        assert_eq!(
            printed.parse::<Date>().ok(),
            Some(d),
            "{text:?} as {printed:?}"
        );
    }
    if let Ok(w) = parse_when(text) {
        if let EventEnd::At(end) = w.end {
            assert!(
                w.start.earliest() <= end.latest(),
                "{text:?}: the interval ends before it starts"
            );
        }
    }
}

/// The name the import is told its fuzzed file has.
pub const IMPORT_NAME: &str = "fuzz-input";

/// The import's entry point (`faultlines_import::parse_source`, formats
/// told from the bytes) never panics; every row problem names the file and
/// a line, every event kept spans its days forwards and has its own id, and
/// a file refused whole is refused with an error that names it.
pub fn import(data: &[u8]) {
    use faultlines_import::{parse_source, ImportError, Options};
    match parse_source(IMPORT_NAME, data, &Options::default()) {
        Ok(parsed) => {
            for p in &parsed.problems {
                assert_eq!(p.file, IMPORT_NAME, "{p:?}");
            }
            let mut ids = std::collections::HashSet::new();
            for e in &parsed.events {
                assert!(e.lo <= e.hi, "{}: its span of days is reversed", e.props.id);
                assert!(
                    ids.insert(e.props.id.clone()),
                    "{}: id kept twice",
                    e.props.id
                );
            }
        }
        Err(
            e @ (ImportError::Io { .. }
            | ImportError::Unreadable { .. }
            | ImportError::NotData { .. }
            | ImportError::Columns { .. }),
        ) => {
            assert!(e.to_string().contains(IMPORT_NAME), "{e}");
        }
        Err(_) => {}
    }
}

/// The layer decoder never panics; a decoded file has only finite
/// coordinates, and decoding a subset of its features gives those features.
pub fn layer(data: &[u8]) {
    use faultlines_core::layer::{decode_layer, decode_layer_where};
    let Ok(all) = decode_layer(data) else {
        return;
    };
    for f in &all {
        for p in f.geometry.coords() {
            assert!(
                p[0].is_finite() && p[1].is_finite(),
                "{}: {p:?} is not finite",
                f.id
            );
        }
    }
    let first = all.first().map(|f| f.id.clone());
    let some = decode_layer_where(data, |id| Some(id) == first.as_deref())
        .expect("a file that decodes whole decodes in part");
    let expected: Vec<_> = all
        .iter()
        .filter(|f| Some(&f.id) == first.as_ref())
        .cloned()
        .collect();
    assert_eq!(some, expected);
}

/// The story files, in the order a story-folder input lists them,
/// separated by NUL bytes (which no JSON file and no article holds).
pub const STORY_FILES: [&str; 7] = [
    "story/dataset.json",
    "story/article.txt",
    "story/events.geojson",
    "story/excerpts.json",
    "story/disputes.geojson",
    "story/memberships.json",
    "story/gazetteer.json",
];

/// A story folder held in memory: the input split at NUL bytes, one part
/// per file of [`STORY_FILES`]; files past the last part are missing.
pub struct MemSource<'a> {
    files: Vec<(&'static str, &'a [u8])>,
}

impl<'a> MemSource<'a> {
    pub fn split(data: &'a [u8]) -> Self {
        MemSource {
            files: STORY_FILES
                .into_iter()
                .zip(data.split(|&b| b == 0))
                .collect(),
        }
    }
}

impl Source for MemSource<'_> {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.files
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, b)| b.to_vec())
    }
}

/// The shipped map cut down to the regions a small story names (Tajikistan,
/// Kyrgyzstan and their neighbours), so that one load takes microseconds,
/// not the milliseconds of all 351 regions, and the fuzzer can reach ten
/// million of them. Same files, same format, same parser.
pub struct SmallMap {
    regions: Vec<u8>,
    layers: Vec<u8>,
}

/// Regions kept in [`SmallMap`]: those the seed story refers to.
const SMALL_MAP_REGIONS: [&str; 18] = [
    "ARM",
    "AZE",
    "BLR",
    "GEO",
    "KAZ",
    "KGZ",
    "RUS",
    "TJK",
    "UZB",
    "KG-B",
    "KG-Y",
    "TJ-KT",
    "TJ-SU",
    "city-batken",
    "city-vorukh",
    "isfara",
    "panj",
    "vorukh",
];

impl SmallMap {
    pub fn new() -> Self {
        let all: Vec<serde_json::Value> =
            serde_json::from_slice(&EmbeddedSource.read("map/regions.json").unwrap()).unwrap();
        let kept: Vec<_> = all
            .into_iter()
            .filter(|r| SMALL_MAP_REGIONS.contains(&r["id"].as_str().unwrap_or_default()))
            .collect();
        SmallMap {
            regions: serde_json::to_vec(&kept).unwrap(),
            layers: EmbeddedSource.read("map/layers.json").unwrap(),
        }
    }
}

impl Default for SmallMap {
    fn default() -> Self {
        Self::new()
    }
}

impl Source for SmallMap {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        match path {
            "map/regions.json" => Some(self.regions.clone()),
            "map/layers.json" => Some(self.layers.clone()),
            _ => None,
        }
    }
}

/// Loading a story folder never panics; a rejected one has at least one
/// problem, and every problem names a file of the dataset.
pub fn story_folder(data: &[u8], map: &SmallMap) {
    let story = MemSource::split(data);
    match Dataset::load(&story, map, Origin::Embedded) {
        Ok(ds) => {
            for e in ds.events.to_vec() {
                assert!(e.lo <= e.hi, "{}: its span of days is reversed", e.props.id);
            }
        }
        Err(e) => {
            assert!(!e.problems.is_empty(), "rejected without a problem");
            for p in &e.problems {
                assert!(
                    p.file.starts_with("story/") || p.file.starts_with("map/"),
                    "a problem names no file of the dataset: {p}"
                );
            }
        }
    }
}

/// The seed story of the `story_folder` target: a few events, excerpts and
/// memberships of the shipped story around Tajikistan and Kyrgyzstan, its
/// files joined by NUL bytes. It loads over [`SmallMap`].
pub const SEED_STORY: &[u8] = include_bytes!("../seeds/story_folder/mini");

/// Reading `story/events.arrow` never panics: a file gives a table whose
/// every event has an id and its days in order, or an error saying why not.
pub fn events_arrow(data: &[u8]) {
    if let Ok(t) = faultlines_core::table::ipc::read(std::io::Cursor::new(data)) {
        for e in t.to_vec() {
            assert!(e.lo <= e.hi, "{}: its span of days is reversed", e.props.id);
            // Compared as printed: a NaN coordinate (which the dataset's
            // checks refuse later) is not equal to itself.
            let back = faultlines_core::table::EventTable::from_events(vec![e.clone()]);
            assert_eq!(
                format!("{:?}", back.get(0)),
                format!("{e:?}"),
                "an event read is not itself again"
            );
        }
    }
}

/// The seed story loaded over the small map.
pub fn seed_dataset() -> Dataset {
    Dataset::load(
        &MemSource::split(SEED_STORY),
        &SmallMap::new(),
        Origin::Embedded,
    )
    .unwrap_or_else(|e| panic!("the seed story does not load: {e}"))
}

/// The HTTP mode's router, built once, over the seed story and the small
/// map rather than the shipped dataset: every route parses its query the
/// same way, but an answer listing every region or event costs
/// microseconds instead of milliseconds, so the fuzzer reaches ten million
/// requests. And a runtime to call it in.
pub struct Http {
    rt: tokio::runtime::Runtime,
    router: axum::Router,
}

impl Http {
    pub fn new() -> Self {
        let api = faultlines_core::Api::new(seed_dataset());
        Http {
            rt: tokio::runtime::Builder::new_current_thread()
                .build()
                .unwrap(),
            router: faultlines::http::router(Arc::new(api), None),
        }
    }

    /// One GET of `/api/` followed by the input as path and query: the
    /// router never panics and never answers 5xx, and every error it gives
    /// is the API's JSON error with a code and a message.
    pub fn check(&self, data: &[u8]) {
        use tower::ServiceExt;
        let mut uri = b"/api/".to_vec();
        uri.extend_from_slice(data);
        let Ok(uri) = axum::http::Uri::try_from(uri) else {
            return;
        };
        let Ok(req) = axum::http::Request::get(uri.clone()).body(axum::body::Body::empty()) else {
            return;
        };
        let router = self.router.clone();
        self.rt.block_on(async move {
            let resp = router.oneshot(req).await.expect("the router is infallible");
            let status = resp.status();
            assert!(!status.is_server_error(), "{uri}: {status}");
            if status.is_client_error() {
                let body = axum::body::to_bytes(resp.into_body(), 1 << 20)
                    .await
                    .expect("an error body is small");
                let err: serde_json::Value = serde_json::from_slice(&body)
                    .unwrap_or_else(|e| panic!("{uri}: {status}: error body is not JSON: {e}"));
                assert!(
                    err["code"].is_string() && err["message"].is_string(),
                    "{uri}: {status}: {err}"
                );
            }
        });
    }
}

impl Default for Http {
    fn default() -> Self {
        Self::new()
    }
}

/// The ids a fuzzed link is checked against: a few of the shipped story's.
struct LinkIds;

impl faultlines_core::view_link::LinkChecks for LinkIds {
    fn has_region(&self, id: &str) -> bool {
        ["KAZ", "ARM", "nagorno-karabakh", "lachin-corridor"].contains(&id)
    }
    fn has_excerpt(&self, id: &str) -> bool {
        ["s01", "s05", "s64"].contains(&id)
    }
    fn has_organization(&self, id: &str) -> bool {
        ["csto", "warsaw-pact", "guam"].contains(&id)
    }
}

/// `ViewLink::parse` never panics on any text; what it keeps is a view
/// whose link (as a fragment and as a `faultlines://` address) reads back
/// to the same view with nothing left out, and what it leaves out is named
/// with at most 80 characters of its value.
pub fn view_link(data: &[u8]) {
    use faultlines_core::view_link::ViewLink;
    let text = String::from_utf8_lossy(data);
    let (view, ignored) = ViewLink::parse(&text, &LinkIds);
    for i in &ignored {
        assert!(i.value.chars().count() <= 80, "{i:?}");
    }
    for link in [view.to_fragment(), view.to_url()] {
        let (again, left) = ViewLink::parse(&link, &LinkIds);
        assert!(
            left.is_empty(),
            "{text:?} wrote {link:?}, which leaves out {left:?}"
        );
        assert_eq!(again, view, "{text:?} wrote {link:?}");
    }
}
