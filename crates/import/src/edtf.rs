//! Dates as people's data writes them: ISO 8601 and the Extended
//! Date/Time Format (EDTF, ISO 8601-2) levels 0 and 1, plus the
//! "05 January 2022" of ACLED's exports.
//!
//! They become the core's [`Date`]s, which keep their precision: `2022-09`
//! is the month, not its first day. EDTF's uncertain (`?`), approximate
//! (`~`) and both (`%`) all become the core's approximate date, drawn with
//! the fuzzy edges the app shows; an interval (`1990/1992`) is an event that
//! lasts from its start to its end (`1990/..` is still going). Anything else
//! is refused with the reason, never guessed: `05/01/2022` is the 5th of
//! January in Paris and the 1st of May in Boston.
//!
//! ```
//! use faultlines_import::edtf::parse_when;
//! let w = parse_when("2022-09?").unwrap();
//! assert_eq!(w.start.to_string(), "~2022-09");
//! assert!(parse_when("2023-02-31").unwrap_err().contains("no such day"));
//! ```

use faultlines_core::date::{Date, MAX_YEAR, MIN_YEAR};
use faultlines_core::model::EventEnd;

/// When an event happened: its start and how it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub start: Date,
    pub end: EventEnd,
}

/// A date or an interval; the error says what is wrong, in words.
pub fn parse_when(input: &str) -> Result<When, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("no date".into());
    }
    if let Some(d) = slashed_day(s) {
        return Ok(When {
            start: d?,
            end: EventEnd::Instant,
        });
    }
    let Some((a, b)) = s.split_once('/') else {
        return Ok(When {
            start: parse_date(s)?,
            end: EventEnd::Instant,
        });
    };
    if a.is_empty() || a == ".." {
        return Err(format!("{s:?}: an interval needs a known start (write the earliest possible date before the /)"));
    }
    let start = parse_date(a)?;
    let end = match b {
        "" | ".." => EventEnd::Open,
        b => {
            let end = parse_date(b)?;
            if end.latest() < start.earliest() {
                return Err(format!("{s:?}: the interval ends before it starts"));
            }
            EventEnd::At(end)
        }
    };
    Ok(When { start, end })
}

/// `2022/01/05` (a day written with slashes), told apart from `2022/2023`;
/// `05/01/2022` is refused as ambiguous.
fn slashed_day(s: &str) -> Option<Result<Date, String>> {
    let parts: Vec<&str> = s.split('/').collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if parts[0].len() == 4 {
        return Some(parse_date(&format!(
            "{}-{:0>2}-{:0>2}",
            parts[0], parts[1], parts[2]
        )));
    }
    Some(Err(format!(
        "{s:?} is ambiguous (day/month or month/day?): write it as YYYY-MM-DD"
    )))
}

/// One date: EDTF level 0–1 or a written-out English date.
pub fn parse_date(input: &str) -> Result<Date, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("no date".into());
    }
    if let Some(d) = written(s) {
        return d;
    }
    // EDTF qualifiers: `?` uncertain, `~` approximate, `%` both; our own
    // files put `~` in front.
    let (s, approx) = match s.strip_suffix(['?', '~', '%']) {
        Some(rest) => (rest, true),
        None => match s.strip_prefix('~') {
            Some(rest) => (rest, true),
            None => (s, false),
        },
    };
    // A time of day adds nothing to a day.
    let s = match s.find(['T', ' ']) {
        Some(i) if i >= 10 => &s[..i],
        _ => s,
    };
    let (neg, digits) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('Y').unwrap_or(s)),
    };
    let mut parts = digits.split('-');
    let year_text = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let year = year_of(input, year_text, neg)?;
    let date = match rest.as_slice() {
        [] => Date::year(year),
        ["XX"] | ["XX", "XX"] => Date::year(year),
        [m] if m.len() == 2 && ("21".."25").contains(m) => return season(input, year, m, approx),
        [m] => Date::ym(year, two(input, m, "month")?),
        [m, "XX"] => Date::ym(year, two(input, m, "month")?),
        [m, d] => Date::ymd(year, two(input, m, "month")?, two(input, d, "day")?),
        _ => {
            return Err(format!(
                "{input:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
            ))
        }
    };
    date.map(|d| d.with_approx(approx))
        .map_err(|e| format!("{input:?} is not a date: {}", e.reason))
}

fn year_of(input: &str, text: &str, neg: bool) -> Result<i32, String> {
    if text.contains('X') {
        return Err(format!("{input:?}: unspecified digits in a year (like 201X) are not supported; write the decade as an interval, 2010/2019"));
    }
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{input:?} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY, as in 2022-01-09)"
        ));
    }
    let value: i64 = text.parse().unwrap_or(i64::MAX);
    let year = if neg { -value } else { value };
    if year < i64::from(MIN_YEAR) || year > i64::from(MAX_YEAR) {
        return Err(format!("{input:?}: the year {year} is outside the years the atlas draws ({MIN_YEAR} to {MAX_YEAR})"));
    }
    if text.len() != 4 {
        let padded = if neg {
            format!("-{value:04}")
        } else {
            format!("{value:04}")
        };
        return Err(format!("{input:?}: a year is written with four digits (here {padded}); year 0 is 1 BC, -0499 is 500 BC"));
    }
    Ok(year as i32)
}

