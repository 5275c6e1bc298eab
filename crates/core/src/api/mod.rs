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
use crate::table::{EventFields, EventTable};

mod columns;
mod events;
mod excerpts;
mod histogram;
mod share;
mod state;
mod stepping;

pub use columns::{COLUMN_FIELDS, COLUMN_FLAGS, COLUMN_HEADER, COLUMN_MAGIC, COLUMN_RECORD};
pub use events::EventPage;
pub use excerpts::{Article, ExcerptView, RegionExcerpts};
pub use histogram::{Bin, Histogram, HistogramMode};
pub use state::{
    Active, ActiveEvent, DisputeState, DisputeStateText, MembershipState, Phase, State,
    StateEvents, Times, TimesTail,
};
use stepping::event_ref;
pub use stepping::EventRef;

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
    /// The bounding box of every event's geometry, `[west, south, east,
    /// north]` in degrees; `None` when there are no events. The UI frames
    /// the map on it.
    pub extent: Option<[f64; 4]>,
    /// The share (0 to 1) of the events' places (each event's last position,
    /// as in the columns) inside the regional frame
    /// ([`crate::layer::REGIONAL_FRAME`]); `None` when there are no events.
    /// A story whose extent reaches beyond the frame keeps the regional view
    /// when most of its events lie inside it.
    pub in_frame: Option<f64>,
    /// The version of the core that answered.
    pub version: String,
    /// The title, description, attribution and linking note in other languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<DatasetText>>,
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

/// The engine: a dataset plus its indexes.
pub struct Api {
    ds: Dataset,
    time: TimeIndex<TimesTail>,
    by_kind: HashMap<EventKind, Vec<u32>>,
    by_region: HashMap<String, Vec<u32>>,
    kind_tally: HashMap<EventKind, crate::index::Tally>,
    excerpts_by_region: HashMap<String, Vec<usize>>,
    by_id: IdOrder,
    region_pos: HashMap<String, usize>,
    /// Country code → regions that may stand for it at some date.
    painted_by: HashMap<String, Vec<usize>>,
    /// Built on the first search (or by [`Api::prepare_search`] beside the
    /// UI): folding every title of a million events takes longer than
    /// opening them, and most sessions never search.
    search: std::sync::OnceLock<SearchIndex>,
    span: TimeSpan,
    extent: Option<[f64; 4]>,
    in_frame: Option<f64>,
    map: crate::map::MapFeatures,
}

fn parse_date(param: &str, s: &str) -> Result<Date, ApiError> {
    s.parse::<Date>()
        .map_err(|e| ApiError::param(ErrorCode::BadDate, param, s, e.to_string()))
}

