//! Loading and validating a dataset directory.
//!
//! A dataset is a directory with two parts (see `geodata/README.md`):
//!
//! * `story/`: `dataset.json`, `article.txt`, `events.geojson`,
//!   `excerpts.json`, `disputes.geojson`, `memberships.json`, `gazetteer.json`;
//! * `map/`: `regions.json` and the drawn layers `layers/*.json`, written by
//!   `faultlines build-geodata`.
//!
//! The shipped dataset is compiled into the binary ([`Dataset::embedded`]), so
//! the app needs no files at run time. Another directory can be given with
//! `--data DIR`; when it has no `map/`, the shipped map is used.
//!
//! Loading never stops at the first problem: every problem found is collected
//! into one [`DatasetError`], each naming the file, the record id and what is
//! wrong, so a dataset author can fix them all in one pass. A dataset with any
//! problem is rejected whole; callers keep whatever dataset they had.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::model::*;

/// One thing wrong with a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Problem {
    /// The file, relative to the dataset directory.
    pub file: String,
    /// The record (event, excerpt, region…) it concerns, if any.
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}: {}: {}", self.file, id, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A dataset that failed to load, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} problem(s) in the dataset", self.problems.len())?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}
impl std::error::Error for DatasetError {}

impl From<DatasetError> for crate::ApiError {
    fn from(e: DatasetError) -> Self {
        crate::ApiError::new(crate::ErrorCode::InvalidDataset, e.to_string())
            .with_details(serde_json::json!({ "problems": e.problems }))
    }
}

/// Where the files of a dataset come from.
pub trait Source {
    /// The bytes of `path` (relative, `/`-separated), or `None` if absent.
    fn read(&self, path: &str) -> Option<Vec<u8>>;

    /// `path` as a stream, for files too big to hold twice (the file and
    /// what it parses into). By default the bytes from [`Source::read`].
    fn stream(&self, path: &str) -> Option<Box<dyn std::io::Read + '_>> {
        let bytes = self.read(path)?;
        Some(Box::new(std::io::Cursor::new(bytes)))
    }

    /// Whether `path` is better streamed than read whole.
    fn is_large(&self, _path: &str) -> bool {
        false
    }
}

/// Files from this size on are parsed as they are read.
const STREAM_FROM_BYTES: u64 = 32 << 20;

/// A dataset directory on disk, with an optional fallback for missing parts.
pub struct DirSource {
    pub root: PathBuf,
}

impl Source for DirSource {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(self.root.join(path)).ok()
    }

    fn stream(&self, path: &str) -> Option<Box<dyn std::io::Read + '_>> {
        let file = std::fs::File::open(self.root.join(path)).ok()?;
        Some(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
    }

    fn is_large(&self, path: &str) -> bool {
        std::fs::metadata(self.root.join(path)).is_ok_and(|m| m.len() >= STREAM_FROM_BYTES)
    }
}

/// The shipped dataset, compiled into the binary.
pub struct EmbeddedSource;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
/// Every file of the shipped dataset, by path relative to `geodata/`.
pub use embedded::EMBEDDED;

impl Source for EmbeddedSource {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        EMBEDDED
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, b)| b.to_vec())
    }
}

/// Memberships file: organizations and per-country histories.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MembershipsFile {
    pub organizations: Vec<Organization>,
    pub memberships: Vec<Membership>,
}

/// An excerpt once loaded: its spec plus the links the gazetteer proposed.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Excerpt {
    pub id: String,
    pub start: usize,
    pub end: usize,
    /// Offsets in UTF-16 code units, for the web UI.
    pub start_utf16: usize,
    pub end_utf16: usize,
    pub text: String,
    pub events: Vec<String>,
    /// Linked regions, in id order, each with why it is linked: gazetteer
    /// matches and their heirs, plus curated additions, minus removals.
    pub links: Vec<crate::relevance::ExcerptLink>,
    pub general: bool,
    /// Notes on this sentence, in the order of the words they are about.
    pub notes: Vec<ExcerptNote>,
}

impl Excerpt {
    /// The ids of the linked regions, in id order.
    pub fn regions(&self) -> impl Iterator<Item = &str> {
        self.links.iter().map(|l| l.region.as_str())
    }
}

/// A note on a sentence, placed on its words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ExcerptNote {
    pub kind: crate::model::NoteKind,
    pub quote: String,
    pub note: String,
    pub sources: Vec<String>,
    /// Where the quoted words are in the excerpt's text, in UTF-16 code
    /// units from its start (what the web UI slices by).
    pub start_utf16: usize,
    pub end_utf16: usize,
}

