//! The UCDP Georeferenced Event Dataset (GED) CSV: one row per event of
//! organised violence, `id` its id, `date_start` and `date_end` the
//! earliest and latest day it may have happened, `date_prec` how well that
//! is known (1 the day … 4 the month, 5 the year) and `where_prec` how well
//! the place is (1 the place … 6 the country, 7 at sea or in the air).
//!
//! Days known within a few days or a week (2, 3) become "about" those days;
//! a month or a year becomes that month or year, as the app already draws
//! them. The deaths (`best`, with `low` and `high`) go into the text.

use faultlines_core::model::{EventEnd, EventKind, Geometry, PlacePrecision};
use faultlines_core::Date;

use crate::acled::col;
use crate::columns::Field;
use crate::edtf::{parse_date, When};
use crate::row::{self, Draft, FieldError};
use crate::table::{Rec, RowReader};

/// Column positions of a GED file.
pub struct Ucdp {
    id: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    date_prec: Option<usize>,
    where_prec: Option<usize>,
    dyad: Option<usize>,
    side_a: Option<usize>,
    side_b: Option<usize>,
    best: Option<usize>,
    low: Option<usize>,
    high: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
    place: Option<usize>,
    country: Option<usize>,
    source: Option<usize>,
}

impl Ucdp {
    pub fn new(headers: &[String]) -> Ucdp {
        let c = |n| col(headers, n);
        Ucdp {
            id: c("id"),
            start: c("date_start"),
            end: c("date_end"),
            date_prec: c("date_prec"),
            where_prec: c("where_prec"),
            dyad: c("dyad_name"),
            side_a: c("side_a"),
            side_b: c("side_b"),
            best: c("best"),
            low: c("low"),
            high: c("high"),
            lat: c("latitude"),
            lon: c("longitude"),
            place: c("where_coordinates"),
            country: c("country"),
            source: c("source_article"),
        }
    }
}

/// A date at the precision `date_prec` gives.
fn at(day: Date, prec: &str) -> Result<Date, String> {
    match prec {
        "1" => Ok(day),
        "2" | "3" => Ok(day.with_approx(true)),
        "4" => Date::ym(day.year_value(), day.month().unwrap_or(1)).map_err(|e| e.to_string()),
        "5" => Date::year(day.year_value()).map_err(|e| e.to_string()),
        p => Err(format!("date_prec {p:?} must be 1 (day) to 5 (year)")),
    }
}

impl RowReader for Ucdp {
    fn read(&self, rec: &Rec, file: &str) -> Result<Draft, FieldError> {
        let text = |i: Option<usize>, f| rec.get(i, f).map(|s| s.unwrap_or_default().trim());
        let id = rec.need(self.id, Field::Id, "id")?.trim().to_string();
        let prec = rec
            .need(self.date_prec, Field::Date, "date_prec")?
            .trim()
            .to_string();
        let first = parse_date(rec.need(self.start, Field::Date, "date_start")?)
            .map_err(|e| ("date_start".into(), e))?;
        let start = at(first, &prec).map_err(|e| ("date_prec".into(), e))?;
        let end = match text(self.end, Field::End)? {
            "" => EventEnd::Instant,
            e => {
                let last = at(parse_date(e).map_err(|m| ("date_end".into(), m))?, &prec)
                    .map_err(|m| ("date_prec".into(), m))?;
                if last.latest() < first.earliest() {
                    return Err(("date_end".into(), format!("{e} is before date_start")));
                }
                if last == start {
                    EventEnd::Instant
                } else {
                    EventEnd::At(last)
                }
            }
        };
        let point = row::point(
            rec.get(self.lat, Field::Lat)?.unwrap_or_default(),
            rec.get(self.lon, Field::Lon)?.unwrap_or_default(),
        )
        .map_err(row::spelled_out)?;
        let (a, b) = (
            text(self.side_a, Field::Title)?,
            text(self.side_b, Field::Title)?,
        );
        let title = match text(self.dyad, Field::Title)? {
            "" if !a.is_empty() => format!("{a} – {b}"),
            "" => format!("UCDP event {id}"),
            d => d.to_string(),
        };
        let (best, low, high) = (
            text(self.best, Field::Description)?,
            text(self.low, Field::Description)?,
            text(self.high, Field::Description)?,
        );
        let place = text(self.place, Field::Place)?;
        let mut description = String::new();
        if !best.is_empty() {
            description = format!("Deaths: {best} (estimates {low} to {high}).");
        }
        let country = text(self.country, Field::Place)?;
        let wider: Vec<&str> = [place, country]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        if !wider.is_empty() {
            description.push_str(&format!(" Where: {}.", wider.join(", ")));
        }
        let place_precision = match text(self.where_prec, Field::Place)? {
            "1" => Some(PlacePrecision::Exact),
            "2" => Some(PlacePrecision::Near),
            "3" => Some(PlacePrecision::District),
            "4" => Some(PlacePrecision::Province),
            "5" => Some(PlacePrecision::Line),
            "6" => Some(PlacePrecision::Country),
            "7" => Some(PlacePrecision::Sea),
            p => {
                return Err((
                    "where_prec".into(),
                    format!("{p:?} must be 1 (the place) to 7 (at sea)"),
                ))
            }
        };
        let places = [place]
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        Ok(Draft {
            id,
            title,
            description: description.trim().to_string(),
            kind: EventKind::Conflict,
            when: When { start, end },
            geometry: Geometry::Point(point),
            sources: row::sources(rec.get(self.source, Field::Source)?, file, rec.line),
            places,
            place_precision,
            own: None,
        })
    }
}
