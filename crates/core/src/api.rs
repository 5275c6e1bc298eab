//! The one API every transport serves: Tauri commands, HTTP JSON and the CLI
//! all call these methods and nothing else, so they cannot drift apart.
//!
//! Requests carry dates as text (`YYYY[-MM[-DD]]`, see [`crate::date`]) and
//! ids as strings; every answer is a plain serializable struct whose
//! TypeScript twin is generated into `ui/src/api/bindings.ts`. Bad input
//! becomes an [`ApiError`], never a panic.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dataset::{Dataset, Excerpt, LayerIndex};
use crate::date::{Date, DayNum};
use crate::error::{ApiError, ErrorCode};
use crate::index::TimeIndex;
use crate::model::*;
use crate::search::{SearchHit, SearchIndex};

/// Bytes per event in [`Api::columns`].
pub const COLUMN_RECORD: usize = 28;

/// Most events one page may hold.
pub const MAX_PAGE: usize = 1000;
/// Most bins a histogram may have.
pub const MAX_BINS: usize = 2000;
/// Most characters a search query may have.
pub const MAX_QUERY: usize = 200;

/// Time span of a dataset, as dates and day numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimeSpan {
    pub start: Date,
    pub end: Date,
    pub start_day: DayNum,
    pub end_day: DayNum,
}

/// How many of each thing the dataset holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Counts {
    pub events: usize,
    pub excerpts: usize,
    /// Excerpt–region links, after the gazetteer and the curated changes.
    pub links: usize,
    pub regions: usize,
    pub disputes: usize,
    pub memberships: usize,
    pub organizations: usize,
    pub sources: usize,
    pub events_by_kind: Vec<KindCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KindCount {
    pub kind: EventKind,
    pub count: usize,
}

/// `dataset_info`: what the dataset is.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DatasetInfo {
    pub title: String,
    pub description: String,
    pub attribution: String,
    pub article: ArticleMeta,
    pub span: TimeSpan,
    pub counts: Counts,
    pub organizations: Vec<Organization>,
    pub layers: LayerIndex,
    /// The version of the core that answered.
    pub version: String,
}

/// Where an event is in its interval at some instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Starting,
    Ongoing,
    Ending,
}

/// An event active at the instant asked, with what the map needs to draw it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ActiveEvent {
    /// Position in the dataset's time order (as in [`Api::columns`]).
    pub index: u32,
    pub id: String,
    pub kind: EventKind,
    pub title: String,
    pub start: Date,
    pub end: EventEnd,
    pub geometry: Geometry,
    pub places: Vec<String>,
    pub regions: Vec<Sym>,
    pub actors: Vec<Sym>,
    pub participants: Vec<Sym>,
    pub absent: Vec<Absence>,
    pub cancelled: Option<Date>,
    /// First and last day the event may cover.
    pub lo: DayNum,
    pub hi: DayNum,
    pub phase: Phase,
    /// 0 at the first possible day, 1 at the last; `null` when open-ended.
    pub progress: Option<f64>,
    /// 1 where the dates say it is surely on; less inside a fuzzy start or end.
    pub certainty: f64,
}

/// A country's status in an organization at the instant asked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MembershipState {
    pub org: String,
    pub country: String,
    /// The map regions it paints at that instant: the region of that code
    /// and every region whose version in force has it as its sovereign.
    pub regions: Vec<String>,
    pub status: MemberStatus,
    pub since: Date,
    pub until: Option<Date>,
    pub note: String,
}

/// A dispute's status at the instant asked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DisputeState {
    pub id: String,
    pub name: String,
    /// Map regions the dispute concerns.
    pub regions: Vec<String>,
    pub level: DisputeLevel,
    pub status: String,
    pub since: Date,
}

/// `state_at`: everything the map shows at one instant.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct State {
    pub at: Date,
    pub day: DayNum,
    pub events: Vec<ActiveEvent>,
    pub memberships: Vec<MembershipState>,
    pub disputes: Vec<DisputeState>,
}

/// Which events a [`State`] lists. A UI following a dragged slider from its
/// own copy of the event columns asks for `None` (memberships and disputes
/// only, a few hundred bytes) and for `All` once the slider rests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum StateEvents {
    /// Every active event, with its details.
    #[default]
    All,
    /// No events: `events` is empty.
    None,
}

