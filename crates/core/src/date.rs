//! Imprecise historical dates.
//!
//! The story mixes "8 January 2022", "April 1999", "1980-81" and "about
//! September 2023". A [`Date`] keeps the precision it was written with instead
//! of inventing a day, and every comparison works on the *span of days* the
//! date may denote:
//!
//! * a day-precise date covers that one day;
//! * a month-precise date covers every day of the month;
//! * a year-precise date covers every day of the year;
//! * an approximate date (`~` prefix) is widened on both sides by a margin of
//!   one unit of its precision: 7 days for a day, 31 days for a month and 366
//!   days for a year ([`Date::margin_days`]).
//!
//! Two imprecise dates *may overlap* when their spans intersect; one is
//! *certainly before* another when its span ends before the other starts.
//! Days are counted as [`DayNum`], days since 1970-01-01 in the proleptic
//! Gregorian calendar, so any year (including those before 1900) is allowed.
//!
//! Text form (used in the dataset, the CLI and the API): `YYYY`, `YYYY-MM`,
//! `YYYY-MM-DD`, each optionally prefixed by `~` for "approximately".
//!
//! ```
//! use faultlines_core::date::{Date, Precision};
//! let april: Date = "1999-04".parse().unwrap();
//! assert_eq!(april.precision(), Precision::Month);
//! // A month covers its thirty days; a day inside it may coincide with it.
//! assert_eq!(april.latest() - april.earliest(), 29);
//! let day: Date = "1999-04-02".parse().unwrap();
//! assert!(april.may_overlap(&day) && !april.certainly_before(&day));
//! // The text form round-trips, approximation included.
//! assert_eq!("~1999".parse::<Date>().unwrap().to_string(), "~1999");
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Days since 1970-01-01 (proleptic Gregorian). Negative before 1970.
pub type DayNum = i32;

/// How precisely a date is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A calendar date known to a day, a month or a year, possibly approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
    precision: Precision,
    approx: bool,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {input:?}: {reason} (expected YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by ~)")]
pub struct DateError {
    pub input: String,
    pub reason: &'static str,
}

/// Smallest and largest year accepted; wide enough for any history we tell and
/// small enough that day numbers never overflow.
pub const MIN_YEAR: i32 = -9999;
pub const MAX_YEAR: i32 = 9999;

impl Date {
    /// A day-precise date.
    ///
    /// ```
    /// use faultlines_core::date::Date;
    /// assert_eq!(Date::ymd(2022, 1, 9).unwrap().to_string(), "2022-01-09");
    /// // 31 February is no day at all.
    /// assert!(Date::ymd(2023, 2, 31).is_err());
    /// ```
    pub fn ymd(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        Self::checked(
            year,
            Some(month),
            Some(day),
            false,
            &format!("{year:04}-{month:02}-{day:02}"),
        )
    }

    /// A month-precise date.
    pub fn ym(year: i32, month: u8) -> Result<Self, DateError> {
        Self::checked(
            year,
            Some(month),
            None,
            false,
            &format!("{year:04}-{month:02}"),
        )
    }

    /// A year-precise date.
    pub fn year(year: i32) -> Result<Self, DateError> {
        Self::checked(year, None, None, false, &format!("{year:04}"))
    }

    /// The same date marked approximate (or not).
    pub fn with_approx(mut self, approx: bool) -> Self {
        self.approx = approx;
        self
    }

    /// The day-precise date of a day number.
    pub fn from_daynum(n: DayNum) -> Self {
        let (y, m, d) = civil_from_days(n);
        Date {
            year: y,
            month: m,
            day: d,
            precision: Precision::Day,
            approx: false,
        }
    }

