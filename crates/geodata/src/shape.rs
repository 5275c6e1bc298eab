//! Shapes as the `geo` crate sees them: the boolean operations that build
//! historical borders from today's units (the GDR from five Länder and East
//! Berlin, the Karabakh lines from districts), the outline of a union of
//! states, areas on the ellipsoid, and the OGC validity rules that
//! `faultlines check` applies to every shipped polygon.
//!
//! The story's own [`Geometry`] stays the wire type (it is what GeoJSON and
//! the layers carry); this module converts at its edges so that no other
//! module needs to know the `geo` types.

use geo::{BooleanOps, Coord, GeodesicArea, LineString, MultiPolygon, Orient, Polygon, Validation};

use faultlines_core::model::{Geometry, LonLat};

/// The frame every source layer is clipped to (the core's, which the UI shares).
pub const FRAME: [f64; 4] = faultlines_core::layer::REGIONAL_FRAME;

fn ring(r: &[LonLat]) -> LineString<f64> {
    LineString::from(
        r.iter()
            .map(|p| Coord { x: p[0], y: p[1] })
            .collect::<Vec<_>>(),
    )
}

fn polygon(rings: &[Vec<LonLat>]) -> Option<Polygon<f64>> {
    let (outer, inner) = rings.split_first()?;
    Some(Polygon::new(
        ring(outer),
        inner.iter().map(|r| ring(r)).collect(),
    ))
}

/// The polygons of a geometry (`None` for points and lines).
pub fn to_geo(g: &Geometry) -> Option<MultiPolygon<f64>> {
    match g {
        Geometry::Polygon(p) => Some(MultiPolygon::new(polygon(p).into_iter().collect())),
        Geometry::MultiPolygon(ps) => Some(MultiPolygon::new(
            ps.iter().filter_map(|p| polygon(p)).collect(),
        )),
        _ => None,
    }
}

fn coords(l: &LineString<f64>) -> Vec<LonLat> {
    l.0.iter().map(|c| [c.x, c.y]).collect()
}

/// Back to a GeoJSON geometry, wound as RFC 7946 asks (exteriors
/// counter-clockwise, holes clockwise).
pub fn from_geo(mp: &MultiPolygon<f64>) -> Geometry {
    let mp = mp.orient(geo::orient::Direction::Default);
    Geometry::MultiPolygon(
        mp.0.iter()
            .map(|p| {
                std::iter::once(coords(p.exterior()))
                    .chain(p.interiors().iter().map(coords))
                    .collect()
            })
            .collect(),
    )
}

/// The union of several shapes.
pub fn union_all(parts: &[MultiPolygon<f64>]) -> MultiPolygon<f64> {
    geo::unary_union(parts.iter())
}

pub fn intersection(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    a.intersection(b)
}

pub fn difference(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    a.difference(b)
}

/// Length of a ring in km, on a local equirectangular approximation (good
/// to a few per cent at the frame's latitudes, which is all sliver removal needs).
fn ring_km(r: &LineString<f64>) -> f64 {
    r.lines()
        .map(|l| crate::validate_places::km([l.start.x, l.start.y], [l.end.x, l.end.y]))
        .sum()
}

fn ring_area_km2(r: &LineString<f64>) -> f64 {
    Polygon::new(r.clone(), vec![]).geodesic_area_unsigned() / 1e6
}

/// Drop the slivers that boolean operations between layers of different
/// sources leave along borders that the sources draw a few hundred metres
/// apart: parts and holes whose mean width (twice the area over the
/// perimeter) is under `min_width_km`.
pub fn drop_slivers(mp: MultiPolygon<f64>, min_width_km: f64) -> MultiPolygon<f64> {
    let wide = |r: &LineString<f64>| {
        let p = ring_km(r);
        p > 0.0 && 2.0 * ring_area_km2(r) / p >= min_width_km
    };
    MultiPolygon::new(
        mp.0.into_iter()
            .filter(|p| wide(p.exterior()))
            .map(|p| {
                let (ext, holes) = p.into_inner();
                Polygon::new(ext, holes.into_iter().filter(|h| wide(h)).collect())
            })
            .collect(),
    )
}

