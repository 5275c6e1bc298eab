//! The source layers' features as the map build reads them: the Natural
//! Earth properties it uses, by their names there, with the geometry.

use serde::Deserialize;

use crate::raw_layers::{rank, text, LEAST};
use faultlines_core::model::Geometry;

fn least() -> f64 {
    LEAST
}

/// An admin-0 unit (`countries`).
#[derive(Deserialize)]
pub struct Country {
    #[serde(rename = "ISO_A3", default, deserialize_with = "text")]
    pub iso_a3: String,
    #[serde(rename = "ADM0_A3")]
    pub adm0_a3: String,
    #[serde(rename = "NAME")]
    pub name: String,
    #[serde(rename = "NAME_RU", default, deserialize_with = "text")]
    pub name_ru: String,
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    pub geometry: Geometry,
}

impl Country {
    /// The ISO code, or Natural Earth's own where ISO has none (Kosovo).
    pub fn code(&self) -> &str {
        match self.iso_a3.as_str() {
            "-99" | "" => &self.adm0_a3,
            x => x,
        }
    }
}

/// An admin-1 unit (`admin1`).
#[derive(Deserialize)]
pub struct Province {
    pub iso_3166_2: String,
    pub adm0_a3: String,
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    pub geometry: Geometry,
}

/// A disputed area (`disputed`).
#[derive(Deserialize)]
pub struct Disputed {
    #[serde(rename = "BRK_NAME")]
    pub name: String,
    #[serde(rename = "ADM0_A3")]
    pub adm0_a3: String,
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    pub geometry: Geometry,
}

/// A Fergana enclave (`enclaves`).
#[derive(Deserialize)]
pub struct Enclave {
    pub name: String,
    #[serde(rename = "ADM0_A3")]
    pub adm0_a3: String,
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    pub geometry: Geometry,
}

/// A river or a lake (`rivers`, `lakes`).
#[derive(Deserialize)]
pub struct Water {
    #[serde(default, deserialize_with = "text")]
    pub name: String,
    #[serde(default = "least", deserialize_with = "rank")]
    pub scalerank: f64,
    #[serde(default, deserialize_with = "text")]
    pub source_layer: String,
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    pub geometry: Geometry,
}

/// A populated place (`places`).
#[derive(Deserialize)]
pub struct Place {
    pub name: String,
    #[serde(default, deserialize_with = "text")]
    pub name_en: String,
    #[serde(default, deserialize_with = "text")]
    pub name_ascii: String,
    #[serde(default, deserialize_with = "text")]
    pub name_ru: String,
    pub featurecla: String,
    pub adm0_a3: String,
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    pub geometry: Geometry,
}

/// A country of the world layer (`world`): its name as world-atlas gives it.
#[derive(Deserialize)]
pub struct WorldCountry {
    pub name: String,
    #[serde(deserialize_with = "geojson::de::deserialize_geometry")]
    pub geometry: Geometry,
}