    fn checked(
        year: i32,
        month: Option<u8>,
        day: Option<u8>,
        approx: bool,
        input: &str,
    ) -> Result<Self, DateError> {
        let err = |reason| DateError {
            input: input.to_string(),
            reason,
        };
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(err("year out of range"));
        }
        let (month, day, precision) = match (month, day) {
            (None, None) => (1, 1, Precision::Year),
            (Some(m), None) => {
                if !(1..=12).contains(&m) {
                    return Err(err("month must be 01 to 12"));
                }
                (m, 1, Precision::Month)
            }
            (Some(m), Some(d)) => {
                if !(1..=12).contains(&m) {
                    return Err(err("month must be 01 to 12"));
                }
                if d == 0 || d > days_in_month(year, m) {
                    return Err(err("no such day in that month"));
                }
                (m, d, Precision::Day)
            }
            (None, Some(_)) => return Err(err("a day needs a month")),
        };
        Ok(Date {
            year,
            month,
            day,
            precision,
            approx,
        })
    }

    pub fn year_value(&self) -> i32 {
        self.year
    }
    /// The month (1–12), when known.
    pub fn month(&self) -> Option<u8> {
        (self.precision != Precision::Year).then_some(self.month)
    }
    /// The day of the month, when known.
    pub fn day(&self) -> Option<u8> {
        (self.precision == Precision::Day).then_some(self.day)
    }
    pub fn precision(&self) -> Precision {
        self.precision
    }
    pub fn is_approx(&self) -> bool {
        self.approx
    }

    /// The margin an approximate date is widened by, on each side.
    ///
    /// ```
    /// use faultlines_core::date::Date;
    /// let about: Date = "~2023-09".parse().unwrap();
    /// assert_eq!(about.margin_days(), 31);
    /// assert_eq!(about.latest() - about.earliest(), 29 + 2 * 31);
    /// ```
    pub fn margin_days(&self) -> i32 {
        if !self.approx {
            return 0;
        }
        match self.precision {
            Precision::Day => 7,
            Precision::Month => 31,
            Precision::Year => 366,
        }
    }

    /// First day of the nominal period (ignoring approximation).
    pub fn nominal_first(&self) -> DayNum {
        days_from_civil(self.year, self.month, self.day)
    }

    /// Last day of the nominal period (ignoring approximation).
    pub fn nominal_last(&self) -> DayNum {
        match self.precision {
            Precision::Day => self.nominal_first(),
            Precision::Month => {
                days_from_civil(self.year, self.month, days_in_month(self.year, self.month))
            }
            Precision::Year => days_from_civil(self.year, 12, 31),
        }
    }

    /// Earliest day this date may denote.
    pub fn earliest(&self) -> DayNum {
        self.nominal_first() - self.margin_days()
    }

    /// Latest day this date may denote.
    pub fn latest(&self) -> DayNum {
        self.nominal_last() + self.margin_days()
    }

    /// Whether the two dates may denote a common day.
    pub fn may_overlap(&self, other: &Date) -> bool {
        self.earliest() <= other.latest() && other.earliest() <= self.latest()
    }

    /// Whether every day this date may denote comes before every day of `other`.
    ///
    /// ```
    /// use faultlines_core::date::Date;
    /// let (y1980, y1981): (Date, Date) = ("1980".parse().unwrap(), "1981".parse().unwrap());
    /// assert!(y1980.certainly_before(&y1981));
    /// // "About 1980" may reach into 1981.
    /// let about: Date = "~1980".parse().unwrap();
    /// assert!(!about.certainly_before(&y1981));
    /// ```
    pub fn certainly_before(&self, other: &Date) -> bool {
        self.latest() < other.earliest()
    }
}

/// Order by earliest possible day, then by latest, then by precision.
impl Ord for Date {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.earliest(), self.latest(), self.precision, self.approx).cmp(&(
            other.earliest(),
            other.latest(),
            other.precision,
            other.approx,
        ))
    }
}
impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approx {
            f.write_str("~")?;
        }
        if self.year < 0 {
            write!(f, "-{:04}", -self.year)?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        match self.precision {
            Precision::Year => Ok(()),
            Precision::Month => write!(f, "-{:02}", self.month),
            Precision::Day => write!(f, "-{:02}-{:02}", self.month, self.day),
        }
    }
}

