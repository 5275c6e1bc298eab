//! Reading the raw layers of `geodata/src/`: gzipped GeoJSON files from
//! Natural Earth and the other sources listed in its PROVENANCE.md, into
//! typed features through the `geojson` crate. The map build and the past
//! shapes both read them; neither owns the format.

use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::error::GeodataError;

/// The features of a source layer (`NAME.geojson.gz` under `dir`), each
/// read into `T`: its properties by name and its `geometry` field through
/// `geojson::de::deserialize_geometry`.
pub fn read_features<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<Vec<T>, GeodataError> {
    let path = dir.join(format!("{name}.geojson.gz"));
    let f = std::fs::File::open(&path).map_err(GeodataError::io(&path))?;
    let mut s = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut s)
        .map_err(GeodataError::io(&path))?;
    let bad = |source| GeodataError::GeoJson {
        file: path.display().to_string(),
        source,
    };
    // The whole collection first, then each feature: the crate's streaming
    // reader takes the first array it meets for the features, and Natural
    // Earth's files put a `bbox` before them.
    let fc: geojson::FeatureCollection = s.parse().map_err(bad)?;
    fc.features
        .into_iter()
        .map(|f| geojson::de::from_feature(f).map_err(bad))
        .collect()
}

/// A text property that Natural Earth leaves `null` where it has none.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// A rank (`scalerank`): Natural Earth writes a number, once as text; a
/// feature without one is least important.
pub fn rank<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Rank {
        Number(f64),
        Text(String),
    }
    Ok(match Option::<Rank>::deserialize(d)? {
        Some(Rank::Number(x)) => x,
        Some(Rank::Text(s)) => s.trim().parse().unwrap_or(LEAST),
        None => LEAST,
    })
}

/// The rank of a feature that has none.
pub const LEAST: f64 = 10.0;

/// Any feature, for its shape only (the Isfara, the Lachin road, a line of
/// a history recipe).
#[derive(Deserialize)]
pub struct Shape {
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    pub geometry: faultlines_core::model::Geometry,
}
