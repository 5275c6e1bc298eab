//! The map of a date as data: every region in force on a day as a GeoJSON
//! FeatureCollection (RFC 7946, written with the `geojson` crate), for
//! `faultlines map --at DATE` and `GET /api/map?at=DATE`.
//!
//! The geometry is the shipped layers' detail level, decoded once on first
//! use, so what a GIS user opens is exactly what the app draws.

use std::collections::HashMap;
use std::sync::OnceLock;

use geojson::{Feature, FeatureCollection, JsonObject};
use serde_json::{json, Value};

use crate::dataset::Dataset;
use crate::date::DayNum;
use crate::model::Geometry;

/// Decoded detail geometry by feature id. The first map decodes only the
/// features it draws (a command line asks once); from the second on, all
/// are decoded once and kept (a server answers many dates).
#[derive(Default)]
pub struct MapFeatures {
    all: OnceLock<HashMap<String, Geometry>>,
    asked: std::sync::atomic::AtomicBool,
}

fn decode(ds: &Dataset, wanted: impl Fn(&str) -> bool) -> HashMap<String, Geometry> {
    let mut out = HashMap::new();
    for entry in &ds.layers.layers {
        if entry.name == "water" {
            continue;
        }
        let Some(bytes) = ds.layer_bytes(&entry.name, "detail") else {
            continue;
        };
        for f in crate::layer::decode_layer_where(&bytes, &wanted).unwrap_or_default() {
            out.insert(f.id, f.geometry);
        }
    }
    out
}

/// Positions on the layers' grid, without the binary noise of `x * q`.
fn tidy(g: &Geometry) -> Geometry {
    let r = |p: &crate::model::LonLat| [(p[0] * 1e6).round() / 1e6, (p[1] * 1e6).round() / 1e6];
    match g {
        Geometry::Point(p) => Geometry::Point(r(p)),
        Geometry::MultiPoint(v) => Geometry::MultiPoint(v.iter().map(r).collect()),
        Geometry::LineString(v) => Geometry::LineString(v.iter().map(r).collect()),
        Geometry::MultiLineString(v) => {
            Geometry::MultiLineString(v.iter().map(|l| l.iter().map(r).collect()).collect())
        }
        Geometry::Polygon(v) => {
            Geometry::Polygon(v.iter().map(|l| l.iter().map(r).collect()).collect())
        }
        Geometry::MultiPolygon(v) => Geometry::MultiPolygon(
            v.iter()
                .map(|p| p.iter().map(|l| l.iter().map(r).collect()).collect())
                .collect(),
        ),
    }
}

fn to_geojson(g: &Geometry) -> geojson::Geometry {
    match &tidy(g) {
        Geometry::Point(p) => geojson::Geometry::new_point(*p),
        Geometry::MultiPoint(v) => geojson::Geometry::new_multi_point(v.iter().copied()),
        Geometry::LineString(v) => geojson::Geometry::new_line_string(v.iter().copied()),
        Geometry::MultiLineString(v) => {
            geojson::Geometry::new_multi_line_string(v.iter().map(|l| l.iter().copied()))
        }
        Geometry::Polygon(v) => geojson::Geometry::new_polygon(v.iter().map(|r| r.iter().copied())),
        Geometry::MultiPolygon(v) => geojson::Geometry::new_multi_polygon(
            v.iter().map(|p| p.iter().map(|r| r.iter().copied())),
        ),
    }
}

impl MapFeatures {
    /// The FeatureCollection of day `t`, as text.
    pub fn collection(&self, ds: &Dataset, t: DayNum) -> String {
        let once;
        let geoms = if self.asked.swap(true, std::sync::atomic::Ordering::Relaxed) {
            self.all.get_or_init(|| decode(ds, |_| true))
        } else {
            let drawn: std::collections::HashSet<&str> = ds
                .regions
                .iter()
                .filter_map(|r| r.version_at(t))
                .map(|v| v.feature.as_str())
                .collect();
            once = decode(ds, |id| drawn.contains(id));
            &once
        };
        let features = ds.regions.iter().filter_map(|r| {
            let v = r.version_at(t)?;
            let g = geoms.get(&v.feature)?;
            let props = json!({
                "id": r.id,
                "name_en": v.name_en,
                "name_ru": v.name_ru,
                "kind": r.kind,
                "valid_from": v.valid_from,
                "valid_to": v.valid_to,
                "sovereign": v.sovereign,
                "controller": v.controller,
                "approximate": v.approximate,
                "sources": v.sources,
            });
            let Value::Object(properties) = props else {
                unreachable!("a json! object")
            };
            Some(Feature {
                bbox: None,
                geometry: Some(to_geojson(g)),
                id: Some(geojson::feature::Id::String(r.id.clone())),
                properties: Some(properties as JsonObject),
                foreign_members: None,
            })
        });
        FeatureCollection::new(features).to_string()
    }
}
