//! The story's data model: what a dataset directory holds once parsed.
//!
//! The files are plain JSON and GeoJSON so that any GIS or script can open
//! them (see `geodata/README.md` for the layout). These types are also the
//! API's vocabulary: their TypeScript twins in `ui/src/api/bindings.ts` are
//! generated from them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::date::{Date, DayNum};

mod event;
mod excerpt;
mod geometry;
mod intern;
mod membership;
mod region;

pub use event::*;
pub use excerpt::*;
pub use geometry::*;
pub use intern::*;
pub use membership::*;
pub use region::*;

/// The languages other than English that a story may give its words in: an
/// event's title and description, and the text of a note. Their key in an
/// `i18n` object is the language's code; the article is never translated,
/// its excerpts being quotations.
pub const LANGUAGES: [&str; 1] = ["ru"];

/// Words in other languages than English, by language code (one of
/// [`LANGUAGES`]): `{"ru": …}` in the story's files.
pub type Translations<T> = std::collections::BTreeMap<String, T>;

/// A GeoJSON feature with typed properties, for the story's own files.
///
/// The map build reads its sources with the `geojson` crate's typed
/// features; the story's `events.geojson` is read with these instead,
/// parsed in one pass straight into events: `geojson::de` holds each feature
/// as a JSON value first, which reads 100,000 events 4.4 times slower
/// (`cargo bench --bench geojson_read`, `docs/benchmarks.md`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Feature<P> {
    #[serde(rename = "type")]
    pub kind: FeatureTag,
    pub geometry: Geometry,
    pub properties: P,
}

/// A GeoJSON FeatureCollection with typed properties.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeatureCollection<P> {
    #[serde(rename = "type")]
    pub kind: CollectionTag,
    pub features: Vec<Feature<P>>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub enum FeatureTag {
    Feature,
}
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub enum CollectionTag {
    FeatureCollection,
}

/// Metadata of the source article. The text itself is `article.txt`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleMeta {
    pub title: String,
    pub author: String,
    /// When it was published, as precisely as known.
    pub date: Date,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// How the excerpts were chosen and linked, shown in the reading view.
    pub linking_note: String,
}

/// Dataset-level metadata (`dataset.json`).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DatasetMeta {
    pub title: String,
    pub description: String,
    /// Where the map layers and facts come from, for the attribution line.
    pub attribution: String,
    pub article: ArticleMeta,
    /// Set on a story made by `faultlines import` (or the app's Open): the
    /// files it was made from. Its events may then cite their source as text
    /// (ACLED's "Reuters; AFP", or the file and line) instead of a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub import: Option<ImportMeta>,
    /// The title, description, attribution and the article's linking note
    /// in other languages (the article's own title and words stay its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<DatasetText>>,
}

/// A dataset's own words in a language other than English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DatasetText {
    pub title: String,
    pub description: String,
    pub attribution: String,
    /// The article's `linking_note`.
    pub linking_note: String,
}

/// Where an imported story came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportMeta {
    pub files: Vec<ImportedFile>,
}

/// One file an imported story was made from, and what became of its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportedFile {
    /// The file's name, without its folder.
    pub name: String,
    /// The format it was read as: `geojson`, `csv`, `acled`, `ucdp` or `text`.
    pub format: String,
    /// Rows (or features) read, and how many became events.
    pub rows: u64,
    pub imported: u64,
}