impl StateEvents {
    /// `all` or `none`, as in the HTTP query string.
    pub fn parse(s: &str) -> Result<StateEvents, ApiError> {
        match s {
            "all" => Ok(StateEvents::All),
            "none" => Ok(StateEvents::None),
            other => Err(ApiError::param(
                ErrorCode::BadRequest,
                "events",
                other,
                "events must be all or none",
            )),
        }
    }
}

/// What a histogram bin counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum HistogramMode {
    /// Events on at any day of the bin (long events count in every bin they span).
    #[default]
    Overlap,
    /// Events that begin in the bin.
    Starts,
}

/// Filters shared by window, histogram and stepping queries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Filter {
    /// Only these kinds (all when absent or empty).
    #[serde(default)]
    pub kinds: Option<Vec<EventKind>>,
    /// Only events with this actor (ISO code or organization id).
    #[serde(default)]
    pub actor: Option<String>,
    /// Only events concerning this region.
    #[serde(default)]
    pub region: Option<String>,
}

/// `events_in`: a page of events overlapping a window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EventPage {
    pub total: usize,
    pub offset: usize,
    pub events: Vec<Event>,
}

/// One bin of a density histogram.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Bin {
    pub start_day: DayNum,
    pub end_day: DayNum,
    pub count: u32,
}

/// `histogram`: event density over a window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Histogram {
    pub bins: Vec<Bin>,
    pub max: u32,
}

/// A short reference to an event.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EventRef {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    pub start: Date,
    pub end: EventEnd,
    pub lo: DayNum,
    pub hi: DayNum,
    /// Where the event's facts come from.
    pub sources: Vec<String>,
    /// Notes on the event itself (sources that disagree on its day), as
    /// opposed to notes on a sentence, which its excerpt carries.
    pub notes: Vec<Discrepancy>,
}

/// An excerpt with what it links to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExcerptView {
    pub excerpt: Excerpt,
    pub events: Vec<EventRef>,
    /// Why it is listed for the region asked about (`excerpts_for_region`
    /// only).
    pub link: Option<crate::relevance::ExcerptLink>,
}

/// `excerpts_for_region`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RegionExcerpts {
    pub region: Region,
    pub excerpts: Vec<ExcerptView>,
    /// Events concerning the region, in time order.
    pub events: Vec<EventRef>,
}

/// The engine: a dataset plus its indexes.
pub struct Api {
    ds: Dataset,
    time: TimeIndex<Times>,
    by_kind: HashMap<EventKind, Vec<u32>>,
    by_region: HashMap<String, Vec<u32>>,
    kind_tally: HashMap<EventKind, crate::index::Tally>,
    excerpts_by_region: HashMap<String, Vec<usize>>,
    by_id: IdOrder,
    region_pos: HashMap<String, usize>,
    /// Country code → regions that may stand for it at some date.
    painted_by: HashMap<String, Vec<usize>>,
    search: SearchIndex,
    span: TimeSpan,
    map: crate::map::MapFeatures,
}

fn parse_date(param: &str, s: &str) -> Result<Date, ApiError> {
    s.parse::<Date>()
        .map_err(|e| ApiError::param(ErrorCode::BadDate, param, s, e.to_string()))
}

