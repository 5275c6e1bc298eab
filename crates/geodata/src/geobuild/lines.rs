//! The lines of the map: the rivers `names.json` names (their parts merged
//! per name and checked against the countries they flow through), the
//! Isfara and the Lachin corridor.

use std::collections::BTreeMap;
use std::path::Path;

use super::names::{Names, River};
use super::sources::Water;
use super::{feature, Out};
use crate::error::GeodataError;
use crate::raw_layers::{read_features, Shape};
use crate::validate_places::distance_km;
use faultlines_core::model::{Geometry, LonLat, RegionKind};

/// Rivers may run along a border: this far outside the countries they flow
/// through, a vertex still counts as theirs.
const RIVER_MARGIN_KM: f64 = 15.0;

/// The named rivers and the two story lines; a river that strays from its
/// countries is a problem.
pub fn lines(
    src: &Path,
    names: &Names,
    countries: &[Out],
    problems: &mut Vec<String>,
) -> Result<Vec<Out>, GeodataError> {
    let mut rivers: BTreeMap<String, (Vec<Geometry>, f64)> = BTreeMap::new();
    for w in read_features::<Water>(src, "rivers")? {
        if names.rivers.contains_key(&w.name) {
            let e = rivers
                .entry(w.name)
                .or_insert((Vec::new(), crate::raw_layers::LEAST));
            e.0.push(w.geometry);
            e.1 = e.1.min(w.scalerank);
        }
    }
    let mut out = Vec::new();
    for (name, (parts, rank)) in rivers {
        let n = &names.rivers[&name];
        let g = merge_lines(parts);
        problems.extend(river_problems(&name, n, &g, countries));
        let mut o = feature(
            &n.id,
            RegionKind::Line,
            (&n.en, &n.ru),
            None,
            "lines",
            "river",
            g,
        );
        o.feature.rank = rank as u8;
        out.push(o);
    }
    for (id, file, kind, country) in [
        ("isfara", "isfara_river", "river", "TJK"),
        ("lachin-corridor", "lachin_corridor", "corridor", "AZE"),
    ] {
        let mut parts: Vec<Geometry> = read_features::<Shape>(src, file)?
            .into_iter()
            .map(|s| s.geometry)
            .filter(|g| matches!(g, Geometry::LineString(_)))
            .collect();
        if id == "lachin-corridor" {
            // Today's feature is the bypass road; the road before 26 Aug
            // 2022 is an earlier version (history.json).
            parts.drain(..parts.len() - 1);
        }
        let n = &names.lines[id];
        out.push(feature(
            id,
            RegionKind::Line,
            (&n.en, &n.ru),
            Some(country),
            "lines",
            kind,
            merge_lines(parts),
        ));
    }
    Ok(out)
}

fn merge_lines(parts: Vec<Geometry>) -> Geometry {
    let mut lines = Vec::new();
    for g in parts {
        match g {
            Geometry::LineString(l) => lines.push(l),
            Geometry::MultiLineString(ls) => lines.extend(ls),
            _ => {}
        }
    }
    Geometry::MultiLineString(lines)
}

/// A river whose line strays from the countries it is said to flow through,
/// or misses one of them, is another river of the same name.
fn river_problems(ne_name: &str, n: &River, g: &Geometry, countries: &[Out]) -> Vec<String> {
    let shapes: Vec<&Out> = countries
        .iter()
        .filter(|o| n.through.contains(&o.feature.id))
        .collect();
    let mut out = Vec::new();
    for c in &n.through {
        if !shapes.iter().any(|o| &o.feature.id == c) {
            out.push(format!(
                "names.json: river {ne_name}: {c} is not a country of the map"
            ));
        }
    }
    let near = |p: LonLat, o: &Out| distance_km(p, &o.feature.geometry) <= RIVER_MARGIN_KM;
    if let Some(p) = g.coords().find(|&&p| !shapes.iter().any(|o| near(p, o))) {
        out.push(format!(
            "names.json: river {ne_name} (shown as {}) has a point at [{:.2}, {:.2}], outside {}: it is not the river named",
            n.en,
            p[0],
            p[1],
            n.through.join(", ")
        ));
    }
    for o in &shapes {
        if !g.coords().any(|&p| near(p, o)) {
            out.push(format!(
                "names.json: river {ne_name} (shown as {}) never reaches {}",
                n.en, o.feature.id
            ));
        }
    }
    out
}
