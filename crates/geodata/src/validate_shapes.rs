//! States of the same date must not overlap one another by more than the
//! layers' rounding can explain: the check a GIS user would make first.
//! (Each polygon's own OGC validity is checked file by file, in
//! [`crate::check::layers`].)
//!
//! Overlaps are measured on the detail level, the one `faultlines map --at`
//! exports; the overview is a drawing aid, simplified ten times as hard.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::shape;
use faultlines_core::dataset::{Dataset, Problem};
use faultlines_core::model::{Geometry, RegionKind, FOREVER_BEFORE};

/// Neighbours may overlap by this much where simplifying each shape on its
/// own moved a shared border: at most this share of the smaller one, and at
/// least a square kilometre is always allowed.
const OVERLAP_SHARE: f64 = 0.005;
const OVERLAP_KM2: f64 = 1.0;

fn boxes_meet(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/// Overlapping neighbours, each naming the layer file, the feature and the date.
pub fn check(ds: &Dataset, layer_features: &HashMap<String, (String, Geometry)>) -> Vec<Problem> {
    let mut out = Vec::new();
    // Which countries are on the map together: one set per stretch of time
    // between two border changes.
    let mut days: BTreeSet<i32> = BTreeSet::new();
    for r in &ds.regions {
        for v in &r.versions {
            days.insert(if v.lo == FOREVER_BEFORE {
                i32::MIN
            } else {
                v.lo
            });
        }
    }
    let mut polys: HashMap<&str, (geo::MultiPolygon<f64>, [f64; 4], f64)> = HashMap::new();
    for r in ds.regions.iter().filter(|r| r.kind == RegionKind::Country) {
        for v in &r.versions {
            if let Some((_, g)) = layer_features.get(&v.feature) {
                if let Some(mp) = shape::to_geo(g) {
                    let area = shape::area_km2(&mp);
                    polys.insert(
                        v.feature.as_str(),
                        (mp, faultlines_core::geo::bounds(g), area),
                    );
                }
            }
        }
    }
    let mut seen_pairs: HashSet<(&str, &str)> = HashSet::new();
    for &t in &days {
        let t = if t == i32::MIN { FOREVER_BEFORE } else { t };
        let here: Vec<&str> = ds
            .regions
            .iter()
            .filter(|r| r.kind == RegionKind::Country)
            .filter_map(|r| r.version_at(t))
            .map(|v| v.feature.as_str())
            .filter(|f| polys.contains_key(f))
            .collect();
        for (i, &fa) in here.iter().enumerate() {
            for &fb in &here[i + 1..] {
                let key = if fa < fb { (fa, fb) } else { (fb, fa) };
                if !seen_pairs.insert(key) {
                    continue;
                }
                let (a, b) = (&polys[fa], &polys[fb]);
                if !boxes_meet(&a.1, &b.1) {
                    continue;
                }
                let both = shape::area_km2(&shape::intersection(&a.0, &b.0));
                let margin = OVERLAP_KM2.max(OVERLAP_SHARE * a.2.min(b.2));
                if both > margin {
                    let when = if t == FOREVER_BEFORE {
                        "from the start of the record".to_string()
                    } else {
                        format!("on {}", faultlines_core::date::Date::from_daynum(t))
                    };
                    out.push(Problem {
                        file: layer_features[fa].0.clone(),
                        id: Some(fa.to_string()),
                        message: format!(
                            "overlaps {fb}, on the map with it {when}, by {both:.0} km²: more than the {margin:.0} km² that rounding allows"
                        ),
                    });
                }
            }
        }
    }
    out
}
