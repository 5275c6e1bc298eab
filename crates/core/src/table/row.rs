//! One event's fields read where they lie, and the trait that lets the
//! checks and filters read an [`Event`] and a table row alike.
//!
//! The import checks each event as a struct as it reads it; a story opened
//! from columns is checked row by row. Both go through [`EventFields`], so
//! there is one set of checks, not two that could drift.

use std::borrow::Cow;

use super::EventTable;
use crate::date::{Date, DayNum};
use crate::model::*;

/// The fields the checks, filters and answers read.
pub trait EventFields {
    fn id(&self) -> &str;
    fn title(&self) -> &str;
    fn kind(&self) -> EventKind;
    fn start(&self) -> Date;
    fn end(&self) -> EventEnd;
    fn lo(&self) -> DayNum;
    fn hi(&self) -> DayNum;
    fn geometry(&self) -> Cow<'_, Geometry>;
    fn regions(&self) -> &[Sym];
    fn actors(&self) -> &[Sym];
    fn sources(&self) -> &[Sym];
    fn excerpts(&self) -> impl Iterator<Item = &str>;
    fn places(&self) -> impl Iterator<Item = &str>;
    fn discrepancies(&self) -> &[Discrepancy];
    fn absent(&self) -> &[Absence];
    /// The title and description in other languages.
    fn i18n(&self) -> Option<&Translations<EventText>>;
}

impl EventFields for Event {
    fn id(&self) -> &str {
        &self.props.id
    }
    fn title(&self) -> &str {
        &self.props.title
    }
    fn kind(&self) -> EventKind {
        self.props.kind
    }
    fn start(&self) -> Date {
        self.props.start
    }
    fn end(&self) -> EventEnd {
        self.props.end
    }
    fn lo(&self) -> DayNum {
        self.lo
    }
    fn hi(&self) -> DayNum {
        self.hi
    }
    fn geometry(&self) -> Cow<'_, Geometry> {
        Cow::Borrowed(&self.geometry)
    }
    fn regions(&self) -> &[Sym] {
        &self.props.regions
    }
    fn actors(&self) -> &[Sym] {
        &self.props.actors
    }
    fn sources(&self) -> &[Sym] {
        &self.props.sources
    }
    fn excerpts(&self) -> impl Iterator<Item = &str> {
        self.props.excerpts.iter().map(String::as_str)
    }
    fn places(&self) -> impl Iterator<Item = &str> {
        self.props.places.iter().map(String::as_str)
    }
    fn discrepancies(&self) -> &[Discrepancy] {
        &self.props.discrepancies
    }
    fn absent(&self) -> &[Absence] {
        &self.props.absent
    }
    fn i18n(&self) -> Option<&Translations<EventText>> {
        self.props.i18n.as_ref()
    }
}

/// Event `i` of a table, read in place.
#[derive(Clone, Copy)]
pub struct Row<'a> {
    pub(super) t: &'a EventTable,
    pub(super) i: usize,
}

impl<'a> Row<'a> {
    pub fn description(&self) -> &'a str {
        self.t.descriptions.get(self.i)
    }

    /// The event's last position (a movement's destination).
    pub fn point(&self) -> LonLat {
        self.t.points[self.i]
    }

    pub fn place_precision(&self) -> Option<PlacePrecision> {
        self.t.precision[self.i]
    }

    fn rare(&self) -> Option<&'a super::Rare> {
        self.t.rare(self.i)
    }

    /// The whole event, as the API returns it.
    pub fn to_event(&self) -> Event {
        let rare = self.rare().cloned().unwrap_or_default();
        let t = self.t;
        Event {
            props: EventProps {
                id: self.id().into(),
                title: self.title().into(),
                description: self.description().into(),
                kind: self.kind(),
                start: self.start(),
                end: self.end(),
                places: t.places.row(self.i).map(str::to_string).collect(),
                regions: t.regions.row(self.i).clone(),
                actors: t.actors.row(self.i).clone(),
                participants: rare.participants,
                absent: rare.absent,
                cancelled: rare.cancelled,
                excerpts: t.excerpts.row(self.i).map(str::to_string).collect(),
                sources: t.sources.row(self.i).clone(),
                discrepancies: rare.discrepancies,
                place_precision: self.place_precision(),
                i18n: rare.i18n,
            },
            geometry: self.geometry().into_owned(),
            lo: self.lo(),
            hi: self.hi(),
        }
    }
}

impl EventFields for Row<'_> {
    fn id(&self) -> &str {
        self.t.ids.get(self.i)
    }
    fn title(&self) -> &str {
        self.t.titles.get(self.i)
    }
    fn kind(&self) -> EventKind {
        self.t.kinds[self.i]
    }
    fn start(&self) -> Date {
        self.t.starts[self.i]
    }
    fn end(&self) -> EventEnd {
        self.t.ends[self.i]
    }
    fn lo(&self) -> DayNum {
        self.t.lo[self.i]
    }
    fn hi(&self) -> DayNum {
        self.t.hi[self.i]
    }
    fn geometry(&self) -> Cow<'_, Geometry> {
        match self.t.shape(self.i) {
            Some(g) => Cow::Borrowed(g),
            None => Cow::Owned(Geometry::Point(self.point())),
        }
    }
    fn regions(&self) -> &[Sym] {
        self.t.regions.row(self.i)
    }
    fn actors(&self) -> &[Sym] {
        self.t.actors.row(self.i)
    }
    fn sources(&self) -> &[Sym] {
        self.t.sources.row(self.i)
    }
    fn excerpts(&self) -> impl Iterator<Item = &str> {
        self.t.excerpts.row(self.i)
    }
    fn places(&self) -> impl Iterator<Item = &str> {
        self.t.places.row(self.i)
    }
    fn discrepancies(&self) -> &[Discrepancy] {
        self.rare().map_or(&[], |r| &r.discrepancies)
    }
    fn absent(&self) -> &[Absence] {
        self.rare().map_or(&[], |r| &r.absent)
    }
    fn i18n(&self) -> Option<&Translations<EventText>> {
        self.rare().and_then(|r| r.i18n.as_ref())
    }
}