fn two(input: &str, text: &str, what: &str) -> Result<u8, String> {
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{input:?}: the {what} must have two digits"));
    }
    Ok(text.parse().unwrap_or(0))
}

/// EDTF seasons (21 spring … 24 winter, northern hemisphere) as "about" the
/// season's middle month, whose margin covers the season.
fn season(input: &str, year: i32, code: &str, _approx: bool) -> Result<Date, String> {
    let (y, m) = match code {
        "21" => (year, 4),
        "22" => (year, 7),
        "23" => (year, 10),
        _ => (year + 1, 1),
    };
    Date::ym(y, m)
        .map(|d| d.with_approx(true))
        .map_err(|e| format!("{input:?} is not a date: {}", e.reason))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "05 January 2022", "5 Jan 2022", "January 2022", "Jan 5, 2022".
fn written(s: &str) -> Option<Result<Date, String>> {
    // A word of three letters or more (a month's name); `2022-XX`,
    // `…T10:30Z` and `201X` are EDTF's.
    let wordy = s
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 3);
    if !wordy {
        return None;
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month_of = |w: &str| {
        (w.len() >= 3)
            .then(|| MONTHS.iter().position(|m| m.starts_with(w)))
            .flatten()
            .map(|i| i as u8 + 1)
    };
    let num = |w: &str| w.parse::<i32>().ok();
    let bad = || {
        Err(format!(
            "{s:?} is not a date (expected YYYY-MM-DD, or a day as in 05 January 2022)"
        ))
    };
    let date = match words
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [d, m, y] => match (num(d), month_of(m), num(y)) {
            (Some(d), Some(m), Some(y)) => Date::ymd(y, m, d.clamp(0, 255) as u8),
            _ => match (month_of(d), num(m), num(y)) {
                (Some(m), Some(d), Some(y)) => Date::ymd(y, m, d.clamp(0, 255) as u8),
                _ => return Some(bad()),
            },
        },
        [m, y] => match (month_of(m), num(y)) {
            (Some(m), Some(y)) => Date::ym(y, m),
            _ => return Some(bad()),
        },
        _ => return Some(bad()),
    };
    Some(date.map_err(|e| format!("{s:?} is not a date: {}", e.reason)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let w = parse_when(s).unwrap();
        match w.end {
            EventEnd::Instant => w.start.to_string(),
            EventEnd::At(e) => format!("{}/{}", w.start, e),
            EventEnd::Open => format!("{}/..", w.start),
        }
    }

    #[test]
    fn edtf_level_0_and_1_dates_keep_their_precision() {
        assert_eq!(text("2022"), "2022");
        assert_eq!(text("2022-09"), "2022-09");
        assert_eq!(text("2022-09-05"), "2022-09-05");
        assert_eq!(text("2022-09?"), "~2022-09");
        assert_eq!(text("~1999"), "~1999");
        assert_eq!(text("1999~"), "~1999");
        assert_eq!(text("2004-06%"), "~2004-06");
        assert_eq!(text("1990/1992"), "1990/1992");
        assert_eq!(text("2022-02-24/.."), "2022-02-24/..");
        assert_eq!(text("2022-XX"), "2022");
        assert_eq!(text("2022-05-XX"), "2022-05");
        assert_eq!(text("-0500"), "-0500");
        assert_eq!(text("0000"), "0000");
    }

    #[test]
    fn times_of_day_and_written_dates_are_days() {
        assert_eq!(text("2022-01-05T10:30:00Z"), "2022-01-05");
        assert_eq!(text("2022-01-05 00:00:00.000"), "2022-01-05");
        assert_eq!(text("05 January 2022"), "2022-01-05");
        assert_eq!(text("5 Jan 2022"), "2022-01-05");
        assert_eq!(text("January 5, 2022"), "2022-01-05");
        assert_eq!(text("September 2023"), "2023-09");
        assert_eq!(text("2022/01/05"), "2022-01-05");
    }

    #[test]
    fn a_season_is_about_its_middle_month() {
        assert_eq!(text("2022-21"), "~2022-04");
        assert_eq!(text("2022-24"), "~2023-01");
    }

    #[test]
    fn impossible_and_ambiguous_dates_say_why() {
        let err = |s| parse_when(s).unwrap_err();
        assert!(err("2023-02-31").contains("no such day in that month"));
        assert!(err("31 February 2023").contains("no such day"));
        assert!(err("2022-13").contains("month must be 01 to 12"));
        assert!(err("05/01/2022").contains("ambiguous"));
        assert!(err("10000").contains("outside the years"));
        assert!(err("Y10000").contains("outside the years"));
        assert!(err("0").contains("four digits"));
        assert!(err("-500").contains("-0500"));
        assert!(err("201X").contains("2010/2019"));
        assert!(err("../1992").contains("known start"));
        assert!(err("1995/1990").contains("ends before it starts"));
        assert!(err("soon").contains("not a date"));
        assert!(err("").contains("no date"));
    }

    proptest::proptest! {
        #[test]
        fn no_input_makes_the_parser_panic(s in "\\PC{0,24}") {
            let _ = parse_when(&s);
        }

        #[test]
        fn every_core_date_reads_back_as_itself(y in -9999i32..=9999, m in 1u8..=12, d in 1u8..=28, approx: bool) {
            let date = Date::ymd(y, m, d).unwrap().with_approx(approx);
            proptest::prop_assert_eq!(parse_date(&date.to_string()).unwrap(), date);
        }
    }
}
