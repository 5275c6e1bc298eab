//! Places where their names are: every point an event marks lies in a
//! region the event lists, at the event's date; every place the event names
//! is marked on it; every town lies in the country it is filed under.
//!
//! These are the checks a reader makes by eye ("why is Minsk outside
//! Belarus?") made by the machine, on the same detail shapes that
//! `faultlines map --at` exports. Border towns get a margin, because the
//! shapes are simplified and a town's centre point can sit a few hundred
//! metres on the wrong side of a generalized border.

use std::collections::HashMap;

use faultlines_core::dataset::{Dataset, Problem};
use faultlines_core::date::DayNum;
use faultlines_core::model::{Event, Geometry, LonLat, Region, RegionKind};

/// A point this close to a listed region's edge counts as in it.
pub const BORDER_MARGIN_KM: f64 = 3.0;
/// A listed town is marked when a point is this close to it (cities are
/// wide, and sources put a city's centre a few kilometres apart).
pub const PLACE_RADIUS_KM: f64 = 10.0;

/// How each marked point of one event stands against its regions.
#[derive(Debug, Clone, PartialEq)]
pub struct PointCheck {
    pub at: LonLat,
    /// Regions in force at the event's start whose shape holds the point.
    pub within: Vec<String>,
    /// Whether a listed region holds it (or a listed town or line is at it).
    pub listed: bool,
}

/// Distance in km between two nearby points (equirectangular; exact enough
/// for the few kilometres these checks measure, and for sliver widths).
pub fn km(a: LonLat, b: LonLat) -> f64 {
    let k = ((a[1] + b[1]) / 2.0).to_radians().cos();
    let (dx, dy) = ((a[0] - b[0]) * k, a[1] - b[1]);
    (dx * dx + dy * dy).sqrt() * 111.32
}

fn seg_km(p: LonLat, a: LonLat, b: LonLat) -> f64 {
    let k = p[1].to_radians().cos();
    let s = |q: LonLat| [q[0] * k, q[1]];
    crate::geom::seg_dist(s(p), s(a), s(b)) * 111.32
}

use crate::geom::inside;

/// Distance in km from `p` to the geometry: 0 inside an area, else to its
/// nearest edge, vertex or point.
pub fn distance_km(p: LonLat, g: &Geometry) -> f64 {
    if inside(p, g) {
        return 0.0;
    }
    let runs: Vec<&[LonLat]> = match g {
        Geometry::Point(q) => return km(p, *q),
        Geometry::MultiPoint(qs) => {
            return qs.iter().map(|q| km(p, *q)).fold(f64::INFINITY, f64::min)
        }
        Geometry::LineString(l) => vec![l],
        Geometry::MultiLineString(ls) | Geometry::Polygon(ls) => {
            ls.iter().map(Vec::as_slice).collect()
        }
        Geometry::MultiPolygon(ps) => ps.iter().flatten().map(Vec::as_slice).collect(),
    };
    runs.iter()
        .flat_map(|r| r.windows(2))
        .map(|w| seg_km(p, w[0], w[1]))
        .fold(f64::INFINITY, f64::min)
}

/// The points an event marks: each point, and each end of each line (a
/// line's middle is only its path).
pub fn marked_points(g: &Geometry) -> Vec<LonLat> {
    match g {
        Geometry::Point(p) => vec![*p],
        Geometry::MultiPoint(ps) => ps.clone(),
        Geometry::LineString(l) => ends(l),
        Geometry::MultiLineString(ls) => ls.iter().flat_map(|l| ends(l)).collect(),
        Geometry::Polygon(_) | Geometry::MultiPolygon(_) => vec![],
    }
}

fn ends(l: &[LonLat]) -> Vec<LonLat> {
    match l {
        [] => vec![],
        [a] => vec![*a],
        [a, .., b] => vec![*a, *b],
    }
}

/// The shapes of the map, by feature id, and a way to ask them.
pub struct Places<'a> {
    regions: &'a [Region],
    by_id: HashMap<&'a str, &'a Region>,
    shapes: &'a HashMap<String, (String, Geometry)>,
}

impl<'a> Places<'a> {
    pub fn new(regions: &'a [Region], shapes: &'a HashMap<String, (String, Geometry)>) -> Self {
        Places {
            regions,
            by_id: regions.iter().map(|r| (r.id.as_str(), r)).collect(),
            shapes,
        }
    }

