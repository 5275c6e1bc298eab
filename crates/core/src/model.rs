//! The story's data model: what a dataset directory holds once parsed.
//!
//! The files are plain JSON and GeoJSON so that any GIS or script can open
//! them (see `geodata/README.md` for the layout). These types are also the
//! API's vocabulary: their TypeScript twins in `ui/src/api/bindings.ts` are
//! generated from them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::date::{Date, DayNum};

/// A longitude/latitude pair in degrees (WGS84), as in GeoJSON.
pub type LonLat = [f64; 2];

/// The GeoJSON geometries the story uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "coordinates")]
pub enum Geometry {
    Point(LonLat),
    MultiPoint(Vec<LonLat>),
    LineString(Vec<LonLat>),
    MultiLineString(Vec<Vec<LonLat>>),
    Polygon(Vec<Vec<LonLat>>),
    MultiPolygon(Vec<Vec<Vec<LonLat>>>),
}

impl Geometry {
    /// Every coordinate, in order.
    pub fn coords(&self) -> Box<dyn Iterator<Item = &LonLat> + '_> {
        match self {
            Geometry::Point(p) => Box::new(std::iter::once(p)),
            Geometry::MultiPoint(v) | Geometry::LineString(v) => Box::new(v.iter()),
            Geometry::MultiLineString(v) | Geometry::Polygon(v) => Box::new(v.iter().flatten()),
            Geometry::MultiPolygon(v) => Box::new(v.iter().flatten().flatten()),
        }
    }
}

/// A GeoJSON feature with typed properties.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Feature<P> {
    #[serde(rename = "type")]
    pub kind: FeatureTag,
    pub geometry: Geometry,
    pub properties: P,
}

/// A GeoJSON FeatureCollection with typed properties.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeatureCollection<P> {
    #[serde(rename = "type")]
    pub kind: CollectionTag,
    pub features: Vec<Feature<P>>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub enum FeatureTag {
    Feature,
}
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub enum CollectionTag {
    FeatureCollection,
}

/// Metadata of the source article. The text itself is `article.txt`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleMeta {
    pub title: String,
    pub author: String,
    /// When it was published, as precisely as known.
    pub date: Date,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// How the excerpts were chosen and linked, shown in the reading view.
    pub linking_note: String,
}

/// Dataset-level metadata (`dataset.json`).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DatasetMeta {
    pub title: String,
    pub description: String,
    /// Where the map layers and facts come from, for the attribution line.
    pub attribution: String,
    pub article: ArticleMeta,
}

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
}

/// A member that stayed away from, or refused, an exercise or summit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Absence {
    /// ISO 3166-1 alpha-3 code.
    pub actor: String,
    pub note: String,
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
        let lo = props.start.earliest();
        let hi = match props.end {
            EventEnd::Instant => props.start.latest(),
            EventEnd::At(end) => end.latest().max(props.start.latest()),
            EventEnd::Open => OPEN_END,
        };
        Event {
            props,
            geometry,
            lo,
            hi,
        }
    }
}

/// Event positions sorted by id: lookups by id by binary search, and duplicate
/// ids side by side, without a set holding a copy of every id (a million ids
/// are tens of megabytes).
#[derive(Debug, Clone, Default)]
pub struct IdOrder(Vec<u32>);

impl IdOrder {
    pub fn new(events: &[Event]) -> IdOrder {
        let mut v: Vec<u32> = (0..events.len() as u32).collect();
        v.sort_unstable_by(|&a, &b| {
            events[a as usize]
                .props
                .id
                .cmp(&events[b as usize].props.id)
        });
        IdOrder(v)
    }

    /// The position of the event with `id` in `events` (those it was built from).
    pub fn find(&self, events: &[Event], id: &str) -> Option<usize> {
        self.0
            .binary_search_by(|&i| events[i as usize].props.id.as_ref().cmp(id))
            .ok()
            .map(|k| self.0[k] as usize)
    }

