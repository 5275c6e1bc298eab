//! Why a row was left out, as a stable code and its parameters, so the app
//! words the reason in its reader's language while the CLI prints the English
//! sentence unchanged.
//!
//! The readers build their reasons as English sentences (`FieldError`), in
//! a handful of fixed shapes; the most common are recognised here, from the
//! sentences this crate and the core write, and given a code from
//! [`CODES`] and their values. The tests make each reason through the
//! function that really writes it, so a sentence reworded there without a
//! change here fails them. A reason not recognised keeps no code: the app
//! shows its English message, as before.

use serde_json::{json, Value};

/// Every code a rejected row's reason has (`IMPORT_ROW_REASONS` in bindings.ts).
pub const CODES: [&str; 27] = [
    "not_a_date",
    "missing",
    "bad_coordinate",
    "latitude_out_of_range",
    "longitude_out_of_range",
    "end_before_start",
    "duplicate_id",
    "unknown_region",
    "empty_title",
    "no_source",
    "empty_source",
    "deployment_needs_line",
    "unknown_language",
    "empty_translation",
    "time_precision_unknown",
    "date_prec_unknown",
    "where_prec_unknown",
    "precision_needs_day",
    "not_wkt",
    "geometry_collection",
    "not_a_geometry",
    "coordinate_out_of_range",
    "no_date_property",
    "interval_without_start",
    "not_utf8",
    "no_coordinates",
    "line_too_short",
];

/// The code and parameters of `message`, the reason a row at `field` was
/// left out, when it is one of the coded reasons.
pub fn classify(field: Option<&str>, message: &str) -> Option<(&'static str, Value)> {
    if let Some(v) = quoted_before(message, " is not a date") {
        return Some(("not_a_date", json!({ "value": v })));
    }
    if let Some(v) = quoted_before(message, " is not a number of degrees")
        .or_else(|| quoted_before(message, " is not a finite number of degrees"))
    {
        return Some(("bad_coordinate", json!({ "value": v })));
    }
    if let Some(rest) = message.strip_prefix("latitude ") {
        let (value, hint) = rest.split_once(" is out of range (-90 to 90)")?;
        let swapped = match hint {
            "" => "no",
            ": are latitude and longitude swapped?" => "yes",
            _ => return None,
        };
        return Some((
            "latitude_out_of_range",
            json!({ "value": value, "swapped": swapped }),
        ));
    }
    if let Some(value) = message
        .strip_prefix("longitude ")
        .and_then(|r| r.strip_suffix(" is out of range (-180 to 180)"))
    {
        return Some(("longitude_out_of_range", json!({ "value": value })));
    }
    if let Some(v) = quoted_before(message, ": an interval needs a known start (") {
        return Some(("interval_without_start", json!({ "value": v })));
    }
    if message.starts_with("not UTF-8 text (") {
        return field.map(|column| ("not_utf8", json!({ "column": column })));
    }
    if let Some(end) = end_before_start(message) {
        return Some(("end_before_start", json!({ "end": end })));
    }
    if let Some(found) = event_check(message)
        .or_else(|| precision(message))
        .or_else(|| geometry(field, message))
    {
        return Some(found);
    }
    const MISSING: [&str; 6] = [
        "empty",
        "no date",
        "no latitude",
        "no longitude",
        "no geometry",
        "the feature has no geometry",
    ];
    match field {
        Some(column) if MISSING.contains(&message) => {
            Some(("missing", json!({ "column": column })))
        }
        _ => None,
    }
}

