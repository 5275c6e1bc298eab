//! From the per-day counts DataFusion returns to the bins of the core's
//! histogram: the same bin edges, and for each bin the events that begin on
//! or before its last day less those that ended before its first day (an
//! event that ended before a bin also began before it, so the difference
//! counts exactly the events overlapping the bin).

use faultlines_core::api::{Bin, Histogram};
use faultlines_core::date::DayNum;

/// Events by the (window-clamped) day they begin and end.
#[derive(Debug, Default)]
pub struct Tally {
    pub starts: Vec<(DayNum, u64)>,
    pub ends: Vec<(DayNum, u64)>,
}

/// The core's bin edges for `[a, b]` in `bins` bins.
pub fn edges(a: DayNum, b: DayNum, bins: usize) -> Vec<(DayNum, DayNum)> {
    let width = (b as f64 - a as f64 + 1.0) / bins as f64;
    (0..bins)
        .map(|i| {
            let s = a + (i as f64 * width).floor() as DayNum;
            let e = (a + ((i + 1) as f64 * width).floor() as DayNum - 1).max(s);
            (s, e)
        })
        .collect()
}

/// Running totals by day, for "how many on or before day d".
fn cumulative(mut v: Vec<(DayNum, u64)>) -> Vec<(DayNum, u64)> {
    v.sort_unstable();
    let mut sum = 0;
    for x in &mut v {
        sum += x.1;
        x.1 = sum;
    }
    v
}

fn at_most(c: &[(DayNum, u64)], d: DayNum) -> u64 {
    match c.partition_point(|&(day, _)| day <= d) {
        0 => 0,
        k => c[k - 1].1,
    }
}

impl Tally {
    pub fn histogram(self, a: DayNum, b: DayNum, bins: usize) -> Histogram {
        let (starts, ends) = (cumulative(self.starts), cumulative(self.ends));
        let bins: Vec<Bin> = edges(a, b, bins)
            .into_iter()
            .map(|(s, e)| Bin {
                start_day: s,
                end_day: e,
                count: (at_most(&starts, e) - at_most(&ends, s - 1)) as u32,
            })
            .collect();
        let max = bins.iter().map(|b| b.count).max().unwrap_or(0);
        Histogram { bins, max }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_counts_in_every_bin_it_overlaps_and_no_other() {
        // Days 0..=9 in 5 bins of 2 days; one event on days 3 to 6.
        let t = Tally {
            starts: vec![(3, 1)],
            ends: vec![(6, 1)],
        };
        let counts: Vec<u32> = t.histogram(0, 9, 5).bins.iter().map(|b| b.count).collect();
        assert_eq!(counts, [0, 1, 1, 1, 0]);
    }
}
