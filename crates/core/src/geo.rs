//! The geometry the core decides at load time: whether a polygon's rings are
//! sound, and a geometry's bounding box. Everything else geometric (the map
//! build's simplification, label points, place checks) is build-time work in
//! `faultlines-geodata`.
//!
//! Crossings are found with the `geo` crate's sweep
//! ([`geo::algorithm::sweep::Intersections`]), not with its `Validation`
//! trait: `Validation` compares every segment of a ring with every other,
//! which for a country outline of tens of thousands of vertices is billions
//! of tests at each load, and it closes open rings silently, where GeoJSON
//! (RFC 7946 §3.1.6) requires them closed. The two checks `geo` cannot make
//! for us, closed rings and four positions, are the few lines below.

use geo::algorithm::sweep::{Cross, Intersections};
use geo::{BoundingRect, Coord, Line, LineIntersection};

use crate::model::{Geometry, LonLat};

/// Which ring of a polygon a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ring {
    Exterior,
    /// The n-th hole, from 1.
    Hole(usize),
}

impl std::fmt::Display for Ring {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Ring::Exterior => f.write_str("exterior ring"),
            Ring::Hole(n) => write!(f, "hole {n}"),
        }
    }
}

/// What is wrong with the rings of one polygon.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RingProblem {
    #[error("polygon has no rings")]
    NoRings,
    #[error("{ring} has {positions} positions; a ring needs at least 4")]
    TooFewPositions { ring: Ring, positions: usize },
    #[error("{ring} is not closed (first and last positions differ)")]
    NotClosed { ring: Ring },
    #[error(
        "{ring} crosses itself near [{:.4}, {:.4}] (segments {} and {})",
            .near[0], .near[1], .segments.0, .segments.1
    )]
    CrossesItself {
        ring: Ring,
        near: LonLat,
        segments: (usize, usize),
    },
}

/// Problems with the rings of one polygon, each once per ring.
///
/// ```
/// use faultlines_core::geo::{check_rings, Ring, RingProblem};
/// let square = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
/// assert!(check_rings(&[square]).is_empty());
/// let open = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
/// assert_eq!(check_rings(&[open]), [RingProblem::NotClosed { ring: Ring::Exterior }]);
/// ```
pub fn check_rings(rings: &[Vec<LonLat>]) -> Vec<RingProblem> {
    if rings.is_empty() {
        return vec![RingProblem::NoRings];
    }
    let mut out = Vec::new();
    for (i, positions) in rings.iter().enumerate() {
        let ring = if i == 0 {
            Ring::Exterior
        } else {
            Ring::Hole(i)
        };
        if positions.len() < 4 {
            out.push(RingProblem::TooFewPositions {
                ring,
                positions: positions.len(),
            });
        } else if positions.first() != positions.last() {
            out.push(RingProblem::NotClosed { ring });
        } else if let Some(segments) = self_intersection(positions) {
            let near = positions[segments.0];
            out.push(RingProblem::CrossesItself {
                ring,
                near,
                segments,
            });
        }
    }
    out
}

/// A segment of a ring with its index, so that a crossing can name it.
#[derive(Clone, Copy)]
struct Segment(usize, Line<f64>);

impl Cross for Segment {
    type Scalar = f64;
    fn line(&self) -> Line<f64> {
        self.1
    }
}

/// The first pair (in segment order) of non-adjacent segments of a closed
/// ring that touch or cross, or adjacent ones that overlap along a line (a
/// spike back along itself).
pub fn self_intersection(ring: &[LonLat]) -> Option<(usize, usize)> {
    let n = ring.len().saturating_sub(1);
    if n < 3 {
        return None;
    }
    let c = |p: LonLat| Coord { x: p[0], y: p[1] };
    let segments = (0..n).map(|i| Segment(i, Line::new(c(ring[i]), c(ring[i + 1]))));
    Intersections::from_iter(segments)
        .filter_map(|(a, b, hit)| {
            let (i, j) = (a.0.min(b.0), a.0.max(b.0));
            let adjacent = j == i + 1 || (i == 0 && j == n - 1);
            // Neighbours share their common end by construction; only a
            // collinear overlap between them is a fault.
            let fault = !adjacent || matches!(hit, LineIntersection::Collinear { .. });
            fault.then_some((i, j))
        })
        .min()
}

