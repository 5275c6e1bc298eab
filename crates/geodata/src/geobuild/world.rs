//! The world beneath the frame: Natural Earth's countries of the whole globe
//! (`world.geojson.gz`, from world-atlas), drawn but not clickable, so a
//! story from anywhere has land under its events. A country wholly inside
//! the frame is left out: the `countries` layer draws it in detail there.
//! One that reaches past the frame (Russia, China, Libya) stays whole; the
//! UI shows the world layer only outside the frame.

use std::collections::BTreeMap;
use std::path::Path;

use super::sources::WorldCountry;
use super::Out;
use crate::encode::LayerFeature;
use crate::error::GeodataError;
use crate::geom::bbox_of;
use crate::raw_layers::read_features;

// The regional frame (west, south, east, north): every regional layer is clipped to it.
use crate::shape::FRAME;

/// Levels of detail of the world layer: a background of Natural Earth's
/// small scales needs coarser steps than the regional layers.
pub const WORLD_LODS: [(&str, f64, f64); 2] = [("overview", 0.1, 0.01), ("detail", 0.03, 0.005)];

/// Whether a bounding box lies inside the frame.
fn inside_frame(b: [f64; 4]) -> bool {
    b[0] >= FRAME[0] && b[1] >= FRAME[1] && b[2] <= FRAME[2] && b[3] <= FRAME[3]
}

/// The world's countries outside the frame, each `world-<name>` (kind
/// `country`), in name order.
pub fn world(src: &Path) -> Result<Vec<Out>, GeodataError> {
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for c in read_features::<WorldCountry>(src, "world")? {
        if inside_frame(bbox_of(&c.geometry)) {
            continue;
        }
        let base = super::slug("world", &c.name);
        let n = ids.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        out.push(Out {
            region: None,
            feature: LayerFeature {
                id,
                kind: "country".into(),
                geometry: c.geometry,
                rank: 0,
            },
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_inside_the_frame_is_left_to_the_regional_layers() {
        assert!(inside_frame([44.0, 38.8, 46.6, 41.3]));
        assert!(!inside_frame([19.6, 41.2, 190.0, 81.9]));
        assert!(!inside_frame([-74.0, -34.0, -34.8, 5.3]));
    }
}
