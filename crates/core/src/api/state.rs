//! The state of a date: which events are on and in which phase, every
//! country's membership and every dispute's status, and the overview states
//! the slider follows while it is dragged.

use super::*;

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
    /// The title (and description) in other languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<EventText>>,
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
    /// The name and status in other languages, where the story gives both.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<DisputeStateText>>,
}

/// A dispute's name and status at an instant, in a language other than English.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DisputeStateText {
    pub name: String,
    pub status: String,
}

/// The languages in which both a dispute's name and its status `p` are given.
fn dispute_words(d: &DisputeProps, p: &DisputePeriod) -> Option<Translations<DisputeStateText>> {
    let (names, statuses) = (d.i18n.as_ref()?, p.i18n.as_ref()?);
    let both: Translations<DisputeStateText> = names
        .iter()
        .filter_map(|(lang, t)| {
            let status = statuses.get(lang)?;
            Some((
                lang.clone(),
                DisputeStateText {
                    name: t.name.clone(),
                    status: status.clone(),
                },
            ))
        })
        .collect();
    (!both.is_empty()).then_some(both)
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

/// What [`Times`] holds besides the first and last day, which the time
/// index keeps already: 12 bytes an event instead of 20.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimesTail {
    start_sure: DayNum,
    end_from: DayNum,
    /// 1: open, 2: fuzzy start, 4: fuzzy end.
    flags: u8,
}

impl TimesTail {
    pub fn of(t: &Times) -> TimesTail {
        TimesTail {
            start_sure: t.start_sure,
            end_from: t.end_from,
            flags: u8::from(t.open) | u8::from(t.fuzzy_start) << 1 | u8::from(t.fuzzy_end) << 2,
        }
    }

    /// The whole [`Times`] of the event spanning `lo` to `hi`.
    pub fn with(&self, lo: DayNum, hi: DayNum) -> Times {
        Times {
            lo,
            hi,
            start_sure: self.start_sure,
            end_from: self.end_from,
            open: self.flags & 1 != 0,
            fuzzy_start: self.flags & 2 != 0,
            fuzzy_end: self.flags & 4 != 0,
        }
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
    pub fn of(e: &impl EventFields) -> Times {
        let (start, end) = (e.start(), e.end());
        let (end_from, open, fuzzy_end) = match end {
            EventEnd::Instant => (start.earliest(), false, false),
            EventEnd::At(d) => (d.earliest(), false, d.latest() > d.earliest()),
            EventEnd::Open => (crate::model::OPEN_END, true, false),
        };
        Times {
            lo: e.lo(),
            hi: e.hi(),
            start_sure: start.latest(),
            end_from,
            open,
            fuzzy_start: start.precision() != crate::Precision::Day || start.is_approx(),
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

fn detail(r: crate::table::Row<'_>, a: Active) -> ActiveEvent {
    let Event {
        props: p,
        geometry,
        lo,
        hi,
    } = r.to_event();
    let round = |x: f32| (f64::from(x) * 1e4).round() / 1e4;
    let (phase, progress, certainty) = (a.phase, a.progress.map(round), round(a.certainty));
    ActiveEvent {
        index: a.index,
        id: p.id.to_string(),
        kind: p.kind,
        title: p.title.to_string(),
        i18n: p.i18n,
        start: p.start,
        end: p.end,
        geometry,
        places: p.places.to_vec(),
        regions: p.regions.to_vec(),
        actors: p.actors.to_vec(),
        participants: p.participants.to_vec(),
        absent: p.absent.to_vec(),
        cancelled: p.cancelled,
        lo,
        hi,
        phase,
        progress,
        certainty,
    }
}

impl Api {
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
        self.time
            .for_each_overlapping_with(t, t, |i, lo, hi, tail| {
                let (phase, progress, certainty) = tail.with(lo, hi).at(t);
                out.push(Active {
                    index: i,
                    phase,
                    progress,
                    certainty,
                });
            });
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
                    .map(|a| detail(self.ds.events.row(a.index as usize), a))
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
                    i18n: dispute_words(&d.props, p),
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
}
