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
//! This module holds what a dataset is once parsed ([`RawDataset`]) and once
//! checked ([`Dataset`]); [`crate::load`] reads the files and
//! `validate` checks them, one way: neither is imported here.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::*;
use crate::source::{EmbeddedSource, Source};

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

impl Problem {
    /// The same problem, about `story/events.arrow` when it was said of the
    /// events (the checks name the GeoJSON file; a story read from Arrow has
    /// only the other).
    pub(crate) fn in_arrow(self) -> Problem {
        if self.file == "story/events.geojson" {
            Problem {
                file: crate::table::ipc::FILE.to_string(),
                ..self
            }
        } else {
            self
        }
    }
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
    /// The note in other languages (`{"ru": "…"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<crate::model::Translations<String>>,
}

/// The files of a dataset, parsed but not yet checked against each other.
pub struct RawDataset {
    pub meta: DatasetMeta,
    pub article: String,
    pub events: crate::table::EventTable,
    pub excerpts: Vec<ExcerptSpec>,
    pub disputes: FeatureCollection<DisputeProps>,
    pub memberships: MembershipsFile,
    pub gazetteer: GazetteerSpec,
    pub regions: Vec<Region>,
    pub layers: LayerIndex,
}

/// A loaded, validated dataset.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub meta: DatasetMeta,
    pub article: String,
    pub events: crate::table::EventTable,
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
    /// The events' positions by id, sorted once at load (a million ids take
    /// a third of a second to sort). Rebuilt by the API if `events` was
    /// replaced since.
    pub(crate) by_id: IdOrder,
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

impl Dataset {
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

    /// The dataset with other events (the generator's, in memory).
    pub fn with_events(mut self, events: crate::table::EventTable) -> Dataset {
        self.events = events.sorted();
        self.by_id = IdOrder::new(&self.events);
        self
    }

    /// Lookup tables by id.
    pub fn region_ids(&self) -> HashSet<&str> {
        self.regions.iter().map(|r| r.id.as_str()).collect()
    }
}