impl Api {
    pub fn new(ds: Dataset) -> Api {
        let time = TimeIndex::with_data(ds.events.iter().map(|e| (e.lo, e.hi, Times::of(e))));
        let mut by_kind: HashMap<EventKind, Vec<u32>> = HashMap::new();
        let mut by_region: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in ds.events.iter().enumerate() {
            by_kind.entry(e.props.kind).or_default().push(i as u32);
            for r in &e.props.regions {
                by_region.entry(r.to_string()).or_default().push(i as u32);
            }
        }
        let kind_tally = by_kind
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    crate::index::Tally::new(
                        v.iter()
                            .map(|&i| (ds.events[i as usize].lo, ds.events[i as usize].hi)),
                    ),
                )
            })
            .collect();
        // Each region's excerpts, most relevant first, then in article order
        // (excerpts are stored in article order and the sort is stable).
        let mut excerpts_by_region: HashMap<String, Vec<(usize, _)>> = HashMap::new();
        for (i, x) in ds.excerpts.iter().enumerate() {
            for l in &x.links {
                excerpts_by_region
                    .entry(l.region.clone())
                    .or_default()
                    .push((i, l.rank()));
            }
        }
        let excerpts_by_region: HashMap<String, Vec<usize>> = excerpts_by_region
            .into_iter()
            .map(|(r, mut v)| {
                v.sort_by_key(|&(_, rank)| rank);
                (r, v.into_iter().map(|(i, _)| i).collect())
            })
            .collect();
        let by_id = IdOrder::new(&ds.events);
        let region_pos: HashMap<String, usize> = ds
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut painted_by: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in ds.regions.iter().enumerate() {
            let mut codes: Vec<&str> = std::iter::once(r.id.as_str())
                .chain(r.versions.iter().filter_map(|v| v.sovereign.as_deref()))
                .collect();
            codes.sort_unstable();
            codes.dedup();
            for c in codes {
                painted_by.entry(c.to_string()).or_default().push(i);
            }
        }
        let search = SearchIndex::new(&ds, &region_pos);
        let span = span_of(&ds);
        Api {
            ds,
            time,
            by_kind,
            by_region,
            kind_tally,
            excerpts_by_region,
            by_id,
            region_pos,
            painted_by,
            search,
            span,
            map: Default::default(),
        }
    }

    /// The regions standing for country code `c` on day `t`.
    fn painted(&self, c: &str, t: DayNum) -> Vec<String> {
        self.painted_by
            .get(c)
            .into_iter()
            .flatten()
            .map(|&i| &self.ds.regions[i])
            .filter(|r| {
                r.version_at(t)
                    .is_some_and(|v| r.id == c || v.sovereign.as_deref() == Some(c))
            })
            .map(|r| r.id.clone())
            .collect()
    }

    fn region_in_force(&self, id: &str, t: DayNum) -> bool {
        self.region_pos
            .get(id)
            .is_none_or(|&i| self.ds.regions[i].in_force(t))
    }

    pub fn dataset(&self) -> &Dataset {
        &self.ds
    }

    pub fn info(&self) -> DatasetInfo {
        let ds = &self.ds;
        let mut events_by_kind: Vec<KindCount> = EventKind::ALL
            .iter()
            .map(|k| KindCount {
                kind: *k,
                count: self.by_kind.get(k).map_or(0, Vec::len),
            })
            .filter(|k| k.count > 0)
            .collect();
        events_by_kind.sort_by_key(|k| k.kind);
        let mut sources: Vec<&str> = ds
            .events
            .iter()
            .flat_map(|e| e.props.sources.iter().map(Sym::as_str))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        DatasetInfo {
            title: ds.meta.title.clone(),
            description: ds.meta.description.clone(),
            attribution: ds.meta.attribution.clone(),
            article: ds.meta.article.clone(),
            span: self.span.clone(),
            counts: Counts {
                events: ds.events.len(),
                excerpts: ds.excerpts.len(),
                links: ds.excerpts.iter().map(|x| x.links.len()).sum(),
                regions: ds.regions.len(),
                disputes: ds.disputes.len(),
                memberships: ds.memberships.len(),
                organizations: ds.organizations.len(),
                sources: sources.len(),
                events_by_kind,
            },
            organizations: ds.organizations.clone(),
            layers: ds.layers.clone(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    fn day_of(&self, param: &str, s: &str) -> Result<(Date, DayNum), ApiError> {
        let d = parse_date(param, s)?;
        Ok((d, d.nominal_first()))
    }

    fn window(&self, from: &str, to: &str) -> Result<(DayNum, DayNum), ApiError> {
        let (f, a) = self.day_of("from", from)?;
        let (t, _) = self.day_of("to", to)?;
        let b = t.nominal_last();
        if a > b {
            return Err(ApiError::new(
                ErrorCode::RangeInverted,
                format!("'from' ({f}) is after 'to' ({t})"),
            )
            .with_details(serde_json::json!({ "from": from, "to": to })));
        }
        Ok((a, b))
    }

    fn check_filter(&self, filter: &Filter) -> Result<(), ApiError> {
        if let Some(r) = &filter.region {
            self.region(r)?;
        }
        Ok(())
    }

    fn matches(&self, e: &Event, filter: &Filter) -> bool {
        if let Some(kinds) = &filter.kinds {
            if !kinds.is_empty() && !kinds.contains(&e.props.kind) {
                return false;
            }
        }
        if let Some(a) = &filter.actor {
            if !e.props.actors.iter().any(|x| x == a) {
                return false;
            }
        }
        if let Some(r) = &filter.region {
            if !e.props.regions.iter().any(|x| x == r) {
                return false;
            }
        }
        true
    }

    fn region(&self, id: &str) -> Result<&Region, ApiError> {
        self.region_pos
            .get(id)
            .map(|&i| &self.ds.regions[i])
            .ok_or_else(|| {
                ApiError::param(
                    ErrorCode::UnknownRegion,
                    "region",
                    id,
                    format!("no region has the id {id:?}"),
                )
            })
    }

    /// What is going on at day `at`.
    pub fn state_at(&self, at: &str) -> Result<State, ApiError> {
        self.state_at_with(at, StateEvents::All)
    }

    /// [`Api::state_at`], listing the active events or not.
    pub fn state_at_with(&self, at: &str, events: StateEvents) -> Result<State, ApiError> {
        let (date, t) = self.day_of("at", at)?;
        Ok(self.state_at_day_with(date, t, events))
    }

    /// The events on at day `t` (in no particular order), with phase, progress and
    /// certainty but without their details: the core of [`Api::state_at`].
    pub fn active_at_day(&self, t: DayNum) -> Vec<Active> {
        let mut out = Vec::with_capacity(1024);
        self.time.for_each_overlapping_with(t, t, |i, times| {
            let (phase, progress, certainty) = times.at(t);
            out.push(Active {
                index: i,
                phase,
                progress,
                certainty,
            });
        });
        out
    }

    /// Every event's times, kind and place as little-endian binary columns, for
    /// a UI that answers "what is on" itself while the slider is dragged
    /// (`ui/src/timeline/columns.ts` reads it). One 28-byte record per event in
    /// dataset order: `lo, hi, start_sure, end_from` (i32 day numbers), `flags`
    /// (u8: 1 open, 2 fuzzy start, 4 fuzzy end), `kind` (u8, index in
    /// [`EventKind::ALL`]), 2 bytes padding, `lon, lat` (f32, the event's last
    /// point: the destination of a movement).
    pub fn columns(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + self.ds.events.len() * COLUMN_RECORD);
        out.extend_from_slice(b"FLC1");
        out.extend_from_slice(&(self.ds.events.len() as u32).to_le_bytes());
        for e in &self.ds.events {
            let t = Times::of(e);
            for v in [t.lo, t.hi, t.start_sure, t.end_from] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            let flags =
                u8::from(t.open) | (u8::from(t.fuzzy_start) << 1) | (u8::from(t.fuzzy_end) << 2);
            let kind = EventKind::ALL
                .iter()
                .position(|k| *k == e.props.kind)
                .unwrap_or(0) as u8;
            out.extend_from_slice(&[flags, kind, 0, 0]);
            let [lon, lat] = e.geometry.coords().last().copied().unwrap_or([0.0, 0.0]);
            out.extend_from_slice(&(lon as f32).to_le_bytes());
            out.extend_from_slice(&(lat as f32).to_le_bytes());
        }
        out
    }

    /// [`Api::state_at`] for a day number (the slider's native unit).
    pub fn state_at_day(&self, date: Date, t: DayNum) -> State {
        self.state_at_day_with(date, t, StateEvents::All)
    }

    fn state_at_day_with(&self, date: Date, t: DayNum, which: StateEvents) -> State {
        let events = match which {
            StateEvents::None => Vec::new(),
            StateEvents::All => {
                let mut active = self.active_at_day(t);
                active.sort_unstable_by_key(|a| a.index);
                active
                    .into_iter()
                    .map(|a| detail(&self.ds.events[a.index as usize], a))
                    .collect()
            }
        };
        let memberships = self
            .ds
            .memberships
            .iter()
            .filter_map(|m| {
                let p = m.periods.iter().find(|p| {
                    p.from.nominal_first() <= t && p.to.is_none_or(|to| t <= to.nominal_last())
                })?;
                Some(MembershipState {
                    org: m.org.clone(),
                    country: m.country.clone(),
                    regions: self.painted(&m.country, t),
                    status: p.status,
                    since: p.from,
                    until: p.to,
                    note: p.note.clone(),
                })
            })
            .collect();
        let disputes = self
            .ds
            .disputes
            .iter()
            .filter_map(|d| {
                let p = d
                    .props
                    .timeline
                    .iter()
                    .rev()
                    .find(|p| p.from.nominal_first() <= t)?;
                Some(DisputeState {
                    id: d.props.id.clone(),
                    name: d.props.name.clone(),
                    regions: d
                        .props
                        .regions
                        .iter()
                        .filter(|r| self.region_in_force(r, t))
                        .cloned()
                        .collect(),
                    level: p.level,
                    status: p.status.clone(),
                    since: p.from,
                })
            })
            .collect();
        State {
            at: date,
            day: t,
            events,
            memberships,
            disputes,
        }
    }

    /// Every distinct state of the memberships and disputes, in time order,
    /// each at the first day it holds (events left out). A state holds until
    /// the next one's day; the first also holds before its own. Memberships
    /// and disputes only change where a period begins or ends, so these few
    /// hundred states answer [`Api::state_at`]'s memberships and disputes for
    /// any day: a UI looks them up while the slider is dragged instead of
    /// asking the core at every step.
    pub fn overviews(&self) -> Vec<State> {
        let mut days: Vec<DayNum> = Vec::new();
        for m in &self.ds.memberships {
            for p in &m.periods {
                days.push(p.from.nominal_first());
                if let Some(to) = p.to {
                    days.push(to.nominal_last() + 1);
                }
            }
        }
        for d in &self.ds.disputes {
            days.extend(d.props.timeline.iter().map(|p| p.from.nominal_first()));
        }
        // Borders change what a membership paints and which disputed areas
        // are on the map.
        for r in &self.ds.regions {
            for v in &r.versions {
                days.extend(
                    [v.lo, v.hi].into_iter().filter(|&d| {
                        d != crate::model::FOREVER_BEFORE && d != crate::model::OPEN_END
                    }),
                );
            }
        }
        days.sort_unstable();
        days.dedup();
        let Some(&first) = days.first() else {
            let s = self.span.start_day;
            return vec![self.state_at_day_with(Date::from_daynum(s), s, StateEvents::None)];
        };
        let mut out: Vec<State> = Vec::with_capacity(days.len() + 1);
        for t in std::iter::once(first - 1).chain(days) {
            let s = self.state_at_day_with(Date::from_daynum(t), t, StateEvents::None);
            if out
                .last()
                .is_none_or(|p| p.memberships != s.memberships || p.disputes != s.disputes)
            {
                out.push(s);
            }
        }
        out
    }

    /// Events overlapping `[from, to]` that pass `filter`, by start, paged.
    pub fn events_in(
        &self,
        from: &str,
        to: &str,
        filter: &Filter,
        offset: usize,
        limit: usize,
    ) -> Result<EventPage, ApiError> {
        let (a, b) = self.window(from, to)?;
        self.check_filter(filter)?;
        if limit == 0 || limit > MAX_PAGE {
            return Err(ApiError::param(
                ErrorCode::TooLarge,
                "limit",
                limit,
                format!("limit must be 1 to {MAX_PAGE}"),
            ));
        }
        let mut hits = Vec::new();
        self.time.for_each_overlapping(a, b, |i| {
            if self.matches(&self.ds.events[i as usize], filter) {
                hits.push(i);
            }
        });
        hits.sort_unstable();
        let total = hits.len();
        let events = hits
            .iter()
            .skip(offset)
            .take(limit)
            .map(|&i| self.ds.events[i as usize].clone())
            .collect();
        Ok(EventPage {
            total,
            offset,
            events,
        })
    }

    /// Density of events over `[from, to]` in `bins` bins.
    pub fn histogram(
        &self,
        from: &str,
        to: &str,
        bins: usize,
        filter: &Filter,
    ) -> Result<Histogram, ApiError> {
        self.histogram_mode(from, to, bins, filter, HistogramMode::Overlap)
    }

    /// [`Api::histogram`] counting either overlapping or starting events.
    pub fn histogram_mode(
        &self,
        from: &str,
        to: &str,
        bins: usize,
        filter: &Filter,
        mode: HistogramMode,
    ) -> Result<Histogram, ApiError> {
        let (a, b) = self.window(from, to)?;
        self.check_filter(filter)?;
        if bins == 0 || bins > MAX_BINS {
            return Err(ApiError::param(
                ErrorCode::BadRequest,
                "bins",
                bins,
                format!("bins must be 1 to {MAX_BINS}"),
            ));
        }
        Ok(self.histogram_days_mode(a, b, bins, filter, mode))
    }

    pub fn histogram_days(&self, a: DayNum, b: DayNum, bins: usize, filter: &Filter) -> Histogram {
        self.histogram_days_mode(a, b, bins, filter, HistogramMode::Overlap)
    }

    pub fn histogram_days_mode(
        &self,
        a: DayNum,
        b: DayNum,
        bins: usize,
        filter: &Filter,
        mode: HistogramMode,
    ) -> Histogram {
        let width = (b as f64 - a as f64 + 1.0) / bins as f64;
        let edges: Vec<(DayNum, DayNum)> = (0..bins)
            .map(|i| {
                let s = a + (i as f64 * width).floor() as DayNum;
                let e = (a + ((i + 1) as f64 * width).floor() as DayNum - 1).max(s);
                (s, e)
            })
            .collect();
        let counts: Vec<u32> = if filter.actor.is_some() || filter.region.is_some() {
            let pool: Box<dyn Iterator<Item = &Event>> = match &filter.region {
                Some(r) => Box::new(
                    self.by_region
                        .get(r)
                        .into_iter()
                        .flatten()
                        .map(|&i| &self.ds.events[i as usize]),
                ),
                None => Box::new(self.ds.events.iter()),
            };
            let mut c = vec![0u32; bins];
            for e in pool.filter(|e| self.matches(e, filter)) {
                let hi = if mode == HistogramMode::Starts {
                    e.lo
                } else {
                    e.hi
                };
                if hi < a || e.lo > b {
                    continue;
                }
                let first = edges.partition_point(|&(_, end)| end < e.lo);
                let last = edges.partition_point(|&(s, _)| s <= hi);
                for x in &mut c[first..last] {
                    *x += 1;
                }
            }
            c
        } else {
            let kinds: Vec<&dyn crate::index::Density> = match &filter.kinds {
                Some(k) if !k.is_empty() => k
                    .iter()
                    .filter_map(|k| {
                        self.kind_tally
                            .get(k)
                            .map(|x| x as &dyn crate::index::Density)
                    })
                    .collect(),
                _ => vec![&self.time as &dyn crate::index::Density],
            };
            edges
                .iter()
                .map(|&(s, e)| {
                    kinds
                        .iter()
                        .map(|ix| match mode {
                            HistogramMode::Overlap => ix.count_overlapping(s, e),
                            HistogramMode::Starts => ix.count_starting(s, e),
                        } as u32)
                        .sum()
                })
                .collect()
        };
        let max = counts.iter().copied().max().unwrap_or(0);
        Histogram {
            bins: edges
                .iter()
                .zip(counts)
                .map(|(&(s, e), count)| Bin {
                    start_day: s,
                    end_day: e,
                    count,
                })
                .collect(),
            max,
        }
    }

    /// The first event starting after `after` (or the last starting before it, if `backward`).
    pub fn step(
        &self,
        after: &str,
        backward: bool,
        filter: &Filter,
    ) -> Result<Option<EventRef>, ApiError> {
        let (_, t) = self.day_of("after", after)?;
        self.check_filter(filter)?;
        Ok(self.step_day(t, backward, filter))
    }

    pub fn step_day(&self, t: DayNum, backward: bool, filter: &Filter) -> Option<EventRef> {
        let evs = &self.ds.events;
        let candidates: Vec<&[u32]> = match (&filter.region, &filter.kinds) {
            (Some(r), _) => vec![self.by_region.get(r).map_or(&[][..], |v| v.as_slice())],
            (None, Some(k)) if !k.is_empty() => k
                .iter()
                .map(|k| self.by_kind.get(k).map_or(&[][..], |v| v.as_slice()))
                .collect(),
            _ => {
                let n = if backward {
                    evs.partition_point(|e| e.lo < t)
                } else {
                    evs.partition_point(|e| e.lo <= t)
                };
                let found = if backward {
                    evs[..n].iter().rev().find(|e| self.matches(e, filter))
                } else {
                    evs[n..].iter().find(|e| self.matches(e, filter))
                };
                return found.map(event_ref);
            }
        };
        let mut best: Option<&Event> = None;
        for list in candidates {
            let found = if backward {
                let n = list.partition_point(|&i| evs[i as usize].lo < t);
                list[..n]
                    .iter()
                    .rev()
                    .map(|&i| &evs[i as usize])
                    .find(|e| self.matches(e, filter))
            } else {
                let n = list.partition_point(|&i| evs[i as usize].lo <= t);
                list[n..]
                    .iter()
                    .map(|&i| &evs[i as usize])
                    .find(|e| self.matches(e, filter))
            };
            if let Some(e) = found {
                let better = match best {
                    None => true,
                    Some(b) if backward => e.lo > b.lo,
                    Some(b) => e.lo < b.lo,
                };
                if better {
                    best = Some(e);
                }
            }
        }
        best.map(event_ref)
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.by_id.find(&self.ds.events, id)
    }

    /// One event by id.
    pub fn event(&self, id: &str) -> Result<&Event, ApiError> {
        self.position(id)
            .map(|i| &self.ds.events[i])
            .ok_or_else(|| {
                ApiError::param(
                    ErrorCode::UnknownEvent,
                    "event",
                    id,
                    format!("no event has the id {id:?}"),
                )
            })
    }

    fn excerpt_view(&self, x: &Excerpt, region: Option<&str>) -> ExcerptView {
        let events = x
            .events
            .iter()
            .filter_map(|id| self.position(id))
            .map(|i| event_ref(&self.ds.events[i]))
            .collect();
        ExcerptView {
            excerpt: x.clone(),
            events,
            link: region.and_then(|r| x.links.iter().find(|l| l.region == r).cloned()),
        }
    }

    /// The article's passages about a region, most relevant first (see
    /// [`crate::relevance`]); each says why it is listed, and its
    /// `excerpt.start` gives article order.
    pub fn excerpts_for_region(&self, region: &str) -> Result<RegionExcerpts, ApiError> {
        let r = self.region(region)?.clone();
        let excerpts = self
            .excerpts_by_region
            .get(region)
            .into_iter()
            .flatten()
            .map(|&i| self.excerpt_view(&self.ds.excerpts[i], Some(region)))
            .collect();
        let events = self
            .by_region
            .get(region)
            .into_iter()
            .flatten()
            .map(|&i| event_ref(&self.ds.events[i as usize]))
            .collect();
        Ok(RegionExcerpts {
            region: r,
            excerpts,
            events,
        })
    }

    /// One excerpt with its regions and events.
    pub fn excerpt(&self, id: &str) -> Result<ExcerptView, ApiError> {
        self.ds
            .excerpts
            .iter()
            .find(|x| x.id == id)
            .map(|x| self.excerpt_view(x, None))
            .ok_or_else(|| {
                ApiError::param(
                    ErrorCode::UnknownExcerpt,
                    "excerpt",
                    id,
                    format!("no excerpt has the id {id:?}"),
                )
            })
    }

    /// Ranked search over event titles, excerpt text and place names.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, ApiError> {
        if query.chars().count() > MAX_QUERY {
            return Err(ApiError::param(
                ErrorCode::TooLarge,
                "q",
                query.len(),
                format!("a query may have at most {MAX_QUERY} characters"),
            ));
        }
        if limit == 0 || limit > MAX_PAGE {
            return Err(ApiError::param(
                ErrorCode::BadRequest,
                "limit",
                limit,
                format!("limit must be 1 to {MAX_PAGE}"),
            ));
        }
        Ok(self.search.search(&self.ds, query, limit))
    }

    /// All regions of the map.
    pub fn regions(&self) -> &[Region] {
        &self.ds.regions
    }

    /// The article text and metadata with every excerpt and place mention, for the reading view.
    pub fn article(&self) -> Article {
        let gaz = crate::link::Gazetteer::new(&self.ds.gazetteer, &self.ds.regions);
        Article {
            meta: self.ds.meta.article.clone(),
            text: self.ds.article.clone(),
            excerpts: self.ds.excerpts.clone(),
            mentions: gaz.mentions(&self.ds.article),
        }
    }

    /// A map layer's bytes at a level of detail.
    pub fn layer(&self, name: &str, lod: &str) -> Result<Vec<u8>, ApiError> {
        self.ds.layer_bytes(name, lod).ok_or_else(|| {
            ApiError::new(
                ErrorCode::UnknownLayer,
                format!("no layer {name:?} at level of detail {lod:?}"),
            )
            .with_details(serde_json::json!({ "layer": name, "lod": lod }))
        })
    }

    /// Every region in force at `at`, as a GeoJSON FeatureCollection
    /// (RFC 7946) with the version's dates, names and sovereignty: the map
    /// of a date as data, for GIS tools.
    pub fn map_at(&self, at: &str) -> Result<String, ApiError> {
        let (_, t) = self.day_of("at", at)?;
        Ok(self.map.collection(&self.ds, t))
    }

    /// The events of a dataset in time order, for a UI that animates locally.
    pub fn all_events(&self) -> &[Event] {
        &self.ds.events
    }
}

