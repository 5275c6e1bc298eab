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
use faultlines_core::model::{Event, Geometry, LonLat, Region, RegionKind, Sym};

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

use crate::banded::BandedArea;
use crate::geom::inside;

/// Distance in km from `p` to the geometry: 0 inside an area, else to its
/// nearest edge, vertex or point.
pub fn distance_km(p: LonLat, g: &Geometry) -> f64 {
    if inside(p, g) {
        return 0.0;
    }
    distance_outside_km(p, g)
}

/// Distance in km from `p` to the nearest edge, vertex or point of `g`,
/// for a point known not to be inside it.
fn distance_outside_km(p: LonLat, g: &Geometry) -> f64 {
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
    /// Each region's number in `regions`, by id.
    index: HashMap<&'a str, usize>,
    /// The first town (in the map's order) with each name, of any date.
    place_by_name: HashMap<&'a str, &'a Region>,
    shapes: &'a HashMap<String, (String, Geometry)>,
    /// Each area region's versions made ready once for many point tests
    /// ([`BandedArea`]), by region and version index: an import asks a
    /// million points of the same few hundred shapes.
    ready: Vec<Vec<Option<BandedArea>>>,
    /// Which area regions may hold a point, by the point's cell.
    grid: Grid,
}

impl<'a> Places<'a> {
    pub fn new(regions: &'a [Region], shapes: &'a HashMap<String, (String, Geometry)>) -> Self {
        let is_area = |r: &Region| !matches!(r.kind, RegionKind::Place | RegionKind::Line);
        let ready = regions
            .iter()
            .map(|r| {
                r.versions
                    .iter()
                    .map(|v| {
                        let (_, g) = shapes.get(&v.feature).filter(|_| is_area(r))?;
                        BandedArea::new(g)
                    })
                    .collect()
            })
            .collect();
        Places {
            regions,
            by_id: regions.iter().map(|r| (r.id.as_str(), r)).collect(),
            index: regions
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.as_str(), i))
                .collect(),
            place_by_name: place_names(regions),
            shapes,
            ready,
            grid: Grid::new(regions, is_area),
        }
    }

    fn shape_at(&self, r: &Region, t: DayNum) -> Option<&'a Geometry> {
        let v = r.version_at(t)?;
        self.shapes.get(&v.feature).map(|(_, g)| g)
    }

    /// Whether region number `i`'s area on day `t` holds `p` (as [`inside`]).
    fn holds(&self, i: usize, t: DayNum, p: LonLat) -> bool {
        let r = &self.regions[i];
        r.version_index_at(t).is_some_and(|v| {
            let b = r.versions[v].bbox;
            p[0] >= b[0]
                && p[0] <= b[2]
                && p[1] >= b[1]
                && p[1] <= b[3]
                && self.ready[i][v].as_ref().is_some_and(|a| a.holds(p))
        })
    }

    /// Areas in force on day `t` whose shape holds `p` (no margin), in the
    /// map's order.
    pub fn areas_holding(&self, p: LonLat, t: DayNum) -> Vec<&'a Region> {
        self.grid
            .candidates(p)
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| self.holds(i, t, p))
            .map(|i| &self.regions[i])
            .collect()
    }

    /// Distance in km from `p` to region `id` as it is on day `t`.
    pub fn distance(&self, p: LonLat, id: &str, t: DayNum) -> Option<f64> {
        let i = *self.index.get(id)?;
        let g = self.shape_at(&self.regions[i], t)?;
        Some(if self.holds(i, t, p) {
            0.0
        } else {
            distance_outside_km(p, g)
        })
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
        self.check_listing(e, &e.props.regions)
    }

    /// [`Places::check_event`] as if the event listed `regions`.
    fn check_listing(&self, e: &Event, regions: &[Sym]) -> Vec<PointCheck> {
        let t = e.props.start.nominal_first();
        marked_points(&e.geometry)
            .into_iter()
            .map(|p| {
                let holding = self.areas_holding(p, t);
                let listed = regions.iter().any(|r| self.accounts_for(p, r, t, &holding));
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
        self.problems_listing(e, &e.props.regions)
    }

    /// [`Places::event_problems`] as if the event listed `regions` (the
    /// import asks before it lists them, without copying the event).
    pub fn problems_listing(&self, e: &Event, regions: &[Sym]) -> Vec<String> {
        let mut out = self.point_problems(e, regions);
        out.extend(self.named_place_problems(e, regions));
        out
    }

    /// Marked points in regions the event does not list.
    fn point_problems(&self, e: &Event, regions: &[Sym]) -> Vec<String> {
        let mut out = Vec::new();
        for c in self.check_listing(e, regions) {
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
        out
    }

    /// Listed towns and named places with no point marked near them, and
    /// listed towns whose country is not listed, as if the event listed
    /// `regions`. The import lists every region holding a point, so it asks
    /// only this.
    pub fn named_place_problems(&self, e: &Event, regions: &[Sym]) -> Vec<String> {
        let t = e.props.start.nominal_first();
        let mut out = Vec::new();
        let pts = marked_points(&e.geometry);
        let near = |id: &str| {
            pts.iter().any(|&p| {
                self.distance(p, id, t)
                    .is_some_and(|d| d <= PLACE_RADIUS_KM)
            })
        };
        let listed = |c: &str| {
            regions.iter().any(|r| {
                r.as_str() == c
                    || self.by_id.get(r.as_str()).is_some_and(|x| {
                        x.kind == RegionKind::Province && x.country.as_deref() == Some(c)
                    })
            })
        };
        for id in regions {
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
            let town = self.place_by_name.get(name.as_str());
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

/// Every town's names (its own and each version's) to the town, the first
/// town in the map's order keeping a name two share.
fn place_names(regions: &[Region]) -> HashMap<&str, &Region> {
    let mut out = HashMap::new();
    for r in regions.iter().filter(|r| r.kind == RegionKind::Place) {
        for name in
            std::iter::once(r.name_en.as_str()).chain(r.versions.iter().map(|v| v.name_en.as_str()))
        {
            out.entry(name).or_insert(r);
        }
    }
    out
}

/// The area regions whose boxes (of any version) cover each one-degree
/// cell, in the map's order: a point is tested against a handful of
/// regions, not all of them.
struct Grid {
    cells: HashMap<(i32, i32), Vec<u32>>,
}

impl Grid {
    fn new(regions: &[Region], is_area: impl Fn(&Region) -> bool) -> Grid {
        let mut cells: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        for (i, r) in regions.iter().enumerate().filter(|(_, r)| is_area(r)) {
            for v in &r.versions {
                let [w, s, e, n] = v.bbox;
                if !(w.is_finite() && s.is_finite() && e.is_finite() && n.is_finite()) {
                    continue;
                }
                for x in cell(w)..=cell(e) {
                    for y in cell(s)..=cell(n) {
                        let list = cells.entry((x, y)).or_default();
                        if list.last() != Some(&(i as u32)) {
                            list.push(i as u32);
                        }
                    }
                }
            }
        }
        Grid { cells }
    }

    fn candidates(&self, p: LonLat) -> &[u32] {
        self.cells
            .get(&(cell(p[0]), cell(p[1])))
            .map_or(&[], Vec::as_slice)
    }
}

fn cell(v: f64) -> i32 {
    v.floor().clamp(-1000.0, 1000.0) as i32
}

fn sovereign_at(r: &Region, t: DayNum) -> Option<&str> {
    r.version_at(t).and_then(|v| v.sovereign.as_deref())
}

/// Every place problem of the dataset, naming the file and the id.
pub fn check(ds: &Dataset, shapes: &HashMap<String, (String, Geometry)>) -> Vec<Problem> {
    let places = Places::new(&ds.regions, shapes);
    let mut out = Vec::new();
    for e in ds.events.rows().map(|r| r.to_event()) {
        for m in places.event_problems(&e) {
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
