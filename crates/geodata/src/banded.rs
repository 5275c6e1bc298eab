//! Point in area for many points against one area: the area's edges sorted
//! into horizontal bands, so a point is tested (by the even-odd crossing
//! rule) against the few edges of its band instead of all of them. An
//! import tests a million points against the same country outlines, each of
//! thousands of edges; `geo`'s `Contains`, which walks every edge, was most
//! of its time.
//!
//! Same answer as `geo`'s `Contains` (the property test below holds it to
//! that): inside the area, not on an edge, not in a hole.

use faultlines_core::model::{Geometry, LonLat};

/// An area ready for fast point tests.
pub struct BandedArea {
    bbox: [f64; 4],
    band_height: f64,
    /// Each band's edges, `[x1, y1, x2, y2]`.
    bands: Vec<Vec<[f64; 4]>>,
}

/// Bands per edge: a few edges per band on average, at most this many bands.
const EDGES_PER_BAND: usize = 4;
const MAX_BANDS: usize = 4096;

impl BandedArea {
    /// `None` for a geometry that is not an area, or an empty one.
    pub fn new(g: &Geometry) -> Option<BandedArea> {
        let rings: Vec<&Vec<LonLat>> = match g {
            Geometry::Polygon(rings) => rings.iter().collect(),
            Geometry::MultiPolygon(parts) => parts.iter().flatten().collect(),
            _ => return None,
        };
        let mut edges = Vec::new();
        let mut bbox = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for ring in rings {
            for w in ring.windows(2) {
                let (a, b) = (w[0], w[1]);
                edges.push([a[0], a[1], b[0], b[1]]);
                bbox = [
                    bbox[0].min(a[0]),
                    bbox[1].min(a[1]),
                    bbox[2].max(a[0]),
                    bbox[3].max(a[1]),
                ];
            }
        }
        if edges.is_empty() || !bbox.iter().all(|v| v.is_finite()) {
            return None;
        }
        let n = (edges.len() / EDGES_PER_BAND).clamp(1, MAX_BANDS);
        let band_height = ((bbox[3] - bbox[1]) / n as f64).max(f64::MIN_POSITIVE);
        let mut area = BandedArea {
            bbox,
            band_height,
            bands: vec![Vec::new(); n],
        };
        for e in edges {
            let (lo, hi) = (area.band(e[1].min(e[3])), area.band(e[1].max(e[3])));
            for band in &mut area.bands[lo..=hi] {
                band.push(e);
            }
        }
        Some(area)
    }

    fn band(&self, y: f64) -> usize {
        let i = ((y - self.bbox[1]) / self.band_height).floor();
        (i.max(0.0) as usize).min(self.bands.len() - 1)
    }

    /// Whether `p` is inside the area: not on an edge, not in a hole.
    pub fn holds(&self, [x, y]: LonLat) -> bool {
        let b = self.bbox;
        if !(x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]) {
            return false;
        }
        let mut inside = false;
        let p = robust::Coord { x, y };
        for &[x1, y1, x2, y2] in &self.bands[self.band(y)] {
            let (a, b) = (
                robust::Coord { x: x1, y: y1 },
                robust::Coord { x: x2, y: y2 },
            );
            // Exact orientation (as `geo` decides), not a computed crossing
            // abscissa that rounding can put on the wrong side of a point
            // a hair from the edge.
            let side = robust::orient2d(a, b, p);
            if side == 0.0 && within([x, y], [x1, y1], [x2, y2]) {
                return false;
            }
            // The ray from `p` towards +x crosses an edge spanning its
            // height (half-open, so a vertex counts once) when `p` is left
            // of the edge taken upwards.
            if (y1 > y) != (y2 > y) && (side > 0.0) == (y2 > y1) {
                inside = !inside;
            }
        }
        inside
    }
}

/// Whether `p` lies in the bounding box of the segment `a`–`b` (with a zero
/// orientation, on the segment itself).
fn within(p: LonLat, a: LonLat, b: LonLat) -> bool {
    p[0] >= a[0].min(b[0])
        && p[0] <= a[0].max(b[0])
        && p[1] >= a[1].min(b[1])
        && p[1] <= a[1].max(b[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Contains;
    use proptest::prelude::*;

    /// A square with a square hole, and a second square apart from it.
    fn sample() -> Geometry {
        let sq = |x0: f64, y0: f64, s: f64| {
            vec![
                [x0, y0],
                [x0 + s, y0],
                [x0 + s, y0 + s],
                [x0, y0 + s],
                [x0, y0],
            ]
        };
        Geometry::MultiPolygon(vec![
            vec![sq(0.0, 0.0, 10.0), sq(4.0, 4.0, 2.0)],
            vec![sq(20.0, 0.0, 3.0)],
        ])
    }

    #[test]
    fn a_point_in_the_hole_or_on_an_edge_is_not_held_and_one_in_either_part_is() {
        let a = BandedArea::new(&sample()).unwrap();
        assert!(a.holds([1.0, 1.0]));
        assert!(a.holds([21.0, 2.0]));
        assert!(!a.holds([5.0, 5.0]), "in the hole");
        assert!(!a.holds([0.0, 5.0]), "on the outer edge");
        assert!(!a.holds([4.0, 5.0]), "on the hole's edge");
        assert!(!a.holds([15.0, 1.0]), "between the parts");
        assert!(BandedArea::new(&Geometry::Point([0.0, 0.0])).is_none());
    }

    fn shape() -> impl Strategy<Value = Geometry> {
        // A star-shaped ring around a centre: simple (never self-crossing)
        // whatever the radii, with many edges and concave corners.
        (
            prop::collection::vec(0.5f64..10.0, 3..200),
            -5.0f64..5.0,
            -5.0f64..5.0,
        )
            .prop_map(|(radii, cx, cy)| {
                let n = radii.len();
                let mut ring: Vec<LonLat> = radii
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let t = i as f64 / n as f64 * std::f64::consts::TAU;
                        [cx + r * t.cos(), cy + r * t.sin()]
                    })
                    .collect();
                ring.push(ring[0]);
                Geometry::Polygon(vec![ring])
            })
    }

    proptest! {
        #[test]
        fn the_banded_test_agrees_with_geo_contains(g in shape(), pts in prop::collection::vec((-16.0f64..16.0, -16.0f64..16.0), 50)) {
            let banded = BandedArea::new(&g).unwrap();
            let oracle = faultlines_core::geo::to_geo(&g);
            for (x, y) in pts {
                prop_assert_eq!(banded.holds([x, y]), oracle.contains(&geo::Point::new(x, y)), "({}, {})", x, y);
            }
            // Vertices lie on the edge: never held, as by geo; and points a
            // hair either side of each edge's middle, where a computed
            // crossing would round the wrong way, agree with geo too.
            if let Geometry::Polygon(rings) = &g {
                for v in &rings[0] {
                    prop_assert!(!banded.holds(*v));
                }
                for w in rings[0].windows(2) {
                    let m = [(w[0][0] + w[1][0]) / 2.0, (w[0][1] + w[1][1]) / 2.0];
                    for d in [-1e-12, -1e-15, 1e-15, 1e-12] {
                        let q = [m[0] + d, m[1] + d / 3.0];
                        prop_assert_eq!(banded.holds(q), oracle.contains(&geo::Point::new(q[0], q[1])), "{:?}", q);
                    }
                }
            }
        }
    }
}
