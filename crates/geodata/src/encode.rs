//! Writing map layers in the compact format of [`faultlines_core::layer`]:
//! quantized to a grid, simplified, delta-encoded, each polygon kept valid on
//! the grid. Build-time work only; the app and the checks just decode.

use serde::{Deserialize, Serialize};

use crate::geom::simplify;
use faultlines_core::geo::self_intersection;
use faultlines_core::model::{Geometry, LonLat};

/// A feature to encode.
#[derive(Debug, Clone)]
pub struct LayerFeature {
    pub id: String,
    pub kind: String,
    pub geometry: Geometry,
    pub rank: u8,
}

#[derive(Serialize, Deserialize)]
struct FileOut {
    layer: String,
    lod: String,
    q: f64,
    features: Vec<FeatOut>,
}

#[derive(Serialize, Deserialize)]
struct FeatOut {
    id: String,
    k: String,
    r: u8,
    t: String,
    c: serde_json::Value,
}

fn quantize(ring: &[LonLat], q: f64) -> Vec<[i64; 2]> {
    let mut out: Vec<[i64; 2]> = Vec::with_capacity(ring.len());
    for p in ring {
        let g = [(p[0] / q).round() as i64, (p[1] / q).round() as i64];
        if out.last() != Some(&g) {
            out.push(g);
        }
    }
    out
}

fn run(points: &[[i64; 2]]) -> Vec<i64> {
    let mut v = Vec::with_capacity(points.len() * 2);
    let mut prev = [0, 0];
    for (i, p) in points.iter().enumerate() {
        if i == 0 {
            v.extend_from_slice(p);
        } else {
            v.push(p[0] - prev[0]);
            v.push(p[1] - prev[1]);
        }
        prev = *p;
    }
    v
}

/// Remove the back-and-forth spikes (A, B, A) that snapping to the grid can
/// leave in a closed ring, until none is left.
fn remove_spikes(g: &mut Vec<[i64; 2]>) {
    loop {
        if g.len() < 4 {
            return;
        }
        g.pop(); // work on the open ring
        let n = g.len();
        let mut out: Vec<[i64; 2]> = Vec::with_capacity(n);
        let mut changed = false;
        for i in 0..n {
            let (prev, cur, next) = (g[(i + n - 1) % n], g[i], g[(i + 1) % n]);
            let cross =
                (cur[0] - prev[0]) * (next[1] - cur[1]) - (cur[1] - prev[1]) * (next[0] - cur[0]);
            let dot =
                (cur[0] - prev[0]) * (next[0] - cur[0]) + (cur[1] - prev[1]) * (next[1] - cur[1]);
            if cur == prev || (cross == 0 && dot <= 0) {
                changed = true;
                continue;
            }
            out.push(cur);
        }
        if let Some(&first) = out.first() {
            out.push(first);
        }
        *g = out;
        if !changed {
            return;
        }
    }
}

/// Simplify and quantize a closed ring; halve the tolerance until it does not
/// cross itself. `None` when the ring collapses (a speck at this scale).
fn encode_ring(ring: &[LonLat], tol: f64, q: f64) -> Option<Vec<[i64; 2]>> {
    let mut t = tol;
    loop {
        let mut g = quantize(&simplify(ring, t), q);
        if g.len() >= 2 && g.first() != g.last() {
            let first = g[0];
            g.push(first);
        }
        remove_spikes(&mut g);
        if g.len() < 4 {
            return None;
        }
        let as_f: Vec<LonLat> = g.iter().map(|p| [p[0] as f64, p[1] as f64]).collect();
        if t == 0.0 || self_intersection(&as_f).is_none() {
            return Some(g);
        }
        t = if t < tol / 64.0 { 0.0 } else { t / 2.0 };
    }
}

fn encode_polygon(rings: &[Vec<LonLat>], tol: f64, q: f64) -> Option<Vec<Vec<[i64; 2]>>> {
    let mut out = Vec::new();
    for (i, r) in rings.iter().enumerate() {
        match encode_ring(r, tol, q) {
            Some(g) => out.push(g),
            None if i == 0 => return None,
            None => {}
        }
    }
    Some(out)
}