/// A loaded, validated dataset.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub meta: DatasetMeta,
    pub article: String,
    pub events: Vec<Event>,
    pub excerpts: Vec<Excerpt>,
    pub disputes: Vec<Dispute>,
    pub organizations: Vec<Organization>,
    pub memberships: Vec<Membership>,
    pub regions: Vec<Region>,
    pub gazetteer: GazetteerSpec,
    /// Names of the map layers and their level-of-detail files.
    pub layers: LayerIndex,
    /// Where the files came from, for reading layers later.
    pub origin: Origin,
}

/// Where a dataset was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    Dir(PathBuf),
}

/// `map/layers.json`: the drawable layers and their files per level of detail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct LayerIndex {
    pub layers: Vec<LayerEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct LayerEntry {
    /// e.g. "countries".
    pub name: String,
    /// Level of detail name ("overview", "detail") → file under `map/layers/`.
    pub files: BTreeMap<String, String>,
    /// Size in bytes of each file, to plan the first paint.
    pub bytes: BTreeMap<String, u64>,
}

struct Collector {
    problems: Vec<Problem>,
}

impl Collector {
    fn add(&mut self, file: &str, id: Option<&str>, message: impl Into<String>) {
        self.problems.push(Problem {
            file: file.to_string(),
            id: id.map(str::to_string),
            message: message.into(),
        });
    }

    fn parse<T: DeserializeOwned>(&mut self, src: &dyn Source, file: &str) -> Option<T> {
        let parsed = if src.is_large(file) {
            src.stream(file).map(serde_json::from_reader)
        } else {
            src.read(file).map(|bytes| serde_json::from_slice(&bytes))
        };
        let Some(parsed) = parsed else {
            self.add(file, None, "file is missing");
            return None;
        };
        match parsed {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(file, None, format!("cannot parse: {e}"));
                None
            }
        }
    }
}

impl Dataset {
    /// The dataset shipped with the app.
    pub fn embedded() -> Result<Dataset, DatasetError> {
        Self::load(&EmbeddedSource, &EmbeddedSource, Origin::Embedded)
    }

    /// A dataset directory; its `map/` part falls back to the shipped map.
    pub fn from_dir(dir: &Path) -> Result<Dataset, DatasetError> {
        let story = DirSource {
            root: dir.to_path_buf(),
        };
        if dir.join("map/regions.json").exists() {
            Self::load(&story, &story, Origin::Dir(dir.to_path_buf()))
        } else {
            Self::load(&story, &EmbeddedSource, Origin::Dir(dir.to_path_buf()))
        }
    }

    /// Load and validate from a story source and a map source.
    pub fn load(
        story: &dyn Source,
        map: &dyn Source,
        origin: Origin,
    ) -> Result<Dataset, DatasetError> {
        let mut c = Collector {
            problems: Vec::new(),
        };
        let meta: Option<DatasetMeta> = c.parse(story, "story/dataset.json");
        let article = match story.read("story/article.txt") {
            Some(b) => match String::from_utf8(b) {
                Ok(s) => Some(s),
                Err(_) => {
                    c.add("story/article.txt", None, "not valid UTF-8");
                    None
                }
            },
            None => {
                c.add("story/article.txt", None, "file is missing");
                None
            }
        };
        let events: Option<EventCollection> = c.parse(story, "story/events.geojson");
        let excerpts: Option<Vec<ExcerptSpec>> = c.parse(story, "story/excerpts.json");
        let disputes: Option<FeatureCollection<DisputeProps>> =
            c.parse(story, "story/disputes.geojson");
        let memberships: Option<MembershipsFile> = c.parse(story, "story/memberships.json");
        let gazetteer: Option<GazetteerSpec> = c.parse(story, "story/gazetteer.json");
        let regions: Option<Vec<Region>> = c.parse(map, "map/regions.json");
        let layers: Option<LayerIndex> = c.parse(map, "map/layers.json");

        let (
            Some(meta),
            Some(article),
            Some(events),
            Some(excerpts),
            Some(disputes),
            Some(memberships),
            Some(gazetteer),
            Some(regions),
            Some(layers),
        ) = (
            meta,
            article,
            events,
            excerpts,
            disputes,
            memberships,
            gazetteer,
            regions,
            layers,
        )
        else {
            return Err(DatasetError {
                problems: c.problems,
            });
        };

        let ds = crate::validate::build(
            &mut c.problems,
            meta,
            article,
            events,
            excerpts,
            disputes,
            memberships,
            gazetteer,
            regions,
            layers,
            origin,
        );
        if c.problems.is_empty() {
            Ok(ds)
        } else {
            Err(DatasetError {
                problems: c.problems,
            })
        }
    }