    /// Ids that more than one event of `events` has (each once per extra copy).
    pub fn duplicates<'a>(&'a self, events: &'a [Event]) -> impl Iterator<Item = &'a str> + 'a {
        self.0.windows(2).filter_map(move |w| {
            let id = &events[w[0] as usize].props.id;
            (*id == events[w[1] as usize].props.id).then_some(id.as_ref())
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

/// The state of a membership at some time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum MemberStatus {
    /// Full member (or party to the treaty).
    Member,
    /// Membership suspended by the organization or the member.
    Suspended,
    /// Participation frozen by the member, formally still in.
    Frozen,
    Observer,
}

/// One interval of a country's status in an organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MembershipPeriod {
    pub from: Date,
    /// `None`: still so today.
    pub to: Option<Date>,
    pub status: MemberStatus,
    pub note: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub discrepancies: Vec<Discrepancy>,
}

/// A country's history in one organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Membership {
    pub org: String,
    /// ISO 3166-1 alpha-3 (withdrawn codes for historical states).
    pub country: String,
    pub periods: Vec<MembershipPeriod>,
}

/// An alliance or grouping whose membership the map can show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub short: String,
    pub founded: Date,
    pub dissolved: Option<Date>,
    pub sources: Vec<String>,
}

/// How heated a dispute is, for styling; the words are in [`DisputePeriod::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DisputeLevel {
    Calm,
    Tense,
    Fighting,
    Blocked,
    Settled,
}

/// One step of a dispute's status timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DisputePeriod {
    pub from: Date,
    pub level: DisputeLevel,
    /// e.g. "open under Russian peacekeepers", "blockaded".
    pub status: String,
    pub sources: Vec<String>,
}

/// A border dispute or contested corridor: the properties of a feature in `disputes.geojson`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DisputeProps {
    pub id: String,
    pub name: String,
    pub description: String,
    pub parties: Vec<String>,
    pub regions: Vec<String>,
    pub timeline: Vec<DisputePeriod>,
    /// Event ids of its incidents.
    pub incidents: Vec<String>,
}

/// A dispute with its geometry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dispute {
    #[serde(flatten)]
    pub props: DisputeProps,
    pub geometry: Geometry,
}

/// A span of the article as stored in `excerpts.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExcerptSpec {
    pub id: String,
    /// Offset of the first character, counted in Unicode scalar values.
    pub start: usize,
    /// Offset one past the last character.
    pub end: usize,
    /// The quoted text; must equal the article at `start..end`.
    pub text: String,
    /// Event ids this passage is about, the one it is chiefly about first.
    #[serde(default)]
    pub events: Vec<String>,
    /// Region links added by hand on top of the gazetteer's.
    #[serde(default)]
    pub add_regions: Vec<String>,
    /// Gazetteer links removed by hand.
    #[serde(default)]
    pub remove_regions: Vec<String>,
    /// Marked as about the story in general, with no place of its own.
    #[serde(default)]
    pub general: bool,
    /// Notes on what this sentence says (not on its events).
    #[serde(default)]
    pub notes: Vec<NoteSpec>,
}

/// What a note on a sentence says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// The sentence is wrong; the note says what the sources say.
    Correction,
    /// The sentence may be right, but no source confirms it.
    Unverified,
    /// Right when written; overtaken by later events.
    Update,
    /// A typo kept verbatim; the display marks it `[sic]`.
    Sic,
}

/// A note on a sentence, as stored in `excerpts.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NoteSpec {
    pub kind: NoteKind,
    /// The words of the sentence the note is about; they must occur in it.
    pub quote: String,
    pub note: String,
    /// Required for every kind but `sic`, whose evidence is the text itself.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// What sort of map feature a region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    Country,
    Province,
    Disputed,
    Line,
    Place,
    /// A state drawn as the outline of its parts (the USSR, Yugoslavia).
    Union,
}

/// A clickable feature of the map (`regions.json`, written by the geodata build).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Region {
    pub id: String,
    pub kind: RegionKind,
    pub name_en: String,
    pub name_ru: String,
    /// The country it lies in (ISO alpha-3), for provinces and places.
    pub country: Option<String>,
    /// Layer holding its geometry.
    pub layer: String,
    /// Label anchor [lon, lat].
    pub anchor: LonLat,
    /// [west, south, east, north]
    pub bbox: [f64; 4],
    /// The region through time, in time order (see `docs/borders.md`). The
    /// fields above are those of the last version.
    #[serde(default)]
    pub versions: Vec<RegionVersion>,
}