/// The bounding box of a geometry, [west, south, east, north], exact.
///
/// ```
/// use faultlines_core::{geo::bounds, model::Geometry};
/// let line = Geometry::LineString(vec![[44.5, 40.1], [46.9, 39.8]]);
/// assert_eq!(bounds(&line), [44.5, 39.8, 46.9, 40.1]);
/// ```
pub fn bounds(g: &Geometry) -> [f64; 4] {
    match to_geo(g).bounding_rect() {
        Some(r) => [r.min().x, r.min().y, r.max().x, r.max().y],
        None => [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
    }
}

fn line(v: &[LonLat]) -> geo::LineString<f64> {
    geo::LineString::from(v.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>())
}

/// A polygon's rings (exterior first) as a `geo` polygon.
pub fn polygon(rings: &[Vec<LonLat>]) -> geo::Polygon<f64> {
    match rings.split_first() {
        Some((outer, holes)) => {
            geo::Polygon::new(line(outer), holes.iter().map(|h| line(h)).collect())
        }
        None => geo::Polygon::new(geo::LineString::new(Vec::new()), Vec::new()),
    }
}

/// The same geometry as a `geo` type, for the crate's algorithms.
pub fn to_geo(g: &Geometry) -> geo::Geometry<f64> {
    use geo::{MultiLineString, MultiPoint, MultiPolygon, Point};
    match g {
        Geometry::Point(p) => Point::new(p[0], p[1]).into(),
        Geometry::MultiPoint(v) => {
            MultiPoint::from(v.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>()).into()
        }
        Geometry::LineString(v) => line(v).into(),
        Geometry::MultiLineString(v) => {
            MultiLineString::new(v.iter().map(|l| line(l)).collect()).into()
        }
        Geometry::Polygon(v) => polygon(v).into(),
        Geometry::MultiPolygon(v) => {
            MultiPolygon::new(v.iter().map(|p| polygon(p)).collect()).into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_is_fine_bowtie_is_not() {
        let sq = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        assert!(check_rings(&[sq]).is_empty());
        let bow = vec![[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]];
        let m = check_rings(&[bow]);
        assert!(
            matches!(
                m[0],
                RingProblem::CrossesItself {
                    segments: (0, 2),
                    ..
                }
            ),
            "{m:?}"
        );
        assert!(m[0].to_string().contains("crosses itself"));
    }

    #[test]
    fn open_and_short_rings_are_named() {
        let open = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        assert!(check_rings(&[open])[0].to_string().contains("not closed"));
        let short = vec![[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]];
        assert!(check_rings(&[short])[0].to_string().contains("at least 4"));
    }

    #[test]
    fn a_spike_back_along_the_ring_is_a_crossing() {
        let spike = vec![[0.0, 0.0], [2.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]];
        assert!(self_intersection(&spike).is_some());
    }

    #[test]
    fn a_ring_touching_itself_at_a_vertex_is_a_crossing() {
        // A figure eight through (1, 1).
        let eight = vec![
            [0.0, 0.0],
            [1.0, 1.0],
            [2.0, 0.0],
            [2.0, 2.0],
            [1.0, 1.0],
            [0.0, 2.0],
            [0.0, 0.0],
        ];
        assert!(self_intersection(&eight).is_some());
    }

    /// Every pair of segments, as the sweep must answer.
    fn naive(ring: &[LonLat]) -> Option<(usize, usize)> {
        let n = ring.len() - 1;
        let c = |p: LonLat| Coord { x: p[0], y: p[1] };
        let seg = |i: usize| Line::new(c(ring[i]), c(ring[i + 1]));
        let mut out = None;
        for i in 0..n {
            for j in i + 1..n {
                let adjacent = j == i + 1 || (i == 0 && j == n - 1);
                match geo::line_intersection::line_intersection(seg(i), seg(j)) {
                    Some(LineIntersection::Collinear { .. }) => {}
                    Some(_) if !adjacent => {}
                    _ => continue,
                }
                out = out.or(Some((i, j)));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_sweep_finds_the_first_crossing_as_a_scan_of_all_pairs_does(
            pts in proptest::collection::vec((0i32..6, 0i32..6), 3..9)
        ) {
            let mut ring: Vec<LonLat> = pts.iter().map(|&(x, y)| [x as f64, y as f64]).collect();
            ring.push(ring[0]);
            proptest::prop_assert_eq!(self_intersection(&ring), naive(&ring));
        }
    }
}
