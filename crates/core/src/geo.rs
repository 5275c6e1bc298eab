//! Geometry checks and the transforms of the geodata build.
//!
//! Rings must be closed, have at least four positions and not cross
//! themselves; crossing tests use a uniform grid so that a ring of tens of
//! thousands of vertices is checked in linear-ish time rather than quadratic.

use std::collections::HashMap;

use crate::model::{Geometry, LonLat};

/// Problems with the rings of one polygon, as messages.
pub fn check_rings(rings: &[Vec<LonLat>]) -> Vec<String> {
    let mut out = Vec::new();
    if rings.is_empty() {
        out.push("polygon has no rings".into());
    }
    for (i, ring) in rings.iter().enumerate() {
        let which = if i == 0 {
            "exterior ring".to_string()
        } else {
            format!("hole {i}")
        };
        if ring.len() < 4 {
            out.push(format!(
                "{which} has {} positions; a ring needs at least 4",
                ring.len()
            ));
            continue;
        }
        if ring.first() != ring.last() {
            out.push(format!(
                "{which} is not closed (first and last positions differ)"
            ));
            continue;
        }
        if let Some((a, b)) = self_intersection(ring) {
            out.push(format!(
                "{which} crosses itself near [{:.4}, {:.4}] (segments {a} and {b})",
                ring[a][0], ring[a][1]
            ));
        }
    }
    out
}

fn orient(a: LonLat, b: LonLat, c: LonLat) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

fn on_segment(a: LonLat, b: LonLat, p: LonLat) -> bool {
    p[0] >= a[0].min(b[0])
        && p[0] <= a[0].max(b[0])
        && p[1] >= a[1].min(b[1])
        && p[1] <= a[1].max(b[1])
}

/// Whether closed segments ab and cd share a point.
pub fn segments_intersect(a: LonLat, b: LonLat, c: LonLat, d: LonLat) -> bool {
    let (d1, d2, d3, d4) = (
        orient(c, d, a),
        orient(c, d, b),
        orient(a, b, c),
        orient(a, b, d),
    );
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        return true;
    }
    (d1 == 0.0 && on_segment(c, d, a))
        || (d2 == 0.0 && on_segment(c, d, b))
        || (d3 == 0.0 && on_segment(a, b, c))
        || (d4 == 0.0 && on_segment(a, b, d))
}

/// [west, south, east, north] of a ring's positions.
pub fn ring_bbox(ring: &[LonLat]) -> [f64; 4] {
    ring.iter()
        .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| {
            [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ]
        })
}

/// The first pair of non-adjacent segments of a closed ring that touch or cross.
pub fn self_intersection(ring: &[LonLat]) -> Option<(usize, usize)> {
    let n = ring.len() - 1; // segments
    if n < 3 {
        return None;
    }
    let [minx, miny, maxx, maxy] = ring_bbox(ring);
    let cells = ((n as f64).sqrt().ceil() as usize).clamp(1, 512);
    let cw = ((maxx - minx) / cells as f64).max(1e-12);
    let ch = ((maxy - miny) / cells as f64).max(1e-12);
    let cell = |x: f64, y: f64| {
        (
            ((x - minx) / cw).floor().clamp(0.0, (cells - 1) as f64) as usize,
            ((y - miny) / ch).floor().clamp(0.0, (cells - 1) as f64) as usize,
        )
    };
    let mut grid: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for i in 0..n {
        let (a, b) = (ring[i], ring[i + 1]);
        let (x0, y0) = cell(a[0].min(b[0]), a[1].min(b[1]));
        let (x1, y1) = cell(a[0].max(b[0]), a[1].max(b[1]));
        for x in x0..=x1 {
            for y in y0..=y1 {
                grid.entry((x, y)).or_default().push(i);
            }
        }
    }
    let mut best: Option<(usize, usize)> = None;
    for segs in grid.values() {
        for (k, &i) in segs.iter().enumerate() {
            for &j in &segs[k + 1..] {
                let (i, j) = (i.min(j), i.max(j));
                // Adjacent segments share an endpoint by construction.
                if j == i + 1 || (i == 0 && j == n - 1) {
                    continue;
                }
                if segments_intersect(ring[i], ring[i + 1], ring[j], ring[j + 1])
                    && best.is_none_or(|b| (i, j) < b)
                {
                    best = Some((i, j));
                }
            }
        }
    }
    best
}

