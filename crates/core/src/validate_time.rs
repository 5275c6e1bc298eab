//! Checks of geography through time: each region's versions follow one
//! another without overlap or gap, and everything that names a region
//! (events, memberships, excerpt links) names one that exists at its dates.
//!
//! These are the errors a historian notices first (the GDR painted in 2000,
//! the Czech Republic in 1968), so they are rejected at load like a broken
//! id, each with the file, the record and the dates.

use std::collections::HashMap;

use crate::dataset::{Excerpt, Problem};
use crate::date::{Date, DayNum};
use crate::model::{IdOrder, Membership, Region, FOREVER_BEFORE, OPEN_END};
use crate::table::{EventFields, EventTable};

const REGIONS: &str = "map/regions.json";
const EVENTS: &str = "story/events.geojson";
const EXCERPTS: &str = "story/excerpts.json";
const MEMBERSHIPS: &str = "story/memberships.json";

fn problem(file: &str, id: &str, message: String) -> Problem {
    Problem {
        file: file.into(),
        id: Some(id.into()),
        message,
    }
}

fn show(d: Option<Date>) -> String {
    d.map_or("the start of the record".into(), |d| d.to_string())
}

/// Versions in order, none ending before it starts, none overlapping the
/// next, no gap between one and the next.
pub fn versions(regions: &[Region]) -> Vec<Problem> {
    let mut out = Vec::new();
    for r in regions {
        if r.versions.is_empty() {
            out.push(problem(REGIONS, &r.id, "region has no versions".into()));
        }
        for v in &r.versions {
            let (lo, hi) = crate::model::RegionVersion::days(v.valid_from, v.valid_to);
            if (lo, hi) != (v.lo, v.hi) {
                out.push(problem(
                    REGIONS,
                    &r.id,
                    format!(
                        "version {:?} from {}: day numbers [{}, {}) do not match its dates",
                        v.name_en,
                        show(v.valid_from),
                        v.lo,
                        v.hi
                    ),
                ));
            }
            if v.hi <= v.lo {
                out.push(problem(
                    REGIONS,
                    &r.id,
                    format!(
                        "version {:?}: valid_to ({}) is not after valid_from ({})",
                        v.name_en,
                        v.valid_to.map_or("open".into(), |d| d.to_string()),
                        show(v.valid_from)
                    ),
                ));
            }
        }
        for w in r.versions.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let to = a.valid_to.map_or("open".into(), |d| d.to_string());
            if b.lo < a.hi {
                out.push(problem(
                    REGIONS,
                    &r.id,
                    format!(
                        "versions overlap in time: {:?} runs to {to}, {:?} starts {}",
                        a.name_en,
                        b.name_en,
                        show(b.valid_from)
                    ),
                ));
            } else if b.lo > a.hi {
                out.push(problem(
                    REGIONS,
                    &r.id,
                    format!(
                        "gap in time: {:?} ends {to}, {:?} starts only {}",
                        a.name_en,
                        b.name_en,
                        show(b.valid_from)
                    ),
                ));
            }
        }
    }
    out
}

/// Regions by id, and for each code the regions whose versions have it as
/// their sovereign.
pub struct InForce<'a> {
    by_id: HashMap<&'a str, &'a Region>,
    by_sovereign: HashMap<&'a str, Vec<&'a Region>>,
}

impl<'a> InForce<'a> {
    pub fn new(regions: &'a [Region]) -> InForce<'a> {
        InForce {
            by_id: regions.iter().map(|r| (r.id.as_str(), r)).collect(),
            by_sovereign: crate::model::parts_by_sovereign(regions),
        }
    }

    /// Whether region `id` is on the map on day `t` (unknown ids are reported elsewhere).
    pub fn region(&self, id: &str, t: DayNum) -> bool {
        self.by_id.get(id).is_none_or(|r| r.in_force(t))
    }

    /// Whether code `c` stands for something on the map on day `t`: a
    /// region of that id, or a region whose sovereign it is.
    pub fn code(&self, c: &str, t: DayNum) -> bool {
        self.by_id.get(c).is_some_and(|r| r.in_force(t))
            || self.by_sovereign.get(c).is_some_and(|rs| {
                rs.iter().any(|r| {
                    r.version_at(t)
                        .is_some_and(|v| v.sovereign.as_deref() == Some(c))
                })
            })
    }

    fn first_day(&self, id: &str) -> DayNum {
        self.by_id.get(id).map_or(FOREVER_BEFORE, |r| r.span().0)
    }
}

/// Events name regions in force when they begin; memberships name states
/// that exist at both ends of each period; an excerpt links no region that
/// came into being only after everything it tells of.
pub fn references(
    regions: &[Region],
    events: &EventTable,
    by_id: &IdOrder,
    memberships: &[Membership],
    excerpts: &[Excerpt],
) -> Vec<Problem> {
    let f = InForce::new(regions);
    let mut out = Vec::new();
    for e in events.rows() {
        let start = e.start().nominal_first();
        for r in e.regions() {
            if !f.region(r, start) {
                out.push(problem(
                    EVENTS,
                    e.id(),
                    format!(
                        "region {r:?} is not on the map on {} (the event's start)",
                        e.start()
                    ),
                ));
            }
        }
    }
    let event_span = |id: &str| {
        let e = events.row(by_id.find(events, id)?);
        Some((e.start().nominal_first(), e.hi()))
    };
    for m in memberships {
        let id = format!("{}/{}", m.org, m.country);
        for p in &m.periods {
            let mut ends = vec![(p.from.nominal_first(), p.from)];
            if let Some(to) = p.to {
                ends.push((to.nominal_last(), to));
            }
            for (t, d) in ends {
                if !f.code(&m.country, t) {
                    out.push(problem(
                        MEMBERSHIPS,
                        &id,
                        format!(
                            "{:?} is not on the map on {d} (period from {})",
                            m.country, p.from
                        ),
                    ));
                }
            }
        }
    }
    for x in excerpts {
        let last = x
            .events
            .iter()
            .filter_map(|e| event_span(e))
            .map(|(a, b)| if b == OPEN_END { a } else { b })
            .max();
        let Some(last) = last else { continue };
        // A region reached through a historical state it succeeded is, by
        // definition, not yet on the map when that state's events happen.
        let direct = x
            .links
            .iter()
            .filter(|l| l.reason != crate::relevance::LinkReason::Through)
            .map(|l| &l.region);
        for r in direct {
            if f.first_day(r) > last {
                out.push(problem(
                    EXCERPTS,
                    &x.id,
                    format!(
                        "links region {r:?}, which comes into being only after the events it tells of (last day {})",
                        Date::from_daynum(last)
                    ),
                ));
            }
        }
    }
    out
}