/// The article with its annotations.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Article {
    pub meta: ArticleMeta,
    pub text: String,
    pub excerpts: Vec<Excerpt>,
    /// Place names found in the text (character offsets).
    pub mentions: Vec<crate::link::Mention>,
}

fn event_ref(e: &Event) -> EventRef {
    EventRef {
        id: e.props.id.to_string(),
        title: e.props.title.to_string(),
        kind: e.props.kind,
        start: e.props.start,
        end: e.props.end,
        lo: e.lo,
        hi: e.hi,
        sources: e.props.sources.iter().map(|s| s.to_string()).collect(),
        notes: e.props.discrepancies.to_vec(),
    }
}

/// The dates of an event reduced to the day numbers the animation needs,
/// computed once per event so that "what is on at t" is pure arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Times {
    pub lo: DayNum,
    pub hi: DayNum,
    /// Last day of the start's uncertainty: from here on the event has surely begun.
    pub start_sure: DayNum,
    /// First day of the end's uncertainty (`OPEN_END` when open).
    pub end_from: DayNum,
    pub open: bool,
    /// Whether the start or end is fuzzier than a day.
    pub fuzzy_start: bool,
    pub fuzzy_end: bool,
}

impl Times {
    pub fn of(e: &Event) -> Times {
        let p = &e.props;
        let (end_from, open, fuzzy_end) = match p.end {
            EventEnd::Instant => (p.start.earliest(), false, false),
            EventEnd::At(d) => (d.earliest(), false, d.latest() > d.earliest()),
            EventEnd::Open => (crate::model::OPEN_END, true, false),
        };
        Times {
            lo: e.lo,
            hi: e.hi,
            start_sure: p.start.latest(),
            end_from,
            open,
            fuzzy_start: p.start.precision() != crate::Precision::Day || p.start.is_approx(),
            fuzzy_end,
        }
    }

