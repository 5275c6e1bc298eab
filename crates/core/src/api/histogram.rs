//! Event counts over a time range in bins, for the bars under the slider.

use super::*;

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

impl Api {
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
            let evs = &self.ds.events;
            let pool: Box<dyn Iterator<Item = usize>> = match &filter.region {
                Some(r) => Box::new(
                    self.by_region
                        .get(r)
                        .into_iter()
                        .flatten()
                        .map(|&i| i as usize),
                ),
                None => Box::new(0..evs.len()),
            };
            let mut c = vec![0u32; bins];
            for i in pool.filter(|&i| self.matches(&evs.row(i), filter)) {
                let (lo, hi) = (evs.lo()[i], evs.hi()[i]);
                let hi = if mode == HistogramMode::Starts {
                    lo
                } else {
                    hi
                };
                if hi < a || lo > b {
                    continue;
                }
                let first = edges.partition_point(|&(_, end)| end < lo);
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
}
