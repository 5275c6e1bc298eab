//! The story's events held as columns: one vector per field instead of one
//! struct per event.
//!
//! A million events as structs cost about 430 MiB (each carries a dozen
//! fields, most of them empty lists, and three boxed strings) and took
//! seconds to read from GeoJSON. As columns, the strings of a field share
//! one buffer, the day numbers the index needs lie side by side, the lists
//! of regions, actors and sources (a few hundred distinct lists for a
//! million events) are numbers into a table of lists, and what only a few
//! events have (participants, absences, notes, translations) is kept aside
//! for those few.
//! The same columns are what `story/events.arrow` holds (see [`ipc`]), so
//! reading a story is a copy, not a parse.
//!
//! Queries read fields through [`Row`] without building an [`Event`]; an
//! `Event` is built only for what an answer returns ([`EventTable::get`]).

mod build;
mod decode;
mod guard;
pub mod ipc;
mod lists;
mod read;
mod row;
mod sizes;
pub mod wkb;

pub use lists::{SymLists, TextLists, Texts};
pub use row::{EventFields, Row};

use crate::date::{Date, DayNum};
use crate::model::*;

/// What only a few events have: kept beside the columns, by event position.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rare {
    pub participants: Few<Sym>,
    pub absent: Few<Absence>,
    pub cancelled: Option<Date>,
    pub discrepancies: Few<Discrepancy>,
    /// The title and description in other languages.
    pub i18n: Option<Translations<EventText>>,
}

impl Rare {
    fn is_empty(&self) -> bool {
        self.participants.is_empty()
            && self.absent.is_empty()
            && self.cancelled.is_none()
            && self.discrepancies.is_empty()
            && self.i18n.is_none()
    }
}

/// The events of a story, as columns, in the dataset's order (by first day,
/// last day, then id).
#[derive(Debug, Clone, Default)]
pub struct EventTable {
    pub(crate) ids: Texts,
    pub(crate) titles: Texts,
    pub(crate) descriptions: Texts,
    pub(crate) kinds: Vec<EventKind>,
    pub(crate) starts: Vec<Date>,
    pub(crate) ends: Vec<EventEnd>,
    pub(crate) lo: Vec<DayNum>,
    pub(crate) hi: Vec<DayNum>,
    /// Each event's last position: the place of a point, the destination of
    /// a movement. The whole geometry of the others is in `shapes`.
    pub(crate) points: Vec<LonLat>,
    /// Geometries other than a single point, by event position (sorted).
    pub(crate) shapes: Vec<(u32, Geometry)>,
    /// One bit per event: whether it has a geometry in `shapes`.
    pub(crate) shaped: Vec<u64>,
    pub(crate) places: TextLists,
    pub(crate) excerpts: TextLists,
    pub(crate) regions: SymLists,
    pub(crate) actors: SymLists,
    pub(crate) sources: SymLists,
    pub(crate) precision: Vec<Option<PlacePrecision>>,
    /// Participants, absences, cancellations, notes and translations, by
    /// event position (sorted).
    pub(crate) rare: Vec<(u32, Rare)>,
}

impl EventTable {
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The fields of event `i`, read in place.
    pub fn row(&self, i: usize) -> Row<'_> {
        Row { t: self, i }
    }

    /// Every event's fields, in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Row<'_>> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Event `i` whole, as the API returns it.
    pub fn get(&self, i: usize) -> Event {
        self.row(i).to_event()
    }

    /// Every event whole (for small stories, tools and tests: a million
    /// events this way take as much memory as before the columns).
    pub fn to_vec(&self) -> Vec<Event> {
        self.rows().map(|r| r.to_event()).collect()
    }

    /// Event `i`'s id.
    pub fn id(&self, i: usize) -> &str {
        self.ids.get(i)
    }

    /// Event `i`'s title.
    pub fn title(&self, i: usize) -> &str {
        self.titles.get(i)
    }

    pub fn lo(&self) -> &[DayNum] {
        &self.lo
    }

    pub fn hi(&self) -> &[DayNum] {
        &self.hi
    }

    /// Each event's last position (see the field).
    pub fn points(&self) -> &[LonLat] {
        &self.points
    }

    /// The distinct lists of sources the events cite.
    pub fn source_lists(&self) -> &[Few<Sym>] {
        self.sources.distinct()
    }

    /// Give event `i` the regions `regions` (the import lists them once the
    /// events are read).
    pub fn set_regions(&mut self, i: usize, regions: Few<Sym>) {
        self.regions.set(i, regions);
    }

    /// Drop the place names of the events for which `keep` says no.
    pub fn retain_places(&mut self, keep: impl Fn(usize) -> bool) {
        self.places = self.places.filtered(keep);
    }

    pub(crate) fn add_shape(&mut self, i: u32, g: Geometry) {
        let w = i as usize / 64;
        if self.shaped.len() <= w {
            self.shaped.resize(w + 1, 0);
        }
        self.shaped[w] |= 1 << (i % 64);
        self.shapes.push((i, g));
    }

    fn rare(&self, i: usize) -> Option<&Rare> {
        self.rare
            .binary_search_by_key(&(i as u32), |(k, _)| *k)
            .ok()
            .map(|k| &self.rare[k].1)
    }

    fn shape(&self, i: usize) -> Option<&Geometry> {
        // Most events are points: one bit says so without a search.
        if self
            .shaped
            .get(i / 64)
            .is_none_or(|w| w & (1 << (i % 64)) == 0)
        {
            return None;
        }
        self.shapes
            .binary_search_by_key(&(i as u32), |(k, _)| *k)
            .ok()
            .map(|k| &self.shapes[k].1)
    }
}

impl EventIds for EventTable {
    fn count(&self) -> usize {
        self.len()
    }
    fn id_at(&self, i: usize) -> &str {
        self.ids.get(i)
    }
}

impl From<Vec<Event>> for EventTable {
    fn from(events: Vec<Event>) -> EventTable {
        EventTable::from_events(events)
    }
}
