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

/// The regional frame, `[west, south, east, north]` in degrees (lon 10…95 E,
/// lat 25…62 N): the regional layers are clipped to it when they are built,
/// and the UI keeps its regional view for a story whose events lie mostly
/// inside it (`FRAME` in `ui/src/api/bindings.ts`).
pub const REGIONAL_FRAME: [f64; 4] = [10.0, 25.0, 95.0, 62.0];

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
            // Saturating: a file with deltas past the i64 range (found by
            // fuzzing) decodes to coordinates `faultlines check` refuses as
            // out of range, rather than overflowing.
            x = x.saturating_add(c[0]);
            y = y.saturating_add(c[1]);
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

/// Why a layer file cannot be decoded.
#[derive(Debug, thiserror::Error)]
pub enum LayerError {
    #[error("cannot parse: {0}")]
    Parse(serde_json::Error),
    #[error("grid step q = {0} is out of range")]
    GridStep(f64),
    #[error("{id}: {source}")]
    Coordinates {
        id: String,
        source: serde_json::Error,
    },
    #[error("{0}: empty point")]
    EmptyPoint(String),
    #[error("{id}: unknown geometry type {kind:?}")]
    UnknownType { id: String, kind: String },
}

/// Decode a layer file; errors name the feature.
///
/// ```
/// use faultlines_core::{layer::decode_layer, model::Geometry};
/// // A point at [1.5, 2.0] on a grid of 0.5°: three and four steps.
/// let file = br#"{"q":0.5,"features":[{"id":"x","k":"city","r":0,"t":"Point","c":[3,4]}]}"#;
/// let features = decode_layer(file).unwrap();
/// assert_eq!(features[0].geometry, Geometry::Point([1.5, 2.0]));
/// // A run is deltas after its first position.
/// let file = br#"{"q":1,"features":[{"id":"l","k":"river","r":0,"t":"LineString","c":[1,1,2,0,0,3]}]}"#;
/// assert_eq!(
///     decode_layer(file).unwrap()[0].geometry,
///     Geometry::LineString(vec![[1.0, 1.0], [3.0, 1.0], [3.0, 4.0]])
/// );
/// ```
pub fn decode_layer(bytes: &[u8]) -> Result<Vec<Decoded>, LayerError> {
    decode_layer_where(bytes, |_| true)
}

/// Decode the features of a layer file whose ids pass `wanted`; the others'
/// coordinates are skipped unparsed.
pub fn decode_layer_where(
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<Decoded>, LayerError> {
    let f: FileIn = serde_json::from_slice(bytes).map_err(LayerError::Parse)?;
    if !(f.q > 0.0 && f.q <= 1.0) {
        return Err(LayerError::GridStep(f.q));
    }
    let q = f.q;
    let mut out = Vec::new();
    for feat in f.features.into_iter().filter(|f| wanted(&f.id)) {
        let geometry = decode_geometry(&feat, q)?;
        out.push(Decoded {
            id: feat.id,
            kind: feat.k,
            geometry,
        });
    }
    Ok(out)
}

fn decode_geometry(feat: &FeatIn, q: f64) -> Result<Geometry, LayerError> {
    fn parse<T: serde::de::DeserializeOwned>(feat: &FeatIn) -> Result<T, LayerError> {
        serde_json::from_str(feat.c.get()).map_err(|source| LayerError::Coordinates {
            id: feat.id.clone(),
            source,
        })
    }
    let runs = |v: Vec<Vec<i64>>| v.iter().map(|r| unrun(r, q)).collect();
    Ok(match feat.t.as_str() {
        "Point" => Geometry::Point(
            *unrun(&parse::<Vec<i64>>(feat)?, q)
                .first()
                .ok_or_else(|| LayerError::EmptyPoint(feat.id.clone()))?,
        ),
        "MultiPoint" => Geometry::MultiPoint(unrun(&parse::<Vec<i64>>(feat)?, q)),
        "LineString" => Geometry::LineString(unrun(&parse::<Vec<i64>>(feat)?, q)),
        "MultiLineString" => Geometry::MultiLineString(runs(parse(feat)?)),
        "Polygon" => Geometry::Polygon(runs(parse(feat)?)),
        "MultiPolygon" => Geometry::MultiPolygon(
            parse::<Vec<Vec<Vec<i64>>>>(feat)?
                .into_iter()
                .map(runs)
                .collect(),
        ),
        other => {
            return Err(LayerError::UnknownType {
                id: feat.id.clone(),
                kind: other.into(),
            })
        }
    })
}
