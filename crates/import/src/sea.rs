//! Latitude and longitude swapped: the commonest mistake in a hand-made
//! table, and one no single row shows (44.5, 40.2 is a fine place either
//! way). When most points fall in the sea but would fall on land swapped,
//! the import says so. Land is the shipped world layer of Natural Earth
//! countries with the regional map's countries; a map without a world
//! layer makes no guess.

use faultlines_core::geo::to_geo;
use faultlines_core::source::{EmbeddedSource, Source};
use geo::{BoundingRect, Contains, Rect};

/// At most this many points are tested, spread over the file.
const SAMPLE: usize = 400;

struct Land(Vec<(Rect<f64>, geo::Geometry<f64>)>);

impl Land {
    /// The world layer and the regional countries it leaves out.
    fn shipped() -> Option<Land> {
        let index: faultlines_core::dataset::LayerIndex =
            serde_json::from_slice(&EmbeddedSource.read("map/layers.json")?).ok()?;
        let layer = |name: &str| -> Option<Vec<faultlines_core::layer::Decoded>> {
            let entry = index.layers.iter().find(|l| l.name == name)?;
            let file = entry
                .files
                .get("overview")
                .or_else(|| entry.files.values().next())?;
            let bytes = EmbeddedSource.read(&format!("map/layers/{file}"))?;
            faultlines_core::layer::decode_layer(&bytes).ok()
        };
        let mut shapes = layer("world")?;
        shapes.extend(layer("countries").unwrap_or_default());
        Some(Land(
            shapes
                .iter()
                .map(|d| to_geo(&d.geometry))
                .filter_map(|g| Some((g.bounding_rect()?, g)))
                .collect(),
        ))
    }

    fn has(&self, [x, y]: [f64; 2]) -> bool {
        let p = geo::Point::new(x, y);
        self.0.iter().any(|(r, g)| r.contains(&p) && g.contains(&p))
    }
}

/// A warning when the points look swapped, naming the share at sea
/// (`details.sea`) and on land once swapped (`details.flipped`), in percent.
pub fn swapped(points: &[[f64; 2]]) -> Option<crate::ImportWarning> {
    if points.len() < 5 {
        return None;
    }
    let land = Land::shipped()?;
    let step = points.len().div_ceil(SAMPLE).max(1);
    let sample: Vec<[f64; 2]> = points.iter().step_by(step).copied().collect();
    let on_land = sample.iter().filter(|p| land.has(**p)).count();
    let flipped = sample
        .iter()
        .filter(|[x, y]| (-90.0..=90.0).contains(x) && land.has([*y, *x]))
        .count();
    let n = sample.len();
    (on_land * 2 < n && flipped > on_land * 2 && flipped * 2 > n).then(|| {
        let (sea, flipped) = (100 * (n - on_land) / n, 100 * flipped / n);
        crate::ImportWarning {
            code: "swapped".into(),
            message: format!(
                "{sea}% of the points fall in the sea, but {flipped}% would fall on land with latitude and longitude swapped: are the columns swapped? (choose them with --column lat=… --column lon=…)"
            ),
            details: serde_json::json!({ "sea": sea, "flipped": flipped }),
        }
    })
}
