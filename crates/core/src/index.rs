//! Time indexes over events: stabbing ("what is on at t"), window and
//! histogram queries that stay fast at a million events.
//!
//! **Duration classes.** Events are split by the length `d = hi - lo` of
//! their day interval into classes `k = floor(log2(d + 1))`, so every event in
//! class `k` lasts at most `2^(k+1) - 2` days. Within a class, events are
//! sorted by start. An event of class `k` that covers day `t` must start in
//! `[t - 2^(k+1) + 2, t]`, so a stabbing query binary-searches that range in
//! each class and keeps those whose end is `>= t`. Because durations within
//! a class differ by at most a factor of two, at least about half of the
//! scanned candidates are hits: the cost is proportional to the answer plus a
//! logarithm per class, with no tree to balance and three flat arrays per
//! class (cache-friendly, ~12 bytes an event).
//!
//! **Histogram.** The number of events overlapping `[a, b]` is
//! `#(lo <= b) - #(hi < a)`; with all starts and all ends sorted, each bin
//! costs two binary searches, whatever the number of events. A [`Tally`] per
//! kind (only the sorted starts and ends) lets kind filters keep that speed.
//!
//! ```
//! use faultlines_core::index::TimeIndex;
//! // Three events as inclusive day intervals: a long one, a day, a week.
//! let index = TimeIndex::new([(0, 400), (10, 10), (8, 14)]);
//! assert_eq!(index.at(10), [0, 1, 2]);
//! assert_eq!(index.at(15), [0]);
//! assert_eq!(index.count_overlapping(11, 20), 2);
//! assert_eq!(index.count_starting(5, 9), 1);
//! ```

use crate::date::DayNum;

/// Events with day intervals `[lo, hi]`, identified by their position.
///
/// Each entry may carry a small `Copy` payload `T`, stored next to it in class
/// order, so that a query reads its hits' data sequentially instead of jumping
/// around a side table.
#[derive(Debug, Clone)]
pub struct TimeIndex<T: Copy = ()> {
    classes: Vec<Class<T>>,
    tally: Tally,
}

impl<T: Copy> Default for TimeIndex<T> {
    fn default() -> Self {
        TimeIndex {
            classes: Vec::new(),
            tally: Tally::default(),
        }
    }
}

/// Only the counting half of an index: every start and every end, sorted
/// (8 bytes an event). Enough for histograms, e.g. one per event kind.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    sorted_lo: Vec<DayNum>,
    sorted_hi: Vec<DayNum>,
}

impl Tally {
    /// Only the counts of intervals `[lo, hi]`, for a histogram by kind.
    ///
    /// ```
    /// use faultlines_core::index::{Density, Tally};
    /// let t = Tally::new([(0, 9), (5, 5), (20, 30)]);
    /// assert_eq!(t.count_overlapping(5, 20), 3);
    /// assert_eq!(t.count_overlapping(10, 19), 0);
    /// ```
    pub fn new(intervals: impl IntoIterator<Item = (DayNum, DayNum)>) -> Tally {
        let (mut sorted_lo, mut sorted_hi): (Vec<DayNum>, Vec<DayNum>) =
            intervals.into_iter().unzip();
        sorted_lo.sort_unstable();
        sorted_hi.sort_unstable();
        Tally {
            sorted_lo,
            sorted_hi,
        }
    }

    pub fn len(&self) -> usize {
        self.sorted_lo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sorted_lo.is_empty()
    }
}

#[derive(Debug, Clone)]
struct Class<T> {
    /// Upper bound on `hi - lo` in this class.
    max_len: i64,
    lo: Vec<DayNum>,
    hi: Vec<DayNum>,
    idx: Vec<u32>,
    data: Vec<T>,
}

impl<T> Default for Class<T> {
    fn default() -> Self {
        Class {
            max_len: 0,
            lo: Vec::new(),
            hi: Vec::new(),
            idx: Vec::new(),
            data: Vec::new(),
        }
    }
}

impl TimeIndex<()> {
    /// Build from `(lo, hi)` pairs; position `i` in the input is the id reported.
    pub fn new(intervals: impl IntoIterator<Item = (DayNum, DayNum)>) -> Self {
        Self::with_data(intervals.into_iter().map(|(lo, hi)| (lo, hi, ())))
    }
}

impl<T: Copy> TimeIndex<T> {
    /// Build from `(lo, hi, payload)`; position `i` in the input is the id reported.
    ///
    /// ```
    /// use faultlines_core::index::TimeIndex;
    /// let index = TimeIndex::with_data([(0, 5, 'a'), (3, 9, 'b')]);
    /// let mut hits = Vec::new();
    /// index.for_each_overlapping_with(4, 4, |i, lo, hi, kind| hits.push((i, lo, hi, *kind)));
    /// hits.sort();
    /// assert_eq!(hits, [(0, 0, 5, 'a'), (1, 3, 9, 'b')]);
    /// ```
    pub fn with_data(intervals: impl IntoIterator<Item = (DayNum, DayNum, T)>) -> Self {
        let mut classes: Vec<Class<T>> = Vec::new();
        let mut spans = Vec::new();
        for (i, (lo, hi, data)) in intervals.into_iter().enumerate() {
            let d = (hi as i64 - lo as i64).max(0);
            let k = (64 - (d + 1).leading_zeros() - 1) as usize;
            if classes.len() <= k {
                classes.resize_with(k + 1, Class::default);
            }
            let c = &mut classes[k];
            c.max_len = (1i64 << (k + 1)) - 2;
            c.lo.push(lo);
            c.hi.push(hi);
            c.idx.push(i as u32);
            c.data.push(data);
            spans.push((lo, hi));
        }
        for c in &mut classes {
            let mut order: Vec<usize> = (0..c.lo.len()).collect();
            order.sort_by_key(|&j| (c.lo[j], c.idx[j]));
            c.lo = order.iter().map(|&j| c.lo[j]).collect();
            c.hi = order.iter().map(|&j| c.hi[j]).collect();
            c.idx = order.iter().map(|&j| c.idx[j]).collect();
            c.data = order.iter().map(|&j| c.data[j]).collect();
        }
        TimeIndex {
            classes,
            tally: Tally::new(spans),
        }
    }