impl Region {
    /// The version in force on day `t`, if any.
    pub fn version_at(&self, t: DayNum) -> Option<&RegionVersion> {
        // Versions are few and sorted; the last one starting by `t` is the
        // only candidate.
        let i = self.versions.partition_point(|v| v.lo <= t);
        self.versions[..i].last().filter(|v| t < v.hi)
    }

    /// Whether some version is in force on day `t`.
    pub fn in_force(&self, t: DayNum) -> bool {
        self.version_at(t).is_some()
    }

    /// First day of the first version and first day after the last one.
    pub fn span(&self) -> (DayNum, DayNum) {
        match (self.versions.first(), self.versions.last()) {
            (Some(a), Some(b)) => (a.lo, b.hi),
            _ => (FOREVER_BEFORE, OPEN_END),
        }
    }
}

/// Each code that is some version's sovereign → the regions with such a
/// version (the union republics under `SUN`), each once, in `regions` order.
pub fn parts_by_sovereign(regions: &[Region]) -> std::collections::HashMap<&str, Vec<&Region>> {
    let mut out: std::collections::HashMap<&str, Vec<&Region>> = Default::default();
    for r in regions {
        let mut codes: Vec<&str> = r
            .versions
            .iter()
            .filter_map(|v| v.sovereign.as_deref())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        for c in codes {
            out.entry(c).or_default().push(r);
        }
    }
    out
}

/// The day number used for "since before the record".
pub const FOREVER_BEFORE: DayNum = -2_932_896;

/// One shape and name of a region over a span of time: the half-open
/// interval `[valid_from, valid_to)`, as day numbers `[lo, hi)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegionVersion {
    /// The feature that draws it, in `layer`.
    pub feature: String,
    pub layer: String,
    /// First day in force; `None`: since before the record.
    pub valid_from: Option<Date>,
    /// First day no longer in force; `None`: still in force.
    pub valid_to: Option<Date>,
    /// `valid_from` as a day number ([`FOREVER_BEFORE`] when `None`).
    pub lo: DayNum,
    /// `valid_to` as a day number ([`OPEN_END`] when `None`).
    pub hi: DayNum,
    pub name_en: String,
    pub name_ru: String,
    /// The state it belongs to de jure, when not itself.
    pub sovereign: Option<String>,
    /// Who holds it de facto, where that differs from the sovereign.
    pub controller: Option<String>,
    /// The shape is an estimate (see `geodata/src/PROVENANCE.md`).
    pub approximate: bool,
    pub anchor: LonLat,
    pub bbox: [f64; 4],
    pub sources: Vec<String>,
    /// A sourced remark about this version.
    pub note: Option<String>,
    /// What happened when it came into force, for the live region.
    pub change: Option<String>,
}

impl RegionVersion {
    /// The day numbers of a half-open span of imprecise dates.
    pub fn days(from: Option<Date>, to: Option<Date>) -> (DayNum, DayNum) {
        (
            from.map_or(FOREVER_BEFORE, |d| d.nominal_first()),
            to.map_or(OPEN_END, |d| d.nominal_first()),
        )
    }
}

/// The gazetteer's entries (`gazetteer.json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GazetteerSpec {
    /// Region id → names, spellings, demonyms and metonyms found in text.
    pub names: std::collections::BTreeMap<String, Vec<String>>,
    /// Group name as written → region ids it stands for.
    pub groups: std::collections::BTreeMap<String, Vec<String>>,
}

/// An interned string. Events repeat a handful of region ids, actor codes and
/// source URLs; interning them at load keeps one copy of each, which is most
/// of the memory of a large dataset. Serialized as a plain string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(std::sync::Arc<str>);

thread_local! {
    static INTERNER: std::cell::RefCell<std::collections::HashSet<std::sync::Arc<str>>> = Default::default();
}

