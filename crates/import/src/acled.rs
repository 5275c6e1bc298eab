//! The ACLED export (Armed Conflict Location & Event Data): one row per
//! event, `event_id_cnty` its id, `event_date` its day, `time_precision`
//! how well the day is known (1 the day, 2 the week, 3 the month), and
//! `geo_precision` how well the place is (1 the place, 2 near it, 3 only
//! its province).
//!
//! A week-precise date becomes "about that day", whose margin of seven days
//! on each side covers the week the source gave; a month-precise one becomes
//! the month. The event's id stays ACLED's, so a row can be found again.

use faultlines_core::model::{EventKind, Geometry, PlacePrecision};

use crate::columns::Field;
use crate::edtf::parse_date;
use crate::row::{self, Draft, FieldError};
use crate::table::{Rec, RowReader};

/// Column positions of an ACLED file.
pub struct Acled {
    id: Option<usize>,
    date: Option<usize>,
    precision: Option<usize>,
    event_type: Option<usize>,
    sub_event_type: Option<usize>,
    actor1: Option<usize>,
    actor2: Option<usize>,
    country: Option<usize>,
    admin1: Option<usize>,
    location: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
    geo_precision: Option<usize>,
    source: Option<usize>,
    notes: Option<usize>,
    fatalities: Option<usize>,
}

/// The position of the column named `name` (headers compared normalised).
pub fn col(headers: &[String], name: &str) -> Option<usize> {
    headers
        .iter()
        .position(|h| crate::columns::normal(h) == name)
}

impl Acled {
    pub fn new(headers: &[String]) -> Acled {
        let c = |n| col(headers, n);
        Acled {
            id: c("event_id_cnty"),
            date: c("event_date"),
            precision: c("time_precision"),
            event_type: c("event_type"),
            sub_event_type: c("sub_event_type"),
            actor1: c("actor1"),
            actor2: c("actor2"),
            country: c("country"),
            admin1: c("admin1"),
            location: c("location"),
            lat: c("latitude"),
            lon: c("longitude"),
            geo_precision: c("geo_precision"),
            source: c("source"),
            notes: c("notes"),
            fatalities: c("fatalities"),
        }
    }
}

/// ACLED's event types, as the nearest kind of the atlas.
fn kind(event_type: &str) -> EventKind {
    match event_type.trim() {
        "Battles" | "Violence against civilians" | "Explosions/Remote violence" => {
            EventKind::Conflict
        }
        "Protests" | "Riots" => EventKind::Statement,
        _ => EventKind::Other,
    }
}

impl RowReader for Acled {
    fn read(&self, rec: &Rec, file: &str) -> Result<Draft, FieldError> {
        let text = |i: Option<usize>, f| rec.get(i, f).map(|s| s.unwrap_or_default().trim());
        let id = rec
            .need(self.id, Field::Id, "event_id_cnty")?
            .trim()
            .to_string();
        let day = parse_date(rec.need(self.date, Field::Date, "event_date")?)
            .map_err(|e| ("event_date".into(), e))?;
        let precision = rec.need(self.precision, Field::Date, "time_precision")?;
        let start = match (precision.trim(), day.day()) {
            ("1", Some(_)) => day,
            ("2", Some(_)) => day.with_approx(true),
            ("3", _) => faultlines_core::Date::ym(day.year_value(), day.month().unwrap_or(1))
                .map_err(|e| ("event_date".into(), e.to_string()))?,
            ("1" | "2", None) => {
                return Err((
                    "time_precision".into(),
                    format!("time_precision {precision} needs a day in event_date"),
                ))
            }
            (p, _) => {
                return Err((
                    "time_precision".into(),
                    format!("{p:?} must be 1 (day), 2 (week) or 3 (month)"),
                ))
            }
        };
        let point = row::point(
            rec.get(self.lat, Field::Lat)?.unwrap_or_default(),
            rec.get(self.lon, Field::Lon)?.unwrap_or_default(),
        )
        .map_err(row::spelled_out)?;
        let event_type = text(self.event_type, Field::Kind)?;
        let sub = text(self.sub_event_type, Field::Kind)?;
        let location = text(self.location, Field::Place)?;
        let what = if sub.is_empty() { event_type } else { sub };
        let title = match (what.is_empty(), location.is_empty()) {
            (false, false) => format!("{what} in {location}"),
            (false, true) => what.to_string(),
            _ => format!("ACLED event {id}"),
        };
        let mut description = text(self.notes, Field::Description)?.to_string();
        let actors: Vec<&str> = [
            text(self.actor1, Field::Description)?,
            text(self.actor2, Field::Description)?,
        ]
        .into_iter()
        .filter(|a| !a.is_empty())
        .collect();
        if !actors.is_empty() {
            description.push_str(&format!("\nActors: {}.", actors.join("; ")));
        }
        let fatalities = text(self.fatalities, Field::Description)?;
        if !fatalities.is_empty() {
            description.push_str(&format!("\nReported fatalities: {fatalities}."));
        }
        let wider: Vec<&str> = [
            location,
            text(self.admin1, Field::Place)?,
            text(self.country, Field::Place)?,
        ]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
        if !wider.is_empty() {
            description.push_str(&format!("\nWhere: {}.", wider.join(", ")));
        }
        let places = [location]
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        let place_precision = match text(self.geo_precision, Field::Place)? {
            "1" => Some(PlacePrecision::Exact),
            "2" => Some(PlacePrecision::Near),
            "3" => Some(PlacePrecision::Province),
            _ => None,
        };
        Ok(Draft {
            id,
            title,
            description: description.trim().to_string(),
            kind: kind(event_type),
            when: row::instant(start),
            geometry: Geometry::Point(point),
            sources: row::sources(rec.get(self.source, Field::Source)?, file, rec.line),
            places,
            place_precision,
            own: None,
        })
    }
}
