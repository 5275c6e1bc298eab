//! Events: what happened, where and when, as `events.geojson` holds them,
//! and the streaming reader that parses a million of them without keeping
//! the features twice.

use super::*;

/// What sort of thing happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Exercise,
    Deployment,
    Withdrawal,
    Conflict,
    Blockade,
    Summit,
    Treaty,
    Statement,
    Diplomacy,
    Membership,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 11] = [
        EventKind::Exercise,
        EventKind::Deployment,
        EventKind::Withdrawal,
        EventKind::Conflict,
        EventKind::Blockade,
        EventKind::Summit,
        EventKind::Treaty,
        EventKind::Statement,
        EventKind::Diplomacy,
        EventKind::Membership,
        EventKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Exercise => "exercise",
            EventKind::Deployment => "deployment",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Conflict => "conflict",
            EventKind::Blockade => "blockade",
            EventKind::Summit => "summit",
            EventKind::Treaty => "treaty",
            EventKind::Statement => "statement",
            EventKind::Diplomacy => "diplomacy",
            EventKind::Membership => "membership",
            EventKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How an event ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "date", rename_all = "lowercase")]
pub enum EventEnd {
    /// A one-off: it ends within its start date.
    Instant,
    /// It ends at this date.
    At(Date),
    /// It has not ended (or the end is unknown and still running).
    Open,
}

/// A note where the article and the sources disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Discrepancy {
    pub note: String,
    pub sources: Vec<String>,
    /// The note in other languages (`{"ru": "…"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<String>>,
}

/// A member that stayed away from, or refused, an exercise or summit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Absence {
    /// ISO 3166-1 alpha-3 code.
    pub actor: String,
    pub note: String,
    /// The note in other languages (`{"ru": "…"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<String>>,
}

/// An event's title and description in a language other than English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventText {
    pub title: String,
    pub description: String,
}

/// A dated event of the story: the properties of a feature in `events.geojson`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EventProps {
    pub id: Box<str>,
    pub title: Box<str>,
    pub description: Box<str>,
    pub kind: EventKind,
    pub start: Date,
    pub end: EventEnd,
    /// Names of the places the geometry marks, in order.
    #[serde(default)]
    pub places: Few<String>,
    /// Map regions the event concerns (ids of `regions.json`).
    #[serde(default)]
    pub regions: Few<Sym>,
    /// ISO 3166 codes (withdrawn ones for historical states) and organization ids.
    #[serde(default)]
    pub actors: Few<Sym>,
    /// For exercises and summits: who took part.
    #[serde(default)]
    pub participants: Few<Sym>,
    /// For exercises and summits: members who stayed away or refused.
    #[serde(default)]
    pub absent: Few<Absence>,
    /// Set when a planned event did not take place.
    #[serde(default)]
    pub cancelled: Option<Date>,
    /// Excerpt ids the event relates to.
    #[serde(default)]
    pub excerpts: Few<String>,
    pub sources: Few<Sym>,
    #[serde(default)]
    pub discrepancies: Few<Discrepancy>,
    /// How precisely the place is known, when the source says (UCDP's
    /// `where_prec`, ACLED's `geo_precision`); absent means as drawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub place_precision: Option<PlacePrecision>,
    /// The title and description in other languages
    /// (`{"ru": {"title": …, "description": …}}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<EventText>>,
}

/// How precisely an event's place is known: the point may stand for a
/// wider area, which the map and the panel say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PlacePrecision {
    /// The very place (a town, a village).
    Exact,
    /// Near it: within about 25 km.
    Near,
    /// Somewhere in a district (second-order division).
    District,
    /// Somewhere in a province (first-order division).
    Province,
    /// Along a road, river or front line.
    Line,
    /// Somewhere in the country.
    Country,
    /// At sea or in the air, outside any country.
    Sea,
}

/// A story event with its geometry, as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Event {
    #[serde(flatten)]
    pub props: EventProps,
    pub geometry: Geometry,
    /// First day the event may cover (start's earliest day).
    pub lo: DayNum,
    /// Last day it may cover (end's latest day; [`OPEN_END`] when open).
    pub hi: DayNum,
}

