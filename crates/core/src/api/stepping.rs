//! Stepping the slider to the previous or next event that matches the filter.

use super::*;

/// A short reference to an event.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EventRef {
    pub id: String,
    pub title: String,
    /// The title (and description) in other languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<EventText>>,
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

pub(super) fn event_ref(e: &crate::table::Row<'_>) -> EventRef {
    EventRef {
        id: e.id().to_string(),
        title: e.title().to_string(),
        i18n: e.i18n().cloned(),
        kind: e.kind(),
        start: e.start(),
        end: e.end(),
        lo: e.lo(),
        hi: e.hi(),
        sources: e.sources().iter().map(|s| s.to_string()).collect(),
        notes: e.discrepancies().to_vec(),
    }
}

impl Api {
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
        let lo = evs.lo();
        let candidates: Vec<&[u32]> = match (&filter.region, &filter.kinds) {
            (Some(r), _) => vec![self.by_region.get(r).map_or(&[][..], |v| v.as_slice())],
            (None, Some(k)) if !k.is_empty() => k
                .iter()
                .map(|k| self.by_kind.get(k).map_or(&[][..], |v| v.as_slice()))
                .collect(),
            _ => {
                let found = if backward {
                    let n = lo.partition_point(|&d| d < t);
                    (0..n).rev().find(|&i| self.matches(&evs.row(i), filter))
                } else {
                    let n = lo.partition_point(|&d| d <= t);
                    (n..evs.len()).find(|&i| self.matches(&evs.row(i), filter))
                };
                return found.map(|i| event_ref(&evs.row(i)));
            }
        };
        let mut best: Option<usize> = None;
        for list in candidates {
            let found = if backward {
                let n = list.partition_point(|&i| lo[i as usize] < t);
                list[..n]
                    .iter()
                    .rev()
                    .map(|&i| i as usize)
                    .find(|&i| self.matches(&evs.row(i), filter))
            } else {
                let n = list.partition_point(|&i| lo[i as usize] <= t);
                list[n..]
                    .iter()
                    .map(|&i| i as usize)
                    .find(|&i| self.matches(&evs.row(i), filter))
            };
            if let Some(e) = found {
                let better = match best {
                    None => true,
                    Some(b) if backward => lo[e] > lo[b],
                    Some(b) => lo[e] < lo[b],
                };
                if better {
                    best = Some(e);
                }
            }
        }
        best.map(|i| event_ref(&evs.row(i)))
    }

    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.by_id.find(&self.ds.events, id)
    }
}
