//! `faultlines generate`: synthetic datasets for benchmarks and stress tests.
//!
//! Events are spread over 1949–2026 with more of them in recent decades (as in
//! the real story), with kinds and durations like a conflict-event database:
//! half are one-day statements, summits and diplomacy; exercises and
//! deployments last days to weeks; conflicts mostly days, one in twenty months
//! to years; one event in ten thousand is open-ended. 5 % of dates are known
//! only to the month, 1 % only to the year, 2 % are approximate; places are
//! drawn from the shipped map's regions.
//! The same seed always gives the same dataset.

use faultlines_core::dataset::Dataset;
use faultlines_core::date::{Date, DayNum};
use faultlines_core::model::*;

use crate::error::GeodataError;

/// The most events `write` makes: a synthetic story is for benchmarks, and
/// five million already takes minutes and gigabytes.
pub const MAX_EVENTS: usize = 5_000_000;

/// SplitMix64: small, fast, good enough for synthetic data, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.f64() * n as f64) as usize % n.max(1)
    }
}

const FIRST: DayNum = -7576; // 1949-04-04
const LAST: DayNum = 20819; // 2026-12-31

fn pick_day(rng: &mut Rng) -> DayNum {
    // Skewed towards recent years: the square root of a uniform leans high.
    let u = rng.f64().sqrt();
    FIRST + ((LAST - FIRST) as f64 * u) as DayNum
}

fn imprecise(rng: &mut Rng, d: DayNum) -> Date {
    let day = Date::from_daynum(d);
    let r = rng.f64();
    if r < 0.92 {
        day
    } else if r < 0.97 {
        Date::ym(day.year_value(), day.month().unwrap_or(1)).unwrap_or(day)
    } else if r < 0.98 {
        Date::year(day.year_value()).unwrap_or(day)
    } else {
        day.with_approx(true)
    }
}