    fn shape_at(&self, r: &Region, t: DayNum) -> Option<&'a Geometry> {
        let v = r.version_at(t)?;
        self.shapes.get(&v.feature).map(|(_, g)| g)
    }

    /// Areas in force on day `t` whose shape holds `p` (no margin).
    pub fn areas_holding(&self, p: LonLat, t: DayNum) -> Vec<&'a Region> {
        self.regions
            .iter()
            .filter(|r| !matches!(r.kind, RegionKind::Place | RegionKind::Line))
            .filter(|r| {
                let b = r.version_at(t).map_or(r.bbox, |v| v.bbox);
                p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3]
            })
            .filter(|r| self.shape_at(r, t).is_some_and(|g| inside(p, g)))
            .collect()
    }

    /// Distance in km from `p` to region `id` as it is on day `t`.
    pub fn distance(&self, p: LonLat, id: &str, t: DayNum) -> Option<f64> {
        let r = self.by_id.get(id)?;
        Some(distance_km(p, self.shape_at(r, t)?))
    }

    /// Whether area `id` (listed by an event) holds point `p` on day `t`,
    /// within the border margin, given the areas that hold `p` (`holding`).
    /// A listed town or line does not excuse a point: the town itself must
    /// lie in a listed area, so that a town drawn on the wrong side of a
    /// border is found. A union drawn as an outline (the Soviet Union) holds
    /// what its republics hold: a point in the Russian SFSR is in the USSR.
    fn accounts_for(&self, p: LonLat, id: &str, t: DayNum, holding: &[&Region]) -> bool {
        let area = self
            .by_id
            .get(id)
            .is_some_and(|r| !matches!(r.kind, RegionKind::Place | RegionKind::Line));
        area && self
            .distance(p, id, t)
            .is_some_and(|d| d <= BORDER_MARGIN_KM)
            || holding.iter().any(|a| sovereign_at(a, t) == Some(id))
    }

    /// The countries a town is in on day `t`: the one it is filed under
    /// while that country is on the map, else the countries whose shape of
    /// the day holds it; each with its sovereign of the day.
    fn town_countries(&self, town: &Region, t: DayNum) -> Vec<&'a str> {
        let filed = town
            .country
            .as_deref()
            .and_then(|c| self.by_id.get(c))
            .filter(|c| c.in_force(t));
        let countries: Vec<&'a Region> = match filed {
            Some(c) => vec![c],
            None => self
                .areas_holding(town.anchor, t)
                .into_iter()
                .filter(|a| a.kind == RegionKind::Country)
                .collect(),
        };
        countries
            .iter()
            .flat_map(|c| std::iter::once(c.id.as_str()).chain(sovereign_at(c, t)))
            .collect()
    }

    /// Each marked point of the event, against the regions it lists.
    pub fn check_event(&self, e: &Event) -> Vec<PointCheck> {
        let t = e.props.start.nominal_first();
        marked_points(&e.geometry)
            .into_iter()
            .map(|p| {
                let holding = self.areas_holding(p, t);
                let listed = e
                    .props
                    .regions
                    .iter()
                    .any(|r| self.accounts_for(p, r, t, &holding));
                let within: Vec<String> = holding.iter().map(|r| r.id.clone()).collect();
                PointCheck {
                    at: p,
                    within,
                    listed,
                }
            })
            .collect()
    }

    /// Problems of one event: a marked point in no region it lists (points
    /// off the map, in no region at all, are let be), and a listed town or a
    /// named place with no point marked at it.
    pub fn event_problems(&self, e: &Event) -> Vec<String> {
        let t = e.props.start.nominal_first();
        let mut out = Vec::new();
        let pts = marked_points(&e.geometry);
        for c in self.check_event(e) {
            if !c.listed && !c.within.is_empty() {
                out.push(format!(
                    "point [{}, {}] lies in {} on {}, and the event lists none of them (list where it happened)",
                    c.at[0],
                    c.at[1],
                    c.within.join(", "),
                    e.props.start
                ));
            }
        }
        let near = |id: &str| {
            pts.iter().any(|&p| {
                self.distance(p, id, t)
                    .is_some_and(|d| d <= PLACE_RADIUS_KM)
            })
        };
        let listed = |c: &str| {
            e.props.regions.iter().any(|r| {
                r.as_str() == c
                    || self.by_id.get(r.as_str()).is_some_and(|x| {
                        x.kind == RegionKind::Province && x.country.as_deref() == Some(c)
                    })
            })
        };
        for id in &e.props.regions {
            let Some(town) = self
                .by_id
                .get(id.as_str())
                .filter(|r| r.kind == RegionKind::Place)
            else {
                continue;
            };
            if !near(id) {
                out.push(format!(
                    "lists the town {id:?} but marks no point within {PLACE_RADIUS_KM} km of it"
                ));
            }
            let countries = self.town_countries(town, t);
            if !countries.is_empty() && !countries.iter().any(|c| listed(c)) {
                out.push(format!(
                    "lists the town {id:?}, which is in {} on {}, but not that country (list where it happened)",
                    countries.join(" of "),
                    e.props.start
                ));
            }
        }
        for name in &e.props.places {
            let town = self.regions.iter().find(|r| {
                r.kind == RegionKind::Place
                    && (r.name_en == *name || r.versions.iter().any(|v| v.name_en == *name))
            });
            if let Some(r) = town.filter(|r| !near(&r.id)) {
                out.push(format!(
                    "names the place {name:?} ({}) but marks no point within {PLACE_RADIUS_KM} km of it",
                    r.id
                ));
            }
        }
        out
    }

    /// A town filed under a country it does not lie in (today's shapes).
    pub fn town_problem(&self, r: &Region) -> Option<String> {
        let c = r.country.as_deref()?;
        let v = r.versions.last()?;
        let t = v.lo.max(v.hi.saturating_sub(1));
        let d = self.distance(r.anchor, c, t)?;
        (d > BORDER_MARGIN_KM).then(|| {
            let holding: Vec<String> = self
                .areas_holding(r.anchor, t)
                .iter()
                .filter(|a| a.kind == RegionKind::Country)
                .map(|a| a.id.clone())
                .collect();
            format!(
                "town at [{}, {}] is filed under {c}, but lies {d:.0} km outside it (in {})",
                r.anchor[0],
                r.anchor[1],
                if holding.is_empty() {
                    "no country".to_string()
                } else {
                    holding.join(", ")
                }
            )
        })
    }
}

