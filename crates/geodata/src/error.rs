//! What can go wrong in the build-time work, as values: the map build, the
//! past shapes' recipes and the synthetic datasets. The CLI prints them; the
//! core's `ApiError` never sees them, because none of this runs in the app.

use std::path::PathBuf;

/// A failure of the map build, a recipe, or a generator.
#[derive(Debug, thiserror::Error)]
pub enum GeodataError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: {source}")]
    Json {
        file: String,
        source: serde_json::Error,
    },
    #[error("{file}: {source}")]
    GeoJson {
        file: String,
        source: geojson::Error,
    },
    /// Every problem found in `names.json` against the source layers.
    #[error("{}", .0.join("\n"))]
    Names(Vec<String>),
    #[error("history.json: {region} from {from}: {problem}")]
    Version {
        region: String,
        /// The version's start date, or "the start".
        from: String,
        problem: RecipeError,
    },
    #[error("history.json: {region}: {problem}")]
    Region { region: String, problem: String },
    #[error("{0}")]
    Limit(String),
}

impl GeodataError {
    /// An I/O failure on `path`.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> GeodataError {
        let path = path.into();
        move |source| GeodataError::Io { path, source }
    }
}

/// Why a recipe of `history.json` cannot be drawn.
#[derive(Debug, thiserror::Error)]
pub enum RecipeError {
    #[error("{0}: expected KIND:ID")]
    BadReference(String),
    #[error("{reference}: unknown kind {kind:?}")]
    UnknownKind { reference: String, kind: String },
    #[error("{0}: not in the source layers")]
    Missing(String),
    #[error("{0}: not a polygon")]
    NotAPolygon(String),
    #[error("{0}: a line cannot take part in an area")]
    LineInArea(String),
    #[error("{0}: expected FILE:N")]
    BadLine(String),
    #[error("{0}: no such line")]
    NoSuchLine(String),
    #[error("the first version of a new region needs a shape")]
    NoFirstShape,
    #[error("no shape")]
    NoShape,
    #[error(transparent)]
    Source(Box<GeodataError>),
}
