//! Pages of the events in a time range, filtered.

use super::*;

/// `events_in`: a page of events overlapping a window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EventPage {
    pub total: usize,
    pub offset: usize,
    pub events: Vec<Event>,
}

impl Api {
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
            if self.matches(&self.ds.events.row(i as usize), filter) {
                hits.push(i);
            }
        });
        hits.sort_unstable();
        let total = hits.len();
        let events = hits
            .iter()
            .skip(offset)
            .take(limit)
            .map(|&i| self.ds.events.get(i as usize))
            .collect();
        Ok(EventPage {
            total,
            offset,
            events,
        })
    }
}