impl Api {
    pub fn new(mut ds: Dataset) -> Api {
        // The time index on one core, the lists by kind and region on the other.
        let events = &ds.events;
        let (time, (by_kind, by_region)) = std::thread::scope(|s| {
            let time = s.spawn(|| {
                TimeIndex::with_data(
                    events
                        .rows()
                        .map(|e| (e.lo(), e.hi(), TimesTail::of(&Times::of(&e)))),
                )
            });
            let lists = kind_and_region_lists(events);
            match time.join() {
                Ok(time) => (time, lists),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        let kind_tally = by_kind
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    crate::index::Tally::new(
                        v.iter()
                            .map(|&i| (ds.events.lo()[i as usize], ds.events.hi()[i as usize])),
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
        let by_id = if ds.by_id.len() == ds.events.len() {
            std::mem::take(&mut ds.by_id)
        } else {
            IdOrder::new(&ds.events)
        };
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
        let span = span_of(&ds);
        let extent = extent_of(&ds);
        let in_frame = share_in_frame(ds.events.points());
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
            search: std::sync::OnceLock::new(),
            span,
            extent,
            in_frame,
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
            .source_lists()
            .iter()
            .flat_map(|l| l.iter().map(Sym::as_str))
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
            extent: self.extent,
            in_frame: self.in_frame,
            version: env!("CARGO_PKG_VERSION").to_string(),
            i18n: ds.meta.i18n.clone(),
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

    fn matches(&self, e: &impl EventFields, filter: &Filter) -> bool {
        if let Some(kinds) = &filter.kinds {
            if !kinds.is_empty() && !kinds.contains(&e.kind()) {
                return false;
            }
        }
        if let Some(a) = &filter.actor {
            if !e.actors().iter().any(|x| x == a) {
                return false;
            }
        }
        if let Some(r) = &filter.region {
            if !e.regions().iter().any(|x| x == r) {
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

    /// One event by id.
    pub fn event(&self, id: &str) -> Result<Event, ApiError> {
        self.position(id)
            .map(|i| self.ds.events.get(i))
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
            .map(|i| event_ref(&self.ds.events.row(i)))
            .collect();
        ExcerptView {
            excerpt: x.clone(),
            events,
            link: region.and_then(|r| x.links.iter().find(|l| l.region == r).cloned()),
        }
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
        Ok(self.search_index().search(&self.ds, query, limit))
    }

    fn search_index(&self) -> &SearchIndex {
        self.search
            .get_or_init(|| SearchIndex::new(&self.ds, &self.region_pos, &self.by_id))
    }

    /// Build the search index now, so that the first search answers at
    /// once: the shells call this on a thread of its own after opening a
    /// story. Any search meanwhile waits for it.
    pub fn prepare_search(&self) {
        self.search_index();
    }

    /// All regions of the map.
    pub fn regions(&self) -> &[Region] {
        &self.ds.regions
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

    /// The events of a dataset in time order, for a UI that animates locally
    /// (built whole: for small stories, and tools).
    pub fn all_events(&self) -> Vec<Event> {
        self.ds.events.to_vec()
    }

    /// The events of the dataset, as columns.
    pub fn events(&self) -> &EventTable {
        &self.ds.events
    }
}

/// Each kind's events and each region's, in story order. Events that
/// share a list of regions share its slots, found once per distinct list
/// rather than by hashing every event's region ids.
#[allow(clippy::type_complexity)]
fn kind_and_region_lists(
    events: &EventTable,
) -> (HashMap<EventKind, Vec<u32>>, HashMap<String, Vec<u32>>) {
    let mut by_kind: Vec<Vec<u32>> = vec![Vec::new(); EventKind::ALL.len()];
    let mut slot: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let slots_of: Vec<Vec<usize>> = events
        .regions
        .distinct()
        .iter()
        .map(|list| {
            list.iter()
                .map(|r| {
                    *slot.entry(r.as_str()).or_insert_with(|| {
                        names.push(r.as_str());
                        names.len() - 1
                    })
                })
                .collect()
        })
        .collect();
    let mut by_slot: Vec<Vec<u32>> = vec![Vec::new(); names.len()];
    for i in 0..events.len() {
        let k = EventKind::ALL
            .iter()
            .position(|k| *k == events.kinds[i])
            .unwrap_or(0);
        by_kind[k].push(i as u32);
        for &s in &slots_of[events.regions.number_of(i) as usize] {
            by_slot[s].push(i as u32);
        }
    }
    let by_kind = EventKind::ALL
        .iter()
        .zip(by_kind)
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (*k, v))
        .collect();
    let by_region = names.into_iter().map(str::to_string).zip(by_slot).collect();
    (by_kind, by_region)
}

/// The bounding box of every event's positions, or `None` without any.
fn extent_of(ds: &Dataset) -> Option<[f64; 4]> {
    // Each event's last position, and every position of the others' shapes.
    let shapes = ds.events.shapes.iter().flat_map(|(_, g)| g.coords());
    ds.events
        .points()
        .iter()
        .chain(shapes)
        .copied()
        .fold(None, |b, [x, y]| {
            let [w, s, e, n] = b.unwrap_or([x, y, x, y]);
            Some([w.min(x), s.min(y), e.max(x), n.max(y)])
        })
}

/// The share of `points` inside the regional frame, or `None` without any.
fn share_in_frame(points: &[LonLat]) -> Option<f64> {
    let [w, s, e, n] = crate::layer::REGIONAL_FRAME;
    let inside = points
        .iter()
        .filter(|[x, y]| (w..=e).contains(x) && (s..=n).contains(y))
        .count();
    (!points.is_empty()).then(|| inside as f64 / points.len() as f64)
}

fn span_of(ds: &Dataset) -> TimeSpan {
    let (los, his) = (ds.events.lo(), ds.events.hi());
    let lo = los.iter().copied().min().unwrap_or(0);
    let hi = los
        .iter()
        .zip(his)
        .map(|(&lo, &hi)| if hi == crate::model::OPEN_END { lo } else { hi })
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