impl Event {
    /// An event from its feature, with its day span worked out from its dates.
    /// An end before the start is kept as given (validation reports it) and
    /// the span then covers the start only.
    pub fn new(props: EventProps, geometry: Geometry) -> Event {
        let (lo, hi) = event_span(props.start, props.end);
        Event {
            props,
            geometry,
            lo,
            hi,
        }
    }
}

/// The days an event with these dates may cover: from the start's earliest
/// day to the end's latest ([`OPEN_END`] when open). An end before the
/// start is kept as given (validation reports it); the span then covers the
/// start only.
pub fn event_span(start: Date, end: EventEnd) -> (DayNum, DayNum) {
    let hi = match end {
        EventEnd::Instant => start.latest(),
        EventEnd::At(end) => end.latest().max(start.latest()),
        EventEnd::Open => OPEN_END,
    };
    (start.earliest(), hi)
}

/// Event positions sorted by id: lookups by id by binary search, and duplicate
/// ids side by side, without a set holding a copy of every id (a million ids
/// are tens of megabytes).
#[derive(Debug, Clone, Default)]
pub struct IdOrder(Vec<u32>);

/// Events that can be looked up by id: a list of [`Event`]s or the
/// columns of a story.
pub trait EventIds {
    fn count(&self) -> usize;
    fn id_at(&self, i: usize) -> &str;
}

impl EventIds for [Event] {
    fn count(&self) -> usize {
        self.len()
    }
    fn id_at(&self, i: usize) -> &str {
        &self[i].props.id
    }
}

impl IdOrder {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn new<E: EventIds + ?Sized>(events: &E) -> IdOrder {
        // Sorted by each id's first 16 bytes as a number, which orders them
        // as the bytes do and settles most comparisons without reading the
        // strings again (a million string sorts took a third of a second).
        let prefix = |id: &str| {
            let mut b = [0u8; 16];
            let n = id.len().min(16);
            b[..n].copy_from_slice(&id.as_bytes()[..n]);
            u128::from_be_bytes(b)
        };
        let mut v: Vec<(u128, u32)> = (0..events.count() as u32)
            .map(|i| (prefix(events.id_at(i as usize)), i))
            .collect();
        v.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| events.id_at(a.1 as usize).cmp(events.id_at(b.1 as usize)))
        });
        IdOrder(v.into_iter().map(|(_, i)| i).collect())
    }

    /// The position of the event with `id` in `events` (those it was built from).
    pub fn find<E: EventIds + ?Sized>(&self, events: &E, id: &str) -> Option<usize> {
        self.0
            .binary_search_by(|&i| events.id_at(i as usize).cmp(id))
            .ok()
            .map(|k| self.0[k] as usize)
    }

    /// Ids that more than one event of `events` has (each once per extra copy).
    pub fn duplicates<'a, E: EventIds + ?Sized>(
        &'a self,
        events: &'a E,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.0.windows(2).filter_map(move |w| {
            let id = events.id_at(w[0] as usize);
            (id == events.id_at(w[1] as usize)).then_some(id)
        })
    }
}

/// `events.geojson` parsed straight into [`Event`]s, feature by feature, so
/// that a million-event file never exists twice in memory (as features, then
/// as events).
#[derive(Debug, Clone, Deserialize)]
pub struct EventCollection {
    #[serde(rename = "type")]
    pub kind: CollectionTag,
    pub features: EventList,
}

/// The events of an [`EventCollection`].
#[derive(Debug, Clone, Default)]
pub struct EventList(pub Vec<Event>);

impl<'de> Deserialize<'de> for EventList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<EventList, D::Error> {
        struct Features;
        impl<'de> serde::de::Visitor<'de> for Features {
            type Value = EventList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of GeoJSON features")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<EventList, A::Error> {
                let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(f) = seq.next_element::<Feature<EventProps>>()? {
                    v.push(Event::new(f.properties, f.geometry));
                }
                v.shrink_to_fit();
                Ok(EventList(v))
            }
        }
        d.deserialize_seq(Features)
    }
}

/// The day number used for "still going": far enough in the future for any slider.
pub const OPEN_END: DayNum = 2_932_896; // 9999-12-31
