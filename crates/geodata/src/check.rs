//! The deep checks of `faultlines check`, over the drawn map: every layer
//! file decodes, its ids are unique and draw known regions, its coordinates
//! are in range and its polygons valid; then the shapes of one date do not
//! overlap (`validate_shapes`) and every place lies where its names
//! say ([`crate::validate_places`]). Slower than loading, so they run in
//! `faultlines check` and the audit, not at start-up.

use std::collections::{HashMap, HashSet};

use crate::shape;
use faultlines_core::dataset::{Dataset, Problem};
use faultlines_core::layer;
use faultlines_core::model::{Geometry, LonLat};

/// Whether a layer is drawn beneath the regions without being any of them:
/// the water and the world beyond the frame.
fn background(layer: &str) -> bool {
    matches!(layer, "water" | "world")
}

/// Deep check of the map layers: every file decodes, ids are unique and
/// known regions, coordinates are in range, rings are closed and simple.
/// Slower than loading, so it runs in `faultlines check`, not at start-up.
pub fn layers(ds: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let drawn: HashSet<&str> = ds
        .regions
        .iter()
        .flat_map(|r| r.versions.iter().map(|v| v.feature.as_str()))
        .collect();
    let mut detail = HashMap::new();
    for entry in &ds.layers.layers {
        for (lod, file) in &entry.files {
            let path = format!("map/layers/{file}");
            let mut add = |id: Option<&str>, m: String| {
                problems.push(Problem {
                    file: path.clone(),
                    id: id.map(str::to_string),
                    message: m,
                })
            };
            let Some(bytes) = ds.layer_bytes(&entry.name, lod) else {
                add(None, "file is missing".into());
                continue;
            };
            let feats = match layer::decode_layer(&bytes) {
                Ok(f) => f,
                Err(e) => {
                    add(None, e.to_string());
                    continue;
                }
            };
            let mut seen = HashSet::new();
            for f in &feats {
                if !seen.insert(f.id.as_str()) {
                    add(Some(&f.id), "duplicate feature id".into());
                }
                if !background(&entry.name) && !drawn.contains(f.id.as_str()) {
                    add(
                        Some(&f.id),
                        "feature draws no version of a region in regions.json".into(),
                    );
                }
                if entry.name != "water" {
                    let q = layer::grid_step(&bytes).unwrap_or(1.0);
                    let g = layer::on_grid(&f.geometry, q);
                    for why in shape::invalidity(&g) {
                        add(
                            Some(&f.id),
                            format!("polygon is not valid (OGC rules): {why}"),
                        );
                    }
                    if lod == "detail" && entry.name != "world" {
                        detail.insert(f.id.clone(), (path.clone(), f.geometry.clone()));
                    }
                }
                if let Some([lon, lat]) = f
                    .geometry
                    .coords()
                    .find(|[x, y]| !((-180.0..=180.0).contains(x) && (-90.0..=90.0).contains(y)))
                {
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
                    for m in faultlines_core::geo::check_rings(poly) {
                        add(Some(&f.id), m.to_string());
                    }
                }
            }
        }
    }
    problems.extend(crate::validate_shapes::check(ds, &detail));
    problems.extend(crate::validate_places::check(ds, &detail));
    problems
}

/// The detail shapes of the map by feature id, with their layer file:
/// what the place checks measure against. Files that do not decode are
/// left out ([`layers`] reports them).
pub fn detail_shapes(ds: &Dataset) -> HashMap<String, (String, Geometry)> {
    let mut out = HashMap::new();
    for entry in ds.layers.layers.iter().filter(|l| !background(&l.name)) {
        let Some(file) = entry.files.get("detail") else {
            continue;
        };
        let feats = ds
            .layer_bytes(&entry.name, "detail")
            .and_then(|b| layer::decode_layer(&b).ok())
            .unwrap_or_default();
        for f in feats {
            out.insert(f.id, (format!("map/layers/{file}"), f.geometry));
        }
    }
    out
}