/// `n` synthetic events over the regions of `base` (typically the shipped dataset).
pub fn events(base: &Dataset, n: usize, seed: u64) -> Vec<Event> {
    let mut rng = Rng::new(seed);
    let places: Vec<&Region> = base
        .regions
        .iter()
        .filter(|r| {
            matches!(
                r.kind,
                RegionKind::Place | RegionKind::Province | RegionKind::Country
            )
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        // Like a conflict-event database: most events are one-day news; some
        // last days to weeks; one conflict in twenty lasts months to years;
        // one event in ten thousand has not ended.
        let r = rng.f64();
        let (kind, len): (EventKind, i32) = if r < 0.50 {
            (
                [
                    EventKind::Statement,
                    EventKind::Summit,
                    EventKind::Diplomacy,
                ][rng.below(3)],
                0,
            )
        } else if r < 0.70 {
            (EventKind::Exercise, 2 + rng.below(9) as i32)
        } else if r < 0.75 {
            (
                [EventKind::Deployment, EventKind::Withdrawal][rng.below(2)],
                3 + rng.below(28) as i32,
            )
        } else if r < 0.95 {
            let long = rng.f64() < 0.05;
            (
                EventKind::Conflict,
                if long {
                    30 + rng.below(970) as i32
                } else {
                    1 + rng.below(5) as i32
                },
            )
        } else if r < 0.96 {
            (EventKind::Blockade, 10 + rng.below(190) as i32)
        } else if r < 0.9999 {
            (
                [EventKind::Treaty, EventKind::Membership, EventKind::Other][rng.below(3)],
                rng.below(10) as i32,
            )
        } else {
            (EventKind::Other, -1)
        };
        let s = pick_day(&mut rng);
        let start = imprecise(&mut rng, s);
        let end = match len {
            0 => EventEnd::Instant,
            -1 => EventEnd::Open,
            l => EventEnd::At(imprecise(&mut rng, s + l)),
        };
        // Only a region on the map at the event's start (no Slovakia in 1960).
        let day = start.nominal_first();
        let a = loop {
            let a = places[rng.below(places.len())];
            if a.in_force(day) {
                break a;
            }
        };
        let geometry = if matches!(kind, EventKind::Deployment | EventKind::Withdrawal) {
            let b = places[rng.below(places.len())];
            Geometry::LineString(vec![b.anchor, a.anchor])
        } else {
            Geometry::Point(a.anchor)
        };
        let lo = start.earliest();
        let hi = match end {
            EventEnd::Instant => start.latest(),
            EventEnd::At(e) => e.latest().max(start.latest()),
            EventEnd::Open => OPEN_END,
        };
        out.push(Event {
            props: EventProps {
                id: format!("gen-{i:07}").into(),
                title: format!("{} at {}", kind.as_str(), a.name_en).into(),
                description: "".into(),
                kind,
                start,
                end,
                places: Few::default(),
                regions: vec![Sym::new(&a.id)].into(),
                actors: a.country.iter().map(|c| Sym::new(c)).collect(),
                participants: Few::default(),
                absent: Few::default(),
                cancelled: None,
                excerpts: Few::default(),
                sources: vec![Sym::new("https://example.org/synthetic")].into(),
                discrepancies: Few::default(),
                place_precision: None,
                i18n: None,
            },
            geometry,
            lo,
            hi,
        });
    }
    // Ids are unique, so an unstable sort is deterministic (and needs no buffer).
    out.sort_unstable_by(|a, b| (a.lo, a.hi, &a.props.id).cmp(&(b.lo, b.hi, &b.props.id)));
    out
}

/// The shipped dataset with its events replaced by `n` synthetic ones (in memory).
pub fn dataset(n: usize, seed: u64) -> Dataset {
    let ds = Dataset::embedded().expect("shipped dataset");
    let events = events(&ds, n, seed).into();
    let mut ds = ds.with_events(events);
    // Disputes and excerpts point at the real events; keep the synthetic set self-contained.
    for x in &mut ds.excerpts {
        x.events.clear();
    }
    for d in &mut ds.disputes {
        d.props.incidents.clear();
    }
    ds
}

/// Write a dataset directory (story files; the map is the shipped one).
pub fn write(dir: &std::path::Path, n: usize, seed: u64) -> Result<(), GeodataError> {
    if n > MAX_EVENTS {
        return Err(GeodataError::Limit(format!("at most {MAX_EVENTS} events")));
    }
    let ds = dataset(n, seed);
    let story = dir.join("story");
    std::fs::create_dir_all(&story).map_err(GeodataError::io(&story))?;
    for (rel, bytes) in faultlines_core::source::EMBEDDED
        .iter()
        .filter(|(r, _)| r.starts_with("story/"))
    {
        if !rel.ends_with("events.geojson")
            && !rel.ends_with("excerpts.json")
            && !rel.ends_with("disputes.geojson")
        {
            let path = dir.join(rel);
            std::fs::write(&path, bytes).map_err(GeodataError::io(path))?;
        }
    }
    let w = |name: &str| -> Result<std::io::BufWriter<std::fs::File>, GeodataError> {
        let path = story.join(name);
        std::fs::File::create(&path)
            .map(std::io::BufWriter::new)
            .map_err(GeodataError::io(path))
    };
    let json = |file: &str| {
        let file = file.to_string();
        move |source| GeodataError::Json { file, source }
    };
    let features: Vec<Feature<EventProps>> = ds
        .events
        .rows()
        .map(|r| {
            let e = r.to_event();
            Feature {
                kind: FeatureTag::Feature,
                geometry: e.geometry,
                properties: e.props,
            }
        })
        .collect();
    serde_json::to_writer(
        w("events.geojson")?,
        &FeatureCollection {
            kind: CollectionTag::FeatureCollection,
            features,
        },
    )
    .map_err(json("events.geojson"))?;
    let specs: Vec<ExcerptSpec> = ds
        .excerpts
        .iter()
        .map(|x| ExcerptSpec {
            id: x.id.clone(),
            start: x.start,
            end: x.end,
            text: x.text.clone(),
            events: vec![],
            add_regions: x.regions().map(str::to_string).collect(),
            remove_regions: vec![],
            general: x.general,
            notes: x
                .notes
                .iter()
                .map(|n| NoteSpec {
                    kind: n.kind,
                    quote: n.quote.clone(),
                    note: n.note.clone(),
                    sources: n.sources.clone(),
                    i18n: n.i18n.clone(),
                })
                .collect(),
        })
        .collect();
    serde_json::to_writer(w("excerpts.json")?, &specs).map_err(json("excerpts.json"))?;
    let disputes: Vec<Feature<&DisputeProps>> = ds
        .disputes
        .iter()
        .map(|d| Feature {
            kind: FeatureTag::Feature,
            geometry: d.geometry.clone(),
            properties: &d.props,
        })
        .collect();
    serde_json::to_writer(
        w("disputes.geojson")?,
        &FeatureCollection {
            kind: CollectionTag::FeatureCollection,
            features: disputes,
        },
    )
    .map_err(json("disputes.geojson"))?;
    Ok(())
}