/// Area on the WGS84 ellipsoid, in km².
pub fn area_km2(mp: &MultiPolygon<f64>) -> f64 {
    mp.geodesic_area_unsigned() / 1e6
}

fn on_frame(a: Coord<f64>, b: Coord<f64>) -> bool {
    let eq = |x: f64, y: f64| (x - y).abs() < 1e-6;
    [FRAME[0], FRAME[2]]
        .iter()
        .any(|&x| eq(a.x, x) && eq(b.x, x))
        || [FRAME[1], FRAME[3]]
            .iter()
            .any(|&y| eq(a.y, y) && eq(b.y, y))
}

/// The boundary of a shape as lines, leaving out the stretches that run
/// along the frame's edges: they are where the sources were clipped, not
/// borders, and must not be stroked.
pub fn outline(mp: &MultiPolygon<f64>) -> Geometry {
    let mut lines: Vec<Vec<LonLat>> = Vec::new();
    for p in &mp.0 {
        for r in std::iter::once(p.exterior()).chain(p.interiors()) {
            let mut ring_lines: Vec<Vec<LonLat>> = Vec::new();
            let mut cur: Vec<LonLat> = Vec::new();
            let mut cut = false;
            for seg in r.lines() {
                if on_frame(seg.start, seg.end) {
                    cut = true;
                    if cur.len() >= 2 {
                        ring_lines.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    continue;
                }
                if cur.is_empty() {
                    cur.push([seg.start.x, seg.start.y]);
                }
                cur.push([seg.end.x, seg.end.y]);
            }
            if cur.len() >= 2 {
                ring_lines.push(cur);
            }
            // A ring cut by the frame that starts mid-border: its last
            // stretch runs on into its first.
            let first_cut = r.lines().next().is_some_and(|s| on_frame(s.start, s.end));
            let last_cut = r.lines().last().is_some_and(|s| on_frame(s.start, s.end));
            if cut && !first_cut && !last_cut && ring_lines.len() >= 2 {
                let first = ring_lines.remove(0);
                let last = ring_lines.last_mut().expect("two or more");
                last.extend_from_slice(&first[1..]);
            }
            lines.extend(ring_lines);
        }
    }
    Geometry::MultiLineString(lines)
}

/// Polygons on an integer grid (rings of `[x, y]` grid positions, closed),
/// as the layer encoder makes them.
pub type GridPolygons = Vec<Vec<Vec<[i64; 2]>>>;

fn grid_to_geo(ps: &GridPolygons) -> MultiPolygon<f64> {
    let ring = |r: &Vec<[i64; 2]>| {
        LineString::from(
            r.iter()
                .map(|p| Coord {
                    x: p[0] as f64,
                    y: p[1] as f64,
                })
                .collect::<Vec<_>>(),
        )
    };
    MultiPolygon::new(
        ps.iter()
            .filter(|p| !p.is_empty())
            .map(|p| Polygon::new(ring(&p[0]), p[1..].iter().map(ring).collect()))
            .collect(),
    )
}

fn geo_to_grid(mp: &MultiPolygon<f64>) -> GridPolygons {
    let ring = |l: &LineString<f64>| {
        let mut out: Vec<[i64; 2]> = Vec::with_capacity(l.0.len());
        for c in &l.0 {
            let p = [c.x.round() as i64, c.y.round() as i64];
            if out.last() != Some(&p) {
                out.push(p);
            }
        }
        out
    };
    let mp = mp.orient(geo::orient::Direction::Default);
    mp.0.iter()
        .filter_map(|p| {
            let ext = ring(p.exterior());
            (ext.len() >= 4).then(|| {
                std::iter::once(ext)
                    .chain(p.interiors().iter().map(ring).filter(|r| r.len() >= 4))
                    .collect()
            })
        })
        .collect()
}

/// One repair step: every shell minus its holes, all united. Boolean
/// operations resolve rings that cross or touch themselves, parts that
/// overlap and holes pushed across their shell; their output is then
/// snapped to the grid again.
fn repair_step(ps: &GridPolygons) -> GridPolygons {
    let parts: Vec<MultiPolygon<f64>> = grid_to_geo(ps)
        .0
        .into_iter()
        .map(|p| {
            let (ext, holes) = p.into_inner();
            let shell = MultiPolygon::new(vec![Polygon::new(ext, vec![])]);
            if holes.is_empty() {
                return geo::unary_union(shell.0.iter());
            }
            let holes =
                MultiPolygon::new(holes.into_iter().map(|h| Polygon::new(h, vec![])).collect());
            shell.difference(&holes)
        })
        .collect();
    geo_to_grid(&union_all(&parts))
}

/// Make polygons that snapping to a grid left invalid (a ring pinched
/// onto itself, two parts overlapping, a hole across its shell) valid
/// again, a few repair steps over. Valid input comes back unchanged; `Err`
/// holds the last try when it stays invalid.
pub fn valid_on_grid(mut ps: GridPolygons) -> Result<GridPolygons, GridPolygons> {
    for _ in 0..6 {
        if grid_to_geo(&ps).is_valid() {
            return Ok(ps);
        }
        ps = repair_step(&ps);
    }
    // Last resort: a hole too small to survive snapping (a village enclave
    // a few hundred metres across) is left out rather than ship invalid.
    let mp = grid_to_geo(&ps);
    if !mp.is_valid() {
        let kept: Vec<Polygon<f64>> =
            mp.0.into_iter()
                .map(|p| {
                    let (ext, holes) = p.into_inner();
                    let ok: Vec<LineString<f64>> = holes
                        .into_iter()
                        .filter(|h| Polygon::new(ext.clone(), vec![h.clone()]).is_valid())
                        .collect();
                    Polygon::new(ext, ok)
                })
                .collect();
        ps = geo_to_grid(&MultiPolygon::new(kept));
    }
    if grid_to_geo(&ps).is_valid() {
        Ok(ps)
    } else {
        Err(ps)
    }
}

/// Why a polygonal geometry breaks the OGC rules (rings that cross or
/// touch themselves, holes outside their shell, parts that overlap), one
/// sentence each; empty when it is valid or not polygonal.
pub fn invalidity(g: &Geometry) -> Vec<String> {
    match to_geo(g) {
        Some(mp) => mp
            .validation_errors()
            .iter()
            .map(|e| e.to_string())
            .collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, s: f64) -> Geometry {
        Geometry::Polygon(vec![vec![
            [x, y],
            [x + s, y],
            [x + s, y + s],
            [x, y + s],
            [x, y],
        ]])
    }

    #[test]
    fn two_halves_unite_into_the_whole_and_a_difference_gives_one_back() {
        let a = to_geo(&square(20.0, 30.0, 1.0)).unwrap();
        let b = to_geo(&square(21.0, 30.0, 1.0)).unwrap();
        let whole = union_all(&[a.clone(), b.clone()]);
        let back = difference(&whole, &b);
        assert!((area_km2(&whole) - area_km2(&a) - area_km2(&b)).abs() < 1e-4 * area_km2(&whole));
        assert!((area_km2(&back) - area_km2(&a)).abs() < 1e-4 * area_km2(&a));
        assert!(invalidity(&from_geo(&whole)).is_empty());
    }

    #[test]
    fn an_outline_leaves_out_the_frame_edges() {
        let clipped = to_geo(&square(90.0, 40.0, 5.0)).unwrap(); // its east side is lon 95
        let Geometry::MultiLineString(lines) = outline(&clipped) else {
            panic!("an outline is lines");
        };
        assert_eq!(lines.len(), 1);
        assert!(lines[0]
            .windows(2)
            .all(|w| !(w[0][0] == 95.0 && w[1][0] == 95.0)));
    }

    #[test]
    fn a_bow_tie_is_invalid_and_says_why() {
        let bow = Geometry::Polygon(vec![vec![
            [0.0, 0.0],
            [1.0, 1.0],
            [1.0, 0.0],
            [0.0, 1.0],
            [0.0, 0.0],
        ]]);
        let why = invalidity(&bow);
        assert!(!why.is_empty(), "{why:?}");
    }
}