/// Polygons as runs, after making what snapping broke valid again; where
/// that fails, simplified less, down to not at all.
fn polygon_runs(polys: &[Vec<Vec<LonLat>>], tol: f64, q: f64) -> Vec<Vec<Vec<i64>>> {
    let encode = |t: f64| -> crate::shape::GridPolygons {
        let mut ps: crate::shape::GridPolygons = polys
            .iter()
            .filter_map(|p| encode_polygon(p, t, q))
            .collect();
        if ps.is_empty() {
            // Keep at least the largest part, at full precision.
            if let Some(big) = polys
                .iter()
                .max_by(|a, b| area(&a[0]).total_cmp(&area(&b[0])))
            {
                ps.extend(encode_polygon(big, 0.0, q));
            }
        }
        ps
    };
    let mut t = tol;
    let ps = loop {
        match crate::shape::valid_on_grid(encode(t)) {
            Ok(ps) => break ps,
            Err(ps) if t == 0.0 => break ps,
            Err(_) => t = if t < tol / 8.0 { 0.0 } else { t / 4.0 },
        }
    };
    ps.iter()
        .map(|p| p.iter().map(|r| run(r)).collect())
        .collect()
}

fn encode_line(line: &[LonLat], tol: f64, q: f64) -> Option<Vec<i64>> {
    let g = quantize(&simplify(line, tol), q);
    (g.len() >= 2).then(|| run(&g))
}

fn area(ring: &[LonLat]) -> f64 {
    ring.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
        .abs()
        / 2.0
}

/// Encode features into a layer file.
pub fn encode_layer(
    layer: &str,
    lod: &str,
    features: &[&LayerFeature],
    tol: f64,
    q: f64,
) -> Vec<u8> {
    let mut out = FileOut {
        layer: layer.into(),
        lod: lod.into(),
        q,
        features: Vec::new(),
    };
    for f in features {
        let (t, c) = match &f.geometry {
            Geometry::Point(p) => ("Point", serde_json::json!(run(&quantize(&[*p], q)))),
            Geometry::MultiPoint(v) => ("MultiPoint", serde_json::json!(run(&quantize(v, q)))),
            Geometry::LineString(l) => match encode_line(l, tol, q) {
                Some(r) => ("LineString", serde_json::json!(r)),
                None => continue,
            },
            Geometry::MultiLineString(ls) => {
                let runs: Vec<Vec<i64>> =
                    ls.iter().filter_map(|l| encode_line(l, tol, q)).collect();
                if runs.is_empty() {
                    continue;
                }
                ("MultiLineString", serde_json::json!(runs))
            }
            Geometry::Polygon(rings) => {
                match polygon_runs(std::slice::from_ref(rings), tol, q).as_slice() {
                    [] => continue,
                    [one] => ("Polygon", serde_json::json!(one)),
                    many => ("MultiPolygon", serde_json::json!(many)),
                }
            }
            Geometry::MultiPolygon(polys) => match polygon_runs(polys, tol, q) {
                ps if ps.is_empty() => continue,
                ps => ("MultiPolygon", serde_json::json!(ps)),
            },
        };
        out.features.push(FeatOut {
            id: f.id.clone(),
            k: f.kind.clone(),
            r: f.rank,
            t: t.into(),
            c,
        });
    }
    let mut bytes = serde_json::to_vec(&out).expect("serializable");
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use faultlines_core::layer::decode_layer;

    #[test]
    fn round_trips_within_a_grid_step() {
        let ring = vec![
            [70.0, 40.0],
            [71.234, 40.0],
            [71.234, 41.5],
            [70.0, 41.5],
            [70.0, 40.0],
        ];
        let f = LayerFeature {
            id: "x".into(),
            kind: "country".into(),
            geometry: Geometry::Polygon(vec![ring.clone()]),
            rank: 0,
        };
        let bytes = encode_layer("countries", "detail", &[&f], 0.0, 0.001);
        let d = decode_layer(&bytes).unwrap();
        let Geometry::Polygon(r) = &d[0].geometry else {
            panic!()
        };
        for (a, b) in r[0].iter().zip(&ring) {
            assert!((a[0] - b[0]).abs() <= 0.0005 + 1e-9 && (a[1] - b[1]).abs() <= 0.0005 + 1e-9);
        }
    }
}