    /// The bytes of a map layer file at a level of detail.
    pub fn layer_bytes(&self, name: &str, lod: &str) -> Option<Vec<u8>> {
        let entry = self.layers.layers.iter().find(|l| l.name == name)?;
        let file = entry.files.get(lod)?;
        let path = format!("map/layers/{file}");
        match &self.origin {
            Origin::Dir(d) if d.join("map/regions.json").exists() => {
                std::fs::read(d.join(&path)).ok()
            }
            _ => EmbeddedSource.read(&path),
        }
    }

    /// Deep check of the map layers: every file decodes, ids are unique and
    /// known regions, coordinates are in range, rings are closed and simple.
    /// Slower than loading, so it runs in `faultlines check`, not at start-up.
    pub fn check_layers(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let drawn: HashSet<&str> = self
            .regions
            .iter()
            .flat_map(|r| r.versions.iter().map(|v| v.feature.as_str()))
            .collect();
        let mut detail = std::collections::HashMap::new();
        for entry in &self.layers.layers {
            for (lod, file) in &entry.files {
                let path = format!("map/layers/{file}");
                let mut add = |id: Option<&str>, m: String| {
                    problems.push(Problem {
                        file: path.clone(),
                        id: id.map(str::to_string),
                        message: m,
                    })
                };
                let Some(bytes) = self.layer_bytes(&entry.name, lod) else {
                    add(None, "file is missing".into());
                    continue;
                };
                let feats = match crate::layer::decode_layer(&bytes) {
                    Ok(f) => f,
                    Err(e) => {
                        add(None, e);
                        continue;
                    }
                };
                let mut seen = HashSet::new();
                for f in &feats {
                    if !seen.insert(f.id.as_str()) {
                        add(Some(&f.id), "duplicate feature id".into());
                    }
                    if entry.name != "water" && !drawn.contains(f.id.as_str()) {
                        add(
                            Some(&f.id),
                            "feature draws no version of a region in regions.json".into(),
                        );
                    }
                    if entry.name != "water" {
                        let q = crate::layer::grid_step(&bytes).unwrap_or(1.0);
                        let g = crate::layer::on_grid(&f.geometry, q);
                        for why in crate::shape::invalidity(&g) {
                            add(
                                Some(&f.id),
                                format!("polygon is not valid (OGC rules): {why}"),
                            );
                        }
                        if lod == "detail" {
                            detail.insert(f.id.clone(), (path.clone(), f.geometry.clone()));
                        }
                    }
                    if let Some([lon, lat]) = f.geometry.coords().find(|[x, y]| {
                        !((-180.0..=180.0).contains(x) && (-90.0..=90.0).contains(y))
                    }) {
                        add(
                            Some(&f.id),
                            format!("coordinate [{lon}, {lat}] is out of range"),
                        );
                    }
                    let rings: Vec<&Vec<Vec<LonLat>>> = match &f.geometry {
                        Geometry::Polygon(p) => vec![p],
                        Geometry::MultiPolygon(ps) => ps.iter().collect(),
                        _ => vec![],
                    };
                    for poly in rings {
                        for m in crate::geo::check_rings(poly) {
                            add(Some(&f.id), m);
                        }
                    }
                }
            }
        }
        problems.extend(crate::validate_shapes::check(self, &detail));
        problems.extend(crate::validate_places::check(self, &detail));
        problems
    }

    /// The detail shapes of the map by feature id, with their layer file:
    /// what the place checks measure against. Files that do not decode are
    /// left out ([`Dataset::check_layers`] reports them).
    pub fn detail_shapes(&self) -> std::collections::HashMap<String, (String, Geometry)> {
        let mut out = std::collections::HashMap::new();
        for entry in self.layers.layers.iter().filter(|l| l.name != "water") {
            let Some(file) = entry.files.get("detail") else {
                continue;
            };
            let feats = self
                .layer_bytes(&entry.name, "detail")
                .and_then(|b| crate::layer::decode_layer(&b).ok())
                .unwrap_or_default();
            for f in feats {
                out.insert(f.id, (format!("map/layers/{file}"), f.geometry));
            }
        }
        out
    }

    /// Lookup tables by id.
    pub fn region_ids(&self) -> HashSet<&str> {
        self.regions.iter().map(|r| r.id.as_str()).collect()
    }
}