fn sovereign_at(r: &Region, t: DayNum) -> Option<&str> {
    r.version_at(t).and_then(|v| v.sovereign.as_deref())
}

/// Every place problem of the dataset, naming the file and the id.
pub fn check(ds: &Dataset, shapes: &HashMap<String, (String, Geometry)>) -> Vec<Problem> {
    let places = Places::new(&ds.regions, shapes);
    let mut out = Vec::new();
    for e in &ds.events {
        for m in places.event_problems(e) {
            out.push(Problem {
                file: "story/events.geojson".into(),
                id: Some(e.props.id.to_string()),
                message: m,
            });
        }
    }
    for r in ds.regions.iter().filter(|r| r.kind == RegionKind::Place) {
        if let Some(m) = places.town_problem(r) {
            out.push(Problem {
                file: "map/regions.json".into(),
                id: Some(r.id.clone()),
                message: m,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_marks_its_two_ends_not_its_path() {
        let g = Geometry::MultiLineString(vec![
            vec![[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]],
            vec![[5.0, 5.0], [6.0, 6.0]],
        ]);
        assert_eq!(
            marked_points(&g),
            vec![[0.0, 0.0], [2.0, 2.0], [5.0, 5.0], [6.0, 6.0]]
        );
    }

    #[test]
    fn distance_is_zero_inside_and_kilometres_outside() {
        let sq = Geometry::Polygon(vec![vec![
            [0.0, 0.0],
            [1.0, 0.0],
            [1.0, 1.0],
            [0.0, 1.0],
            [0.0, 0.0],
        ]]);
        assert_eq!(distance_km([0.5, 0.5], &sq), 0.0);
        // A tenth of a degree east of the edge at the equator: about 11 km.
        let d = distance_km([1.1, 0.5], &sq);
        assert!((d - 11.1).abs() < 0.2, "{d}");
    }
}
