//! The compact format map layers travel in.
//!
//! A layer file is JSON (so it stays inspectable) with quantized,
//! delta-encoded coordinates:
//!
//! ```json
//! {"layer":"countries","lod":"overview","q":0.01,
//!  "features":[{"id":"TJK","k":"country","r":0,"t":"MultiPolygon","c":[[[6780,3880,12,-3,…]]]}]}
//! ```
//!
//! `q` is the grid step in degrees. A *run* is a flat array `[x0, y0, dx1,
//! dy1, …]`: the first position in grid units (`lon = x * q`), then each
//! position as the difference from the previous one. `c` nests runs like
//! GeoJSON nests positions: a Point is one run of one position, a LineString
//! or MultiPoint one run, a Polygon or MultiLineString a list of runs, a
//! MultiPolygon a list of lists. `r` is a display rank (0 most important).
//!
//! The UI decodes this in `ui/src/map/layer.ts`; [`decode_layer`] is the Rust
//! twin used by `faultlines check` to validate what ships. Layers are
//! written at build time by `faultlines_geodata::encode`.

use serde::Deserialize;

use crate::model::{Geometry, LonLat};

/// Layer names, in drawing order (bottom first). `history` holds the shapes
/// no longer in force; the UI draws each of its features with the layer of
/// its kind and loads it only when the slider needs it.
pub const LAYERS: [&str; 7] = [
    "water",
    "countries",
    "provinces",
    "disputed",
    "lines",
    "places",
    "history",
];

fn unrun(v: &[i64], q: f64) -> Vec<LonLat> {
    let mut out = Vec::with_capacity(v.len() / 2);
    let (mut x, mut y) = (0i64, 0i64);
    for (i, c) in v.chunks(2).enumerate() {
        if c.len() < 2 {
            break;
        }
        if i == 0 {
            (x, y) = (c[0], c[1]);
        } else {
            x += c[0];
            y += c[1];
        }
        out.push([x as f64 * q, y as f64 * q]);
    }
    out
}

/// The grid step of a layer file, in degrees.
pub fn grid_step(bytes: &[u8]) -> Option<f64> {
    #[derive(Deserialize)]
    struct Head {
        q: f64,
    }
    serde_json::from_slice::<Head>(bytes).ok().map(|h| h.q)
}

/// A geometry in grid units of step `q` (exact integers, as the file holds
/// them): validity is judged on these, free of the rounding of `x * q`.
pub fn on_grid(g: &Geometry, q: f64) -> Geometry {
    let s = |r: &Vec<LonLat>| {
        r.iter()
            .map(|p| [(p[0] / q).round(), (p[1] / q).round()])
            .collect()
    };
    match g {
        Geometry::Polygon(rs) => Geometry::Polygon(rs.iter().map(s).collect()),
        Geometry::MultiPolygon(ps) => {
            Geometry::MultiPolygon(ps.iter().map(|p| p.iter().map(s).collect()).collect())
        }
        other => other.clone(),
    }
}

/// A decoded layer feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub id: String,
    pub kind: String,
    pub geometry: Geometry,
}

#[derive(Deserialize)]
struct FileIn<'a> {
    q: f64,
    #[serde(borrow)]
    features: Vec<FeatIn<'a>>,
}

/// A feature as read: its coordinates are parsed only when wanted.
#[derive(Deserialize)]
struct FeatIn<'a> {
    id: String,
    k: String,
    t: String,
    #[serde(borrow)]
    c: &'a serde_json::value::RawValue,
}

/// Decode a layer file; errors name the feature.
pub fn decode_layer(bytes: &[u8]) -> Result<Vec<Decoded>, String> {
    decode_layer_where(bytes, |_| true)
}

/// Decode the features of a layer file whose ids pass `wanted`; the others'
/// coordinates are skipped unparsed.
pub fn decode_layer_where(
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<Decoded>, String> {
    let f: FileIn = serde_json::from_slice(bytes).map_err(|e| format!("cannot parse: {e}"))?;
    if !(f.q > 0.0 && f.q <= 1.0) {
        return Err(format!("grid step q = {} is out of range", f.q));
    }
    let q = f.q;
    let mut out = Vec::new();
    for feat in f.features.into_iter().filter(|f| wanted(&f.id)) {
        let bad = |m: &str| format!("{}: {m}", feat.id);
        let c = feat.c.get();
        let runs1 = || -> Result<Vec<i64>, String> {
            serde_json::from_str(c).map_err(|e| bad(&e.to_string()))
        };
        let runs2 = || -> Result<Vec<Vec<i64>>, String> {
            serde_json::from_str(c).map_err(|e| bad(&e.to_string()))
        };
        let geometry = match feat.t.as_str() {
            "Point" => Geometry::Point(
                *unrun(&runs1()?, q)
                    .first()
                    .ok_or_else(|| bad("empty point"))?,
            ),
            "MultiPoint" => Geometry::MultiPoint(unrun(&runs1()?, q)),
            "LineString" => Geometry::LineString(unrun(&runs1()?, q)),
            "MultiLineString" => {
                Geometry::MultiLineString(runs2()?.iter().map(|r| unrun(r, q)).collect())
            }
            "Polygon" => Geometry::Polygon(runs2()?.iter().map(|r| unrun(r, q)).collect()),
            "MultiPolygon" => {
                let v: Vec<Vec<Vec<i64>>> =
                    serde_json::from_str(c).map_err(|e| bad(&e.to_string()))?;
                Geometry::MultiPolygon(
                    v.iter()
                        .map(|p| p.iter().map(|r| unrun(r, q)).collect())
                        .collect(),
                )
            }
            other => return Err(bad(&format!("unknown geometry type {other:?}"))),
        };
        out.push(Decoded {
            id: feat.id,
            kind: feat.k,
            geometry,
        });
    }
    Ok(out)
}