/// Douglas–Peucker simplification (keeps the first and last positions).
pub fn simplify(points: &[LonLat], tol: f64) -> Vec<LonLat> {
    if points.len() < 3 || tol <= 0.0 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0usize, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut best, mut idx) = (0.0, a);
        for i in a + 1..b {
            let d = seg_dist(points[i], points[a], points[b]);
            if d > best {
                best = d;
                idx = i;
            }
        }
        if best > tol {
            keep[idx] = true;
            stack.push((a, idx));
            stack.push((idx, b));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

/// Distance from `p` to segment `ab`, in degrees.
pub fn seg_dist(p: LonLat, a: LonLat, b: LonLat) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    (x * x + y * y).sqrt()
}

/// Whether `p` is inside the closed ring (even–odd rule).
pub fn in_ring(p: LonLat, ring: &[LonLat]) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a[1] > p[1]) != (b[1] > p[1])
            && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
        {
            inside = !inside;
        }
    }
    inside
}

/// A good place for a label: for areas, a point well inside the largest part
/// (the best of a grid of candidates by distance to the edge); for lines, the
/// middle vertex of the longest part; for points, the point.
pub fn label_point(g: &crate::model::Geometry) -> LonLat {
    use crate::model::Geometry as G;
    let ring_area = |r: &[LonLat]| {
        r.windows(2)
            .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
            .sum::<f64>()
            .abs()
            / 2.0
    };
    let polys: Vec<&Vec<Vec<LonLat>>> = match g {
        G::Point(p) => return *p,
        G::MultiPoint(v) => return v[0],
        G::LineString(l) => return l[l.len() / 2],
        G::MultiLineString(ls) => {
            let longest = ls.iter().max_by_key(|l| l.len()).expect("non-empty");
            return longest[longest.len() / 2];
        }
        G::Polygon(p) => vec![p],
        G::MultiPolygon(ps) => ps.iter().collect(),
    };
    let poly = polys
        .into_iter()
        .max_by(|a, b| ring_area(&a[0]).total_cmp(&ring_area(&b[0])))
        .expect("non-empty");
    let ring = &poly[0];
    let [minx, miny, maxx, maxy] = ring_bbox(ring);
    let n = 24;
    let mut best = ([(minx + maxx) / 2.0, (miny + maxy) / 2.0], -1.0);
    for i in 0..=n {
        for j in 0..=n {
            let p = [
                minx + (maxx - minx) * i as f64 / n as f64,
                miny + (maxy - miny) * j as f64 / n as f64,
            ];
            if !in_ring(p, ring) || poly[1..].iter().any(|h| in_ring(p, h)) {
                continue;
            }
            let d = ring
                .windows(2)
                .map(|w| seg_dist(p, w[0], w[1]))
                .fold(f64::MAX, f64::min);
            if d > best.1 {
                best = (p, d);
            }
        }
    }
    best.0
}

/// The bounding box of a geometry, [west, south, east, north], exact.
pub fn bounds(g: &Geometry) -> [f64; 4] {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for p in g.coords() {
        b = [
            b[0].min(p[0]),
            b[1].min(p[1]),
            b[2].max(p[0]),
            b[3].max(p[1]),
        ];
    }
    b
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

    #[test]
    fn square_is_fine_bowtie_is_not() {
        let sq = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        assert!(check_rings(&[sq]).is_empty());
        let bow = vec![[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]];
        let m = check_rings(&[bow]);
        assert!(m[0].contains("crosses itself"), "{m:?}");
    }

    #[test]
    fn open_and_short_rings_are_named() {
        let open = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        assert!(check_rings(&[open])[0].contains("not closed"));
        let short = vec![[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]];
        assert!(check_rings(&[short])[0].contains("at least 4"));
    }
}