    /// Phase, progress (0–1, `None` when open) and certainty (0–1) at day `t`, which the event covers.
    #[inline]
    pub fn at(&self, t: DayNum) -> (Phase, Option<f32>, f32) {
        let phase = if t <= self.start_sure {
            Phase::Starting
        } else if !self.open && t >= self.end_from {
            Phase::Ending
        } else {
            Phase::Ongoing
        };
        let progress = (!self.open).then(|| {
            if self.hi > self.lo {
                (t - self.lo) as f32 / (self.hi - self.lo) as f32
            } else {
                1.0
            }
        });
        // Fuzzy dates fade in across the start's uncertainty and out across the end's.
        let fade_in = if self.fuzzy_start && self.start_sure > self.lo {
            ((t - self.lo) as f32 + 1.0) / ((self.start_sure - self.lo) as f32 + 1.0)
        } else {
            1.0
        };
        let fade_out = if self.fuzzy_end && t >= self.end_from {
            1.0 - (t - self.end_from) as f32 / (self.hi - self.end_from + 1) as f32
        } else {
            1.0
        };
        (phase, progress, fade_in.min(fade_out).clamp(0.0, 1.0))
    }
}

/// An active event as the index reports it: position, phase, progress, certainty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Active {
    pub index: u32,
    pub phase: Phase,
    pub progress: Option<f32>,
    pub certainty: f32,
}