/// The digits of `b` as a number, if all of them are ASCII digits and the
/// number fits (a run of twenty digits is no year, and must not overflow:
/// found by fuzzing links, whose `at=` reaches this parser).
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| {
        if !c.is_ascii_digit() {
            return None;
        }
        n.checked_mul(10)?.checked_add(u32::from(c - b'0'))
    })
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(input: &str) -> Result<Self, DateError> {
        // The common shape, `YYYY-MM-DD`, read straight from its bytes: a
        // million events' dates are parsed at every opening of their story.
        if let [y @ .., b'-', m0, m1, b'-', d0, d1] = input.as_bytes() {
            if let (4, Some(year), Some(month), Some(day)) =
                (y.len(), digits(y), digits(&[*m0, *m1]), digits(&[*d0, *d1]))
            {
                return Date::checked(
                    year as i32,
                    Some(month as u8),
                    Some(day as u8),
                    false,
                    input,
                );
            }
        }
        Date::parse_general(input)
    }
}

impl Date {
    /// Any date text, piece by piece (what `from_str` falls back to).
    fn parse_general(input: &str) -> Result<Self, DateError> {
        let err = |reason| DateError {
            input: input.to_string(),
            reason,
        };
        let s = input.trim();
        let (approx, s) = match s.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (neg, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let mut parts = s.split('-');
        let y = parts.next().unwrap_or_default();
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("the year must have four digits"));
        }
        let mut year: i32 = y.parse().map_err(|_| err("bad year"))?;
        if neg {
            year = -year;
        }
        let mut two = |what: &'static str| -> Result<Option<u8>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| err(what))?))
                }
                Some(_) => Err(err(what)),
            }
        };
        let month = two("the month must have two digits")?;
        let day = two("the day must have two digits")?;
        if parts.next().is_some() {
            return Err(err("too many parts"));
        }
        Date::checked(year, month, day, approx, input)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Declare that a type travels to the UI as a plain TypeScript `string`.
macro_rules! ts_as_string {
    ($t:ty) => {
        impl ts_rs::TS for $t {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> String {
                "string".to_owned()
            }
            fn inline(_: &ts_rs::Config) -> String {
                "string".to_owned()
            }
        }
    };
}
pub(crate) use ts_as_string;