    pub fn len(&self) -> usize {
        self.tally.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tally.is_empty()
    }

    /// Calls `f(i)` for every interval overlapping `[t0, t1]` (unordered).
    pub fn for_each_overlapping(&self, t0: DayNum, t1: DayNum, mut f: impl FnMut(u32)) {
        self.for_each_overlapping_with(t0, t1, |i, _, _, _| f(i));
    }

    /// Calls `f(i, lo, hi, payload)` for every interval overlapping `[t0, t1]` (unordered).
    pub fn for_each_overlapping_with(
        &self,
        t0: DayNum,
        t1: DayNum,
        mut f: impl FnMut(u32, DayNum, DayNum, &T),
    ) {
        for c in &self.classes {
            if c.lo.is_empty() {
                continue;
            }
            let from = (t0 as i64 - c.max_len).max(i32::MIN as i64) as DayNum;
            let a = c.lo.partition_point(|&x| x < from);
            let b = c.lo.partition_point(|&x| x <= t1);
            for j in a..b {
                if c.hi[j] >= t0 {
                    f(c.idx[j], c.lo[j], c.hi[j], &c.data[j]);
                }
            }
        }
    }

    /// Every interval covering day `t`, sorted by position.
    pub fn at(&self, t: DayNum) -> Vec<u32> {
        let mut v = Vec::new();
        self.for_each_overlapping(t, t, |i| v.push(i));
        v.sort_unstable();
        v
    }

    /// Number of intervals starting within `[a, b]`.
    pub fn count_starting(&self, a: DayNum, b: DayNum) -> usize {
        self.tally.count_starting(a, b)
    }

    /// Number of intervals overlapping `[a, b]`.
    pub fn count_overlapping(&self, a: DayNum, b: DayNum) -> usize {
        self.tally.count_overlapping(a, b)
    }
}

/// The counting side of an index, whatever its payload (for histograms over several indexes).
pub trait Density {
    fn count_overlapping(&self, a: DayNum, b: DayNum) -> usize;
    fn count_starting(&self, a: DayNum, b: DayNum) -> usize;
}

impl Density for Tally {
    /// `#(lo <= b) - #(hi < a)`: two binary searches.
    fn count_overlapping(&self, a: DayNum, b: DayNum) -> usize {
        let starts = self.sorted_lo.partition_point(|&x| x <= b);
        let ended = self.sorted_hi.partition_point(|&x| x < a);
        starts.saturating_sub(ended)
    }
    fn count_starting(&self, a: DayNum, b: DayNum) -> usize {
        self.sorted_lo
            .partition_point(|&x| x <= b)
            .saturating_sub(self.sorted_lo.partition_point(|&x| x < a))
    }
}

impl<T: Copy> Density for TimeIndex<T> {
    fn count_overlapping(&self, a: DayNum, b: DayNum) -> usize {
        self.tally.count_overlapping(a, b)
    }
    fn count_starting(&self, a: DayNum, b: DayNum) -> usize {
        self.tally.count_starting(a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn intervals() -> impl Strategy<Value = Vec<(i32, i32)>> {
        proptest::collection::vec(
            (
                -3000i32..3000,
                prop_oneof![0i32..3, 0i32..40, 0i32..2000, Just(2_932_896 - 3000)],
            ),
            0..300,
        )
        .prop_map(|v| {
            v.into_iter()
                .map(|(lo, d)| (lo, lo.saturating_add(d)))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn stabbing_matches_a_scan(iv in intervals(), t in -6000i32..6000) {
            let idx = TimeIndex::new(iv.iter().copied());
            let want: Vec<u32> = iv.iter().enumerate().filter(|(_, (lo, hi))| *lo <= t && t <= *hi).map(|(i, _)| i as u32).collect();
            prop_assert_eq!(idx.at(t), want);
        }

        #[test]
        fn window_and_count_match_a_scan(iv in intervals(), a in -6000i32..6000, len in 0i32..3000) {
            let b = a + len;
            let idx = TimeIndex::new(iv.iter().copied());
            let mut got = Vec::new();
            idx.for_each_overlapping(a, b, |i| got.push(i));
            got.sort_unstable();
            let want: Vec<u32> = iv.iter().enumerate().filter(|(_, (lo, hi))| *lo <= b && a <= *hi).map(|(i, _)| i as u32).collect();
            prop_assert_eq!(idx.count_overlapping(a, b), want.len());
            let starting = iv.iter().filter(|(lo, _)| a <= *lo && *lo <= b).count();
            prop_assert_eq!(idx.count_starting(a, b), starting);
            let tally = Tally::new(iv.iter().copied());
            prop_assert_eq!(tally.count_overlapping(a, b), want.len());
            prop_assert_eq!(tally.count_starting(a, b), starting);
            prop_assert_eq!(got, want);
        }
    }
}
