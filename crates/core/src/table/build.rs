//! Building a table from events (a GeoJSON story, the import, the
//! generator), and sorting one into the dataset's order.

use super::{EventTable, Rare};
use crate::model::*;

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
        let i = self.len() as u32;
        let p = e.props;
        self.ids.push(&p.id);
        self.titles.push(&p.title);
        self.descriptions.push(&p.description);
        self.kinds.push(p.kind);
        self.starts.push(p.start);
        self.ends.push(p.end);
        self.lo.push(e.lo);
        self.hi.push(e.hi);
        self.points
            .push(e.geometry.coords().last().copied().unwrap_or([0.0, 0.0]));
        if !matches!(e.geometry, Geometry::Point(_)) {
            self.add_shape(i, e.geometry);
        }
        self.places.push_row(p.places.iter().map(String::as_str));
        self.excerpts
            .push_row(p.excerpts.iter().map(String::as_str));
        self.regions.push(p.regions);
        self.actors.push(p.actors);
        self.sources.push(p.sources);
        self.precision.push(p.place_precision);
        let rare = Rare {
            participants: p.participants,
            absent: p.absent,
            cancelled: p.cancelled,
            discrepancies: p.discrepancies,
        };
        if !rare.is_empty() {
            self.rare.push((i, rare));
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