/// The core's own checks of an imported event (`event_problems`), as it
/// words them for an event: the title, the sources, the regions, the
/// words in other languages, the line a deployment needs.
fn event_check(message: &str) -> Option<(&'static str, Value)> {
    match message {
        "empty title" => return Some(("empty_title", json!({}))),
        "event has no source" => return Some(("no_source", json!({}))),
        "event has an empty source" => return Some(("empty_source", json!({}))),
        "geometry has no coordinates" => return Some(("no_coordinates", json!({}))),
        "a LineString needs at least two points"
        | "each line of a MultiLineString needs at least two points" => {
            return Some(("line_too_short", json!({})))
        }
        _ => {}
    }
    if message.starts_with("a deployment or withdrawal needs a LineString") {
        return Some(("deployment_needs_line", json!({})));
    }
    if let Some(region) = message
        .strip_prefix("unknown region ")
        .filter(|r| r.starts_with('"'))
        .and_then(|r| serde_json::from_str::<String>(r).ok())
    {
        return Some(("unknown_region", json!({ "region": region })));
    }
    let words = message.strip_prefix("the event: ")?;
    if let Some(rest) = words.strip_prefix("unknown language ") {
        let language = quoted_before(rest, " in i18n (known: ")?;
        return Some(("unknown_language", json!({ "language": language })));
    }
    let rest = words.strip_prefix("the ")?;
    let (field, rest) = rest.split_once(" in ")?;
    let language = quoted_before(rest, " is empty")?;
    if !rest.ends_with("\" is empty") {
        return None;
    }
    Some((
        "empty_translation",
        json!({ "field": field, "language": language }),
    ))
}

/// A geometry that cannot be read (WKT, GeoJSON) or lies off the globe, and
/// a GeoJSON feature with no date property.
fn geometry(field: Option<&str>, message: &str) -> Option<(&'static str, Value)> {
    match message {
        "a GEOMETRYCOLLECTION cannot be an event's place; use one MULTI… geometry" => {
            return Some(("geometry_collection", json!({})))
        }
        "no date property (start, date or time)" => return Some(("no_date_property", json!({}))),
        _ => {}
    }
    if message.starts_with("not a usable geometry: ") {
        return Some(("not_a_geometry", json!({})));
    }
    if message.starts_with("not WKT: ") {
        return field.map(|column| ("not_wkt", json!({ "column": column })));
    }
    let (lon, lat) = message
        .strip_prefix("coordinate [")?
        .strip_suffix("] is out of range")?
        .split_once(", ")?;
    Some(("coordinate_out_of_range", json!({ "lon": lon, "lat": lat })))
}

/// ACLED's `time_precision` and UCDP's `date_prec` and `where_prec` codes
/// that are not understood, and ACLED's day precision for a date with no day.
fn precision(message: &str) -> Option<(&'static str, Value)> {
    const UNKNOWN: [(&str, &str, &str); 3] = [
        (
            "time_precision_unknown",
            "",
            " must be 1 (day), 2 (week) or 3 (month)",
        ),
        (
            "date_prec_unknown",
            "date_prec ",
            " must be 1 (day) to 5 (year)",
        ),
        (
            "where_prec_unknown",
            "",
            " must be 1 (the place) to 7 (at sea)",
        ),
    ];
    for (code, before, after) in UNKNOWN {
        if let Some(value) = message
            .strip_prefix(before)
            .filter(|rest| rest.ends_with(after))
            .and_then(|rest| quoted_before(rest, after))
        {
            return Some((code, json!({ "value": value })));
        }
    }
    let value = message
        .strip_prefix("time_precision ")?
        .strip_suffix(" needs a day in event_date")?;
    Some(("precision_needs_day", json!({ "value": value })))
}

/// The end of a range that ends before it starts, in the three sentences
/// that say so: EDTF's interval, UCDP's `date_end`, the core's check.
fn end_before_start(message: &str) -> Option<String> {
    if let Some(s) = quoted_before(message, ": the interval ends before it starts") {
        return s.split_once('/').map(|(_, end)| end.to_string());
    }
    if let Some(end) = message.strip_suffix(" is before date_start") {
        return Some(end.to_string());
    }
    let rest = message.strip_prefix("ends (")?;
    let (end, start) = rest.split_once(") before it starts (")?;
    start.strip_suffix(')').map(|_| end.to_string())
}

/// The text quoted (as Rust's `{:?}` quotes it) at the start of `message`,
/// just before `after`; `None` when it is not there or holds an escape JSON
/// reads differently.
fn quoted_before(message: &str, after: &str) -> Option<String> {
    if !message.starts_with('"') {
        return None;
    }
    let at = message.find(&format!("\"{after}"))?;
    serde_json::from_str(&message[..=at]).ok()
}

#[cfg(test)]
#[path = "reason_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "reason_event_tests.rs"]
mod event_tests;

#[cfg(test)]
#[path = "reason_file_tests.rs"]
mod file_tests;
