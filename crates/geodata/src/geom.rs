//! The geometry of the map build and its checks, on the `geo` crate and
//! georust's `polylabel`: simplification (Douglas–Peucker), label points,
//! point-in-area and point-to-segment distance. What is ours is only how the
//! map files store the results (rounded to 1e-4°, about 10 m) and the
//! conversion from the story's GeoJSON-shaped [`Geometry`].

use geo::{
    BoundingRect, Contains, Coord, Distance, Euclidean, InteriorPoint, Line, LineString, Simplify,
};

use faultlines_core::geo::{bounds, polygon, to_geo};
use faultlines_core::model::{Geometry, LonLat};

fn coord(p: LonLat) -> Coord<f64> {
    Coord { x: p[0], y: p[1] }
}

/// Douglas–Peucker simplification of a run of positions (keeps the first
/// and last; a closed ring keeps at least four).
pub fn simplify(points: &[LonLat], tol: f64) -> Vec<LonLat> {
    let line = LineString::from(points.iter().map(|&p| coord(p)).collect::<Vec<_>>());
    line.simplify(tol).0.iter().map(|c| [c.x, c.y]).collect()
}

/// Distance from `p` to segment `ab`, in the units of the coordinates.
pub fn seg_dist(p: LonLat, a: LonLat, b: LonLat) -> f64 {
    Euclidean.distance(coord(p), &Line::new(coord(a), coord(b)))
}

/// Whether an area of `g` holds `p` (not on its edge, not in a hole).
pub fn inside(p: LonLat, g: &Geometry) -> bool {
    if !matches!(g, Geometry::Polygon(_) | Geometry::MultiPolygon(_)) {
        return false;
    }
    // Most shapes asked are far from the point: a glance at the positions
    // says so without building the shape.
    let (mut left, mut right, mut below, mut above) = (false, false, false, false);
    for q in g.coords() {
        left |= q[0] <= p[0];
        right |= q[0] >= p[0];
        below |= q[1] <= p[1];
        above |= q[1] >= p[1];
    }
    left && right && below && above && to_geo(g).contains(&geo::Point(coord(p)))
}

/// A good place for a label: for an area, its pole of inaccessibility
/// (polylabel: the inner point farthest from the edge) in the largest part;
/// for lines and points, `geo`'s interior point (a vertex near the middle).
pub fn label_point(g: &Geometry) -> LonLat {
    let largest = match g {
        Geometry::Polygon(p) => Some(p),
        Geometry::MultiPolygon(ps) => ps
            .iter()
            .max_by(|a, b| ring_area(&a[0]).total_cmp(&ring_area(&b[0]))),
        _ => None,
    };
    if let Some(rings) = largest {
        let poly = polygon(rings);
        // A hundredth of the part's size is finer than a label can show.
        let size = poly
            .bounding_rect()
            .map_or(0.0, |r| r.width().max(r.height()));
        let tolerance = (size / 100.0).max(1e-6);
        if let Ok(p) = polylabel::polylabel(&poly, &tolerance) {
            return [p.x(), p.y()];
        }
    }
    let p = to_geo(g)
        .interior_point()
        .expect("a geometry with positions has an interior point");
    [p.x(), p.y()]
}

fn ring_area(r: &[LonLat]) -> f64 {
    r.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
        .abs()
        / 2.0
}

/// The bounding box to 1e-4 degree, as the map files store it.
pub fn bbox_of(g: &Geometry) -> [f64; 4] {
    bounds(g).map(|x| (x * 1e4).round() / 1e4)
}

/// A point rounded to 1e-4 degree (about 10 m), as the map files store it.
pub fn round(p: LonLat) -> LonLat {
    [(p[0] * 1e4).round() / 1e4, (p[1] * 1e4).round() / 1e4]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Geometry {
        Geometry::Polygon(vec![vec![
            [0.0, 0.0],
            [4.0, 0.0],
            [4.0, 4.0],
            [0.0, 4.0],
            [0.0, 0.0],
        ]])
    }

    #[test]
    fn a_square_is_labelled_at_its_centre() {
        let p = label_point(&square());
        assert!(
            (p[0] - 2.0).abs() < 0.05 && (p[1] - 2.0).abs() < 0.05,
            "{p:?}"
        );
    }

    #[test]
    fn a_crescent_is_labelled_inside_it_not_at_its_centroid() {
        // A U shape: its centroid lies in the gap.
        let u = Geometry::Polygon(vec![vec![
            [0.0, 0.0],
            [6.0, 0.0],
            [6.0, 6.0],
            [4.0, 6.0],
            [4.0, 2.0],
            [2.0, 2.0],
            [2.0, 6.0],
            [0.0, 6.0],
            [0.0, 0.0],
        ]]);
        assert!(inside(label_point(&u), &u));
    }

    #[test]
    fn lines_are_labelled_on_a_vertex() {
        let l = Geometry::LineString(vec![[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]]);
        assert_eq!(label_point(&l), [1.0, 1.0]);
    }

    #[test]
    fn simplification_keeps_ends_and_drops_what_is_within_tolerance() {
        let run = [[0.0, 0.0], [1.0, 0.01], [2.0, 0.0], [3.0, 1.0]];
        assert_eq!(
            simplify(&run, 0.1),
            vec![[0.0, 0.0], [2.0, 0.0], [3.0, 1.0]]
        );
    }

    #[test]
    fn holes_and_edges_are_not_inside() {
        let donut = Geometry::Polygon(vec![
            vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]],
            vec![[1.0, 1.0], [3.0, 1.0], [3.0, 3.0], [1.0, 3.0], [1.0, 1.0]],
        ]);
        assert!(inside([0.5, 0.5], &donut));
        assert!(!inside([2.0, 2.0], &donut));
        assert!(!inside([9.0, 2.0], &donut));
        assert_eq!(seg_dist([1.0, 1.0], [0.0, 0.0], [2.0, 0.0]), 1.0);
    }
}
