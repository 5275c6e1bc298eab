//! Building a table from events (a GeoJSON story, the import, the
//! generator), and sorting one into the dataset's order.

use super::{EventTable, Rare};
use crate::date::{Date, DayNum};
use crate::model::*;

/// An event's fields other than its texts, as the builder and the Arrow
/// reader both have them: one way into the columns for both.
pub(super) struct Fields {
    pub kind: EventKind,
    pub start: Date,
    pub end: EventEnd,
    pub lo: DayNum,
    pub hi: DayNum,
    /// The last position; `shape` the whole geometry when more than a point.
    pub point: LonLat,
    pub shape: Option<Geometry>,
    pub regions: Few<Sym>,
    pub actors: Few<Sym>,
    pub sources: Few<Sym>,
    pub precision: Option<PlacePrecision>,
    pub rare: Rare,
}

impl EventTable {
    /// The table of `events`, in the order given.
    pub fn from_events(mut events: Vec<Event>) -> EventTable {
        let mut t = EventTable::default();
        t.reserve(events.len());
        // Taken from the front a quarter at a time, the rest moved down and
        // its buffer shrunk, so that a million events are never held both as
        // structs and as columns (the import's peak memory).
        while !events.is_empty() {
            let k = (events.len() / 4).max(1 << 16).min(events.len());
            for e in events.drain(..k) {
                t.push(e);
            }
            events.shrink_to_fit();
        }
        t
    }

    pub(super) fn reserve(&mut self, n: usize) {
        self.kinds.reserve_exact(n);
        self.starts.reserve_exact(n);
        self.ends.reserve_exact(n);
        self.lo.reserve_exact(n);
        self.hi.reserve_exact(n);
        self.points.reserve_exact(n);
        self.precision.reserve_exact(n);
    }

    /// Add `e` as the last event.
    pub fn push(&mut self, e: Event) {
        let p = e.props;
        self.ids.push(&p.id);
        self.titles.push(&p.title);
        self.descriptions.push(&p.description);
        self.places.push_row(p.places.iter().map(String::as_str));
        self.excerpts
            .push_row(p.excerpts.iter().map(String::as_str));
        self.push_fields(Fields {
            kind: p.kind,
            start: p.start,
            end: p.end,
            lo: e.lo,
            hi: e.hi,
            point: e.geometry.coords().last().copied().unwrap_or([0.0, 0.0]),
            shape: (!matches!(e.geometry, Geometry::Point(_))).then_some(e.geometry),
            regions: p.regions,
            actors: p.actors,
            sources: p.sources,
            precision: p.place_precision,
            rare: Rare {
                participants: p.participants,
                absent: p.absent,
                cancelled: p.cancelled,
                discrepancies: p.discrepancies,
                i18n: p.i18n,
            },
        });
    }

    /// Add an event's fields other than its texts (which the caller adds).
    pub(super) fn push_fields(&mut self, f: Fields) {
        let i = self.len() as u32;
        if let Some(g) = f.shape {
            self.add_shape(i, g);
        }
        self.kinds.push(f.kind);
        self.starts.push(f.start);
        self.ends.push(f.end);
        self.lo.push(f.lo);
        self.hi.push(f.hi);
        self.points.push(f.point);
        self.regions.push(f.regions);
        self.actors.push(f.actors);
        self.sources.push(f.sources);
        self.precision.push(f.precision);
        if !f.rare.is_empty() {
            self.rare.push((i, f.rare));
        }
    }

    /// Whether the events are in the dataset's order: by first day, last
    /// day, then id.
    pub fn is_sorted(&self) -> bool {
        (1..self.len()).all(|i| self.key(i - 1) <= self.key(i))
    }

    fn key(&self, i: usize) -> (i32, i32, &str) {
        (self.lo[i], self.hi[i], self.ids.get(i))
    }

    /// The same events in the dataset's order (ids are unique in a valid
    /// story, so the order is fully determined; ties keep their order).
    pub fn sorted(self) -> EventTable {
        if self.is_sorted() {
            return self;
        }
        let mut order: Vec<u32> = (0..self.len() as u32).collect();
        order.sort_by(|&a, &b| self.key(a as usize).cmp(&self.key(b as usize)));
        let mut t = EventTable::default();
        t.reserve(self.len());
        for i in order {
            t.push(self.get(i as usize));
        }
        t
    }
}