fn detail(e: &Event, a: Active) -> ActiveEvent {
    let p = &e.props;
    let round = |x: f32| (f64::from(x) * 1e4).round() / 1e4;
    let (phase, progress, certainty) = (a.phase, a.progress.map(round), round(a.certainty));
    ActiveEvent {
        index: a.index,
        id: p.id.to_string(),
        kind: p.kind,
        title: p.title.to_string(),
        start: p.start,
        end: p.end,
        geometry: e.geometry.clone(),
        places: p.places.to_vec(),
        regions: p.regions.to_vec(),
        actors: p.actors.to_vec(),
        participants: p.participants.to_vec(),
        absent: p.absent.to_vec(),
        cancelled: p.cancelled,
        lo: e.lo,
        hi: e.hi,
        phase,
        progress,
        certainty,
    }
}

fn span_of(ds: &Dataset) -> TimeSpan {
    let lo = ds.events.iter().map(|e| e.lo).min().unwrap_or(0);
    let hi = ds
        .events
        .iter()
        .map(|e| {
            if e.hi == crate::model::OPEN_END {
                e.lo
            } else {
                e.hi
            }
        })
        .max()
        .unwrap_or(lo);
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    TimeSpan {
        start: Date::from_daynum(lo),
        end: Date::from_daynum(hi),
        start_day: lo,
        end_day: hi,
    }
}