impl Sym {
    pub fn new(s: &str) -> Sym {
        INTERNER.with(|i| {
            let mut set = i.borrow_mut();
            if let Some(a) = set.get(s) {
                return Sym(a.clone());
            }
            let a: std::sync::Arc<str> = std::sync::Arc::from(s);
            set.insert(a.clone());
            Sym(a)
        })
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}
impl std::borrow::Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0
    }
}
impl std::fmt::Debug for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}
impl std::fmt::Display for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl From<&str> for Sym {
    fn from(s: &str) -> Sym {
        Sym::new(s)
    }
}
impl From<String> for Sym {
    fn from(s: String) -> Sym {
        Sym::new(&s)
    }
}
impl From<&String> for Sym {
    fn from(s: &String) -> Sym {
        Sym::new(s)
    }
}
impl PartialEq<str> for Sym {
    fn eq(&self, o: &str) -> bool {
        &*self.0 == o
    }
}
impl PartialEq<&str> for Sym {
    fn eq(&self, o: &&str) -> bool {
        &*self.0 == *o
    }
}
impl PartialEq<String> for Sym {
    fn eq(&self, o: &String) -> bool {
        &*self.0 == o.as_str()
    }
}
impl PartialEq<Sym> for String {
    fn eq(&self, o: &Sym) -> bool {
        self.as_str() == &*o.0
    }
}
impl Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}
impl<'de> Deserialize<'de> for Sym {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Sym, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        Ok(Sym::new(&s))
    }
}
crate::date::ts_as_string!(Sym);

/// A short list, usually empty, as events hold them: two words instead of a
/// `Vec`'s three and no allocation when empty. Lists of [`Sym`]s are interned
/// as a whole (a million events name a few hundred distinct region, actor and
/// source lists), so that each event keeps a shared pointer and no list of
/// its own; see [`Shared`]. Serialized as a JSON array, dereferences to a slice.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Few<T>(Option<std::sync::Arc<[T]>>);

/// How the items of a [`Few`] list are stored: by default each list on its
/// own; lists of [`Sym`]s are interned.
pub trait Shared: Sized {
    fn share(v: Vec<Self>) -> std::sync::Arc<[Self]> {
        std::sync::Arc::from(v)
    }
}
impl Shared for String {}
impl Shared for Absence {}
impl Shared for Discrepancy {}

thread_local! {
    static LISTS: std::cell::RefCell<std::collections::HashSet<std::sync::Arc<[Sym]>>> = Default::default();
}

impl Shared for Sym {
    fn share(v: Vec<Sym>) -> std::sync::Arc<[Sym]> {
        LISTS.with(|l| {
            let mut set = l.borrow_mut();
            if let Some(a) = set.get(v.as_slice()) {
                return a.clone();
            }
            let a: std::sync::Arc<[Sym]> = std::sync::Arc::from(v);
            set.insert(a.clone());
            a
        })
    }
}

impl<T: Shared> Few<T> {
    pub fn new(v: Vec<T>) -> Few<T> {
        Few((!v.is_empty()).then(|| T::share(v)))
    }
}
impl<T> Default for Few<T> {
    fn default() -> Self {
        Few(None)
    }
}
impl<T> std::ops::Deref for Few<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.0.as_deref().unwrap_or(&[])
    }
}
impl<T: Shared> From<Vec<T>> for Few<T> {
    fn from(v: Vec<T>) -> Few<T> {
        Few::new(v)
    }
}
impl<T: Shared> FromIterator<T> for Few<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Few<T> {
        Few::new(it.into_iter().collect())
    }
}
impl<'a, T> IntoIterator for &'a Few<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
impl<T: std::fmt::Debug> std::fmt::Debug for Few<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
impl<T: Serialize> Serialize for Few<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
impl<'de, T: Deserialize<'de> + Shared> Deserialize<'de> for Few<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Few<T>, D::Error> {
        Ok(Few::new(Vec::<T>::deserialize(d)?))
    }
}
impl<T: TS> TS for Few<T> {
    type WithoutGenerics = Few<ts_rs::Dummy>;
    type OptionInnerType = Self;
    fn name(cfg: &ts_rs::Config) -> String {
        format!("Array<{}>", T::name(cfg))
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        format!("Array<{}>", T::inline(cfg))
    }
}
