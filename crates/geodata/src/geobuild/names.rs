//! `names.json`: every hand-made choice of the map build, which features
//! become clickable regions and their English and Russian names where the
//! sources lack them.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::GeodataError;
use faultlines_core::model::LonLat;

#[derive(Deserialize)]
pub struct Names {
    pub provinces: BTreeMap<String, NameEn>,
    pub disputed: BTreeMap<String, Named>,
    pub enclaves: BTreeMap<String, Named>,
    pub rivers: BTreeMap<String, River>,
    pub lines: BTreeMap<String, NameEn>,
    pub cities: Vec<String>,
    pub extra_places: Vec<ExtraPlace>,
    /// Where Natural Earth's point for a town is wrong, the position from
    /// the source named beside it.
    #[serde(default)]
    pub place_positions: BTreeMap<String, Position>,
}

/// A Natural Earth river by its NE name: what we call it, and the countries
/// it flows through (the build checks the line against them, so a river of
/// the same NE name elsewhere is not taken for it).
#[derive(Deserialize)]
pub struct River {
    pub id: String,
    pub en: String,
    pub ru: String,
    pub through: Vec<String>,
}

#[derive(Deserialize)]
pub struct Position {
    pub lonlat: LonLat,
    pub country: String,
}

#[derive(Deserialize)]
pub struct NameEn {
    pub en: String,
    pub ru: String,
}

#[derive(Deserialize)]
pub struct Named {
    pub id: String,
    pub en: String,
    pub ru: String,
}

#[derive(Deserialize)]
pub struct ExtraPlace {
    pub id: String,
    pub en: String,
    pub ru: String,
    pub country: String,
    pub lonlat: LonLat,
}

impl Names {
    /// `names.json` under `src`.
    pub fn read(src: &Path) -> Result<Names, GeodataError> {
        let path = src.join("names.json");
        let bytes = std::fs::read(&path).map_err(GeodataError::io(&path))?;
        serde_json::from_slice(&bytes).map_err(|source| GeodataError::Json {
            file: "names.json".into(),
            source,
        })
    }
}