ts_as_string!(Date);

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
///
/// ```
/// use faultlines_core::date::{civil_from_days, days_from_civil};
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(1969, 12, 31), -1);
/// assert_eq!(civil_from_days(days_from_civil(1955, 5, 14)), (1955, 5, 14));
/// ```
pub fn days_from_civil(y: i32, m: u8, d: u8) -> DayNum {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day number.
pub fn civil_from_days(z: DayNum) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// `YYYY-MM-DD` takes a shortcut; it must give what the general
        /// parser gives, date or error, for any digits.
        #[test]
        fn the_shortcut_parses_as_the_general_parser(y in 0u32..10000, m in 0u32..100, d in 0u32..100) {
            let s = format!("{y:04}-{m:02}-{d:02}");
            proptest::prop_assert_eq!(s.parse::<Date>(), Date::parse_general(&s));
        }
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_long_run_of_digits_before_a_month_and_day_is_refused_without_overflowing() {
        // Found by fuzzing links: the fast path summed every digit before
        // checking that there were four, which overflows in a debug build.
        for text in [
            "20111111111111111111111111111122-12-30",
            "99999999999-01-01",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
        assert_eq!(digits(b"4294967295"), Some(u32::MAX));
        assert_eq!(digits(b"4294967296"), None);
    }

    #[test]
    fn parses_each_precision() {
        let d: Date = "2022-01-08".parse().unwrap();
        assert_eq!(
            (d.year_value(), d.month(), d.day(), d.precision()),
            (2022, Some(1), Some(8), Precision::Day)
        );
        let m: Date = "1999-04".parse().unwrap();
        assert_eq!(m.precision(), Precision::Month);
        assert_eq!(m.nominal_last() - m.nominal_first(), 29);
        let y: Date = "1988".parse().unwrap();
        assert_eq!(y.latest() - y.earliest(), 365, "1988 is a leap year");
        let a: Date = "~2023-09".parse().unwrap();
        assert!(a.is_approx());
        assert_eq!(a.to_string(), "~2023-09");
    }

    #[test]
    fn rejects_bad_dates_with_reasons() {
        for (bad, why) in [
            ("2022-13-01", "month"),
            ("2022-02-30", "no such day"),
            ("22-01-01", "four digits"),
            ("2022-1-01", "two digits"),
            ("2022-01-01-01", "too many"),
            ("", "four digits"),
            ("spring 2022", "four digits"),
        ] {
            let e = bad.parse::<Date>().unwrap_err();
            assert!(e.to_string().contains(why), "{bad}: {e}");
            assert!(
                e.to_string().contains(&format!("{bad:?}")),
                "{e} names the input"
            );
        }
    }

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(Date::ymd(1955, 5, 14).unwrap().nominal_first(), -5346);
    }

    #[test]
    fn year_overlaps_each_of_its_days_and_margin_widens() {
        let y: Date = "1981".parse().unwrap();
        assert!(y.may_overlap(&"1981-12-31".parse().unwrap()));
        assert!(!y.may_overlap(&"1982-01-01".parse().unwrap()));
        let ay: Date = "~1981".parse().unwrap();
        assert!(ay.may_overlap(&"1982-06-01".parse().unwrap()));
        assert!(!ay.may_overlap(&"1983-01-05".parse().unwrap()));
    }

    proptest! {
        #[test]
        fn daynum_roundtrip(n in -1_000_000i32..1_000_000) {
            let (y, m, d) = civil_from_days(n);
            prop_assert_eq!(days_from_civil(y, m, d), n);
        }

        #[test]
        fn text_roundtrip(y in 1000i32..3000, m in 1u8..=12, d in 1u8..=28, p in 0u8..3, approx: bool) {
            let date = match p { 0 => Date::ymd(y, m, d), 1 => Date::ym(y, m), _ => Date::year(y) }.unwrap().with_approx(approx);
            let back: Date = date.to_string().parse().unwrap();
            prop_assert_eq!(back, date);
        }

        #[test]
        fn overlap_is_symmetric_and_exclusive_with_before(a in date_strategy(), b in date_strategy()) {
            prop_assert_eq!(a.may_overlap(&b), b.may_overlap(&a));
            // Exactly one of: a before b, b before a, or they may overlap.
            let n = [a.certainly_before(&b), b.certainly_before(&a), a.may_overlap(&b)].iter().filter(|x| **x).count();
            prop_assert_eq!(n, 1);
        }

        #[test]
        fn span_contains_nominal_period(a in date_strategy()) {
            prop_assert!(a.earliest() <= a.nominal_first());
            prop_assert!(a.nominal_first() <= a.nominal_last());
            prop_assert!(a.nominal_last() <= a.latest());
            // A coarser date contains the finer dates inside it.
            let day = Date::from_daynum(a.nominal_first());
            prop_assert!(a.may_overlap(&day));
        }
    }

    fn date_strategy() -> impl Strategy<Value = Date> {
        (1900i32..2100, 1u8..=12, 1u8..=28, 0u8..3, any::<bool>()).prop_map(
            |(y, m, d, p, approx)| {
                match p {
                    0 => Date::ymd(y, m, d),
                    1 => Date::ym(y, m),
                    _ => Date::year(y),
                }
                .unwrap()
                .with_approx(approx)
            },
        )
    }
}
