//! Each coded reason, made by the reader that really writes it: its code,
//! its parameters, and its English sentence as the CLI has always printed it.

use super::*;
use crate::{parse_source, Options, RowProblem};

const CSV: &str = "id,date,end,lat,lon,title,source
a,2023-02-31,,10,20,A,https://example.org/a
b,2023-01-01,,,20,B,https://example.org/b
c,2023-01-01,,abc,20,C,https://example.org/c
d,2023-01-01,,95,20,D,https://example.org/d
e,2023-01-01,,10,200,E,https://example.org/e
f,2023-05-01,2023-01-01,10,20,F,https://example.org/f
g,2023-01-01,,10,20,G,https://example.org/g
g,2023-01-02,,10,20,G2,https://example.org/g
h,,,10,20,H,https://example.org/h
i,1995/1990,,10,20,I,https://example.org/i
j,../1992,,10,20,J,https://example.org/j
";

fn problems() -> Vec<RowProblem> {
    parse_source("t.csv", CSV.as_bytes(), &Options::default())
        .expect("the table reads")
        .problems
}

fn at(line: u64) -> RowProblem {
    let all = problems();
    all.iter()
        .find(|p| p.line == line)
        .unwrap_or_else(|| panic!("no problem at line {line}: {all:#?}"))
        .clone()
}

/// The problem at `line`: its `file:line: field: message`, code and details.
fn said(line: u64) -> (String, Option<String>, serde_json::Value) {
    let p = at(line);
    (p.to_string(), p.code, p.details)
}

#[test]
fn a_value_that_is_not_a_date_is_coded_with_the_value() {
    let (text, code, details) = said(2);
    assert_eq!(
        text,
        "t.csv:2: date: \"2023-02-31\" is not a date: no such day in that month"
    );
    assert_eq!(code.as_deref(), Some("not_a_date"));
    assert_eq!(details, json!({ "value": "2023-02-31" }));
}

#[test]
fn a_missing_required_value_is_coded_with_its_column() {
    let (text, code, details) = said(3);
    assert_eq!(text, "t.csv:3: lat: no latitude");
    assert_eq!(code.as_deref(), Some("missing"));
    assert_eq!(details, json!({ "column": "lat" }));
    let (text, code, details) = said(10);
    assert_eq!(text, "t.csv:10: date: empty");
    assert_eq!(code.as_deref(), Some("missing"));
    assert_eq!(details, json!({ "column": "date" }));
}

#[test]
fn a_coordinate_that_is_no_number_or_out_of_range_is_coded_with_its_value() {
    let (text, code, details) = said(4);
    assert_eq!(text, "t.csv:4: lat: \"abc\" is not a number of degrees");
    assert_eq!(code.as_deref(), Some("bad_coordinate"));
    assert_eq!(details, json!({ "value": "abc" }));
    let (text, code, details) = said(5);
    assert_eq!(
        text,
        "t.csv:5: lat: latitude 95 is out of range (-90 to 90): are latitude and longitude swapped?"
    );
    assert_eq!(code.as_deref(), Some("latitude_out_of_range"));
    assert_eq!(details, json!({ "value": "95", "swapped": "yes" }));
    let (text, code, details) = said(6);
    assert_eq!(
        text,
        "t.csv:6: lon: longitude 200 is out of range (-180 to 180)"
    );
    assert_eq!(code.as_deref(), Some("longitude_out_of_range"));
    assert_eq!(details, json!({ "value": "200" }));
}

#[test]
fn an_end_before_the_start_is_coded_with_the_end_in_each_of_its_sentences() {
    let (text, code, details) = said(7);
    assert_eq!(
        text,
        "t.csv:7: ends (2023-01-01) before it starts (2023-05-01)"
    );
    assert_eq!(code.as_deref(), Some("end_before_start"));
    assert_eq!(details, json!({ "end": "2023-01-01" }));
    let (text, code, details) = said(11);
    assert_eq!(
        text,
        "t.csv:11: date: \"1995/1990\": the interval ends before it starts"
    );
    assert_eq!(code.as_deref(), Some("end_before_start"));
    assert_eq!(details, json!({ "end": "1990" }));
    // UCDP's own sentence for a `date_end` before `date_start`.
    assert_eq!(
        classify(Some("date_end"), "2020-01-01 is before date_start"),
        Some(("end_before_start", json!({ "end": "2020-01-01" })))
    );
}

#[test]
fn a_duplicate_id_is_coded_with_the_id_and_the_other_rows_place() {
    let (text, code, details) = said(9);
    assert_eq!(
        text,
        "t.csv:9: id: duplicate id \"g\": the row at t.csv:8 has it too"
    );
    assert_eq!(code.as_deref(), Some("duplicate_id"));
    assert_eq!(details, json!({ "id": "g", "other": "t.csv:8" }));
}

/// A story's own event (as `events.geojson` holds it) with `props` changed.
fn own(id: &str, props: serde_json::Value) -> serde_json::Value {
    let mut p = json!({
        "id": id, "title": "T", "description": "", "kind": "treaty",
        "start": "1949-04-04", "end": {"type": "instant"}, "places": [],
        "regions": [], "actors": [], "participants": [], "absent": [],
        "cancelled": null, "excerpts": [], "sources": ["https://example.org/s"],
        "discrepancies": []
    });
    for (k, v) in props.as_object().expect("an object") {
        p[k] = v.clone();
    }
    json!({ "type": "Feature", "properties": p,
        "geometry": { "type": "Point", "coordinates": [20.0, 10.0] } })
}

/// The core's checks of a story's own events, one bad event per line.
fn own_problems() -> Vec<RowProblem> {
    let features = [
        own("r", json!({ "regions": ["atlantis"] })),
        own("t", json!({ "title": " " })),
        own("s", json!({ "sources": [] })),
        own("e", json!({ "sources": ["https://example.org/s", " "] })),
        own("d", json!({ "kind": "deployment" })),
        own(
            "l",
            json!({ "i18n": { "xx": { "title": "X", "description": "" } } }),
        ),
        own(
            "w",
            json!({ "i18n": { "ru": { "title": " ", "description": "" } } }),
        ),
    ];
    let text = features
        .iter()
        .map(|f| f.to_string())
        .collect::<Vec<_>>()
        .join(",\n");
    let text = format!("{{\"type\":\"FeatureCollection\",\"features\":[\n{text}\n]}}");
    parse_source("events.geojson", text.as_bytes(), &Options::default())
        .expect("the features read")
        .problems
}

/// The reason the core gives the own event at `line` (its message, code, details).
fn own_said(line: u64) -> (String, Option<String>, serde_json::Value) {
    let all = own_problems();
    let p = all
        .iter()
        .find(|p| p.line == line)
        .unwrap_or_else(|| panic!("no problem at line {line}: {all:#?}"));
    (p.message.clone(), p.code.clone(), p.details.clone())
}

#[test]
fn the_cores_checks_of_an_imported_event_are_coded_with_their_values() {
    assert_eq!(
        own_said(2),
        (
            "unknown region \"atlantis\"".into(),
            Some("unknown_region".into()),
            json!({ "region": "atlantis" })
        )
    );
    assert_eq!(
        own_said(3),
        ("empty title".into(), Some("empty_title".into()), json!({}))
    );
    assert_eq!(
        own_said(4),
        (
            "event has no source".into(),
            Some("no_source".into()),
            json!({})
        )
    );
    assert_eq!(
        own_said(5),
        (
            "event has an empty source".into(),
            Some("empty_source".into()),
            json!({})
        )
    );
    let (text, code, details) = own_said(6);
    assert!(
        text.starts_with(
            "a deployment or withdrawal needs a LineString from origin to destination"
        ),
        "{text}"
    );
    assert_eq!(
        (code.as_deref(), details),
        (Some("deployment_needs_line"), json!({}))
    );
    let (text, code, details) = own_said(7);
    assert!(
        text.starts_with("the event: unknown language \"xx\" in i18n (known: "),
        "{text}"
    );
    assert_eq!(
        (code.as_deref(), details),
        (Some("unknown_language"), json!({ "language": "xx" }))
    );
    assert_eq!(
        own_said(8),
        (
            "the event: the title in \"ru\" is empty".into(),
            Some("empty_translation".into()),
            json!({ "field": "title", "language": "ru" })
        )
    );
}

/// The files of `tests/import/bad` each coded reason below is read from.
const BAD: [(&str, &str); 9] = [
    (
        "acled-time-precision-4.csv",
        include_str!("../../../tests/import/bad/acled-time-precision-4.csv"),
    ),
    (
        "acled-day-precision-without-day.csv",
        include_str!("../../../tests/import/bad/acled-day-precision-without-day.csv"),
    ),
    (
        "ucdp-date-prec-7.csv",
        include_str!("../../../tests/import/bad/ucdp-date-prec-7.csv"),
    ),
    (
        "ucdp-where-prec-9.csv",
        include_str!("../../../tests/import/bad/ucdp-where-prec-9.csv"),
    ),
    (
        "bad-wkt.csv",
        include_str!("../../../tests/import/bad/bad-wkt.csv"),
    ),
    (
        "wkt-collection.csv",
        include_str!("../../../tests/import/bad/wkt-collection.csv"),
    ),
    (
        "geojson-collection-geometry.geojson",
        include_str!("../../../tests/import/bad/geojson-collection-geometry.geojson"),
    ),
    (
        "geojson-coordinates-out-of-range.geojson",
        include_str!("../../../tests/import/bad/geojson-coordinates-out-of-range.geojson"),
    ),
    (
        "geojson-no-date.geojson",
        include_str!("../../../tests/import/bad/geojson-no-date.geojson"),
    ),
];

/// The problems of the bad file `name` (one of [`BAD`]).
fn bad(name: &str) -> Vec<RowProblem> {
    let (_, text) = BAD.iter().find(|(n, _)| *n == name).expect("a listed file");
    match parse_source(name, text.as_bytes(), &Options::default()) {
        Ok(read) => read.problems,
        Err(crate::ImportError::NoEvents { problems }) => problems,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// The first problem of the bad file `name`: its `file:line: field: message`,
/// code and details.
fn bad_said(name: &str) -> (String, Option<String>, serde_json::Value) {
    let p = bad(name).into_iter().next().expect("a problem");
    (p.to_string(), p.code, p.details)
}

#[test]
fn a_precision_code_acled_or_ucdp_does_not_define_is_coded_with_its_value() {
    let (text, code, details) = bad_said("acled-time-precision-4.csv");
    assert_eq!(
        text,
        "acled-time-precision-4.csv:2: time_precision: \"4\" must be 1 (day), 2 (week) or 3 (month)"
    );
    assert_eq!(
        (code.as_deref(), details),
        (Some("time_precision_unknown"), json!({ "value": "4" }))
    );
    let (text, code, details) = bad_said("ucdp-date-prec-7.csv");
    assert!(
        text.ends_with("date_prec: date_prec \"7\" must be 1 (day) to 5 (year)"),
        "{text}"
    );
    assert_eq!(
        (code.as_deref(), details),
        (Some("date_prec_unknown"), json!({ "value": "7" }))
    );
    let (text, code, details) = bad_said("ucdp-where-prec-9.csv");
    assert!(
        text.ends_with("where_prec: \"9\" must be 1 (the place) to 7 (at sea)"),
        "{text}"
    );
    assert_eq!(
        (code.as_deref(), details),
        (Some("where_prec_unknown"), json!({ "value": "9" }))
    );
}

#[test]
fn a_day_precision_for_a_date_with_no_day_is_coded_with_the_precision() {
    let (text, code, details) = bad_said("acled-day-precision-without-day.csv");
    assert!(
        text.ends_with("time_precision: time_precision 1 needs a day in event_date"),
        "{text}"
    );
    assert_eq!(
        (code.as_deref(), details),
        (Some("precision_needs_day"), json!({ "value": "1" }))
    );
}

#[test]
fn a_geometry_that_cannot_be_read_or_lies_off_the_globe_is_coded_with_its_place() {
    let (text, code, details) = bad_said("bad-wkt.csv");
    assert!(text.starts_with("bad-wkt.csv:2: wkt: not WKT: "), "{text}");
    assert_eq!(
        (code.as_deref(), details),
        (Some("not_wkt"), json!({ "column": "wkt" }))
    );
    let (text, code, details) = bad_said("wkt-collection.csv");
    assert_eq!(
        text,
        "wkt-collection.csv:2: wkt: a GEOMETRYCOLLECTION cannot be an event's place; use one MULTI… geometry"
    );
    assert_eq!(
        (code.as_deref(), details),
        (Some("geometry_collection"), json!({}))
    );
    let (text, code, details) = bad_said("geojson-collection-geometry.geojson");
    assert!(
        text.starts_with(
            "geojson-collection-geometry.geojson:2: geometry: not a usable geometry: "
        ),
        "{text}"
    );
    assert_eq!(
        (code.as_deref(), details),
        (Some("not_a_geometry"), json!({}))
    );
    let (text, code, details) = bad_said("geojson-coordinates-out-of-range.geojson");
    assert_eq!(
        text,
        "geojson-coordinates-out-of-range.geojson:2: coordinate [500, 40] is out of range"
    );
    assert_eq!(
        (code.as_deref(), details),
        (
            Some("coordinate_out_of_range"),
            json!({ "lon": "500", "lat": "40" })
        )
    );
}

#[test]
fn a_feature_with_no_date_property_is_coded() {
    let (text, code, details) = bad_said("geojson-no-date.geojson");
    assert_eq!(
        text,
        "geojson-no-date.geojson:2: date: no date property (start, date or time)"
    );
    assert_eq!(
        (code.as_deref(), details),
        (Some("no_date_property"), json!({}))
    );
}

#[test]
fn an_interval_without_a_known_start_is_coded_with_the_value() {
    let (text, code, details) = said(12);
    assert_eq!(
        text,
        "t.csv:12: date: \"../1992\": an interval needs a known start (write the earliest possible date before the /)"
    );
    assert_eq!(code.as_deref(), Some("interval_without_start"));
    assert_eq!(details, json!({ "value": "../1992" }));
}

/// The problems of `tests/import/bad/latin1.csv`, a Windows-1252 table.
fn latin1() -> Vec<RowProblem> {
    let bytes = include_bytes!("../../../tests/import/bad/latin1.csv");
    match parse_source("latin1.csv", bytes, &Options::default()) {
        Ok(read) => read.problems,
        Err(crate::ImportError::NoEvents { problems }) => problems,
        Err(e) => panic!("latin1.csv: {e}"),
    }
}

#[test]
fn a_value_that_is_not_utf8_text_is_coded_with_its_column() {
    let p = latin1().into_iter().next().expect("a problem");
    let column = p.field.clone().expect("a column");
    assert_eq!(
        p.to_string(),
        format!("latin1.csv:{}: {column}: not UTF-8 text (the file looks Latin-1 or Windows-1252 encoded): save it as UTF-8 and import it again", p.line)
    );
    assert_eq!(p.code.as_deref(), Some("not_utf8"));
    assert_eq!(p.details, json!({ "column": column }));
}

#[test]
fn every_code_given_is_in_the_list_and_every_listed_code_is_given() {
    let given: std::collections::BTreeSet<String> = problems()
        .into_iter()
        .chain(own_problems())
        .chain(BAD.iter().flat_map(|(name, _)| bad(name)))
        .chain(latin1())
        .filter_map(|p| p.code)
        .collect();
    let listed: std::collections::BTreeSet<String> = CODES.iter().map(|c| c.to_string()).collect();
    assert_eq!(given, listed);
}

#[test]
fn a_reason_not_yet_coded_keeps_its_english_message_and_no_code() {
    let p = RowProblem::new("t.csv", 3, None, "unknown excerpt \"s1\"".into());
    assert_eq!((p.code, p.details), (None, json!({})));
    assert_eq!(p.message, "unknown excerpt \"s1\"");
    // A value Rust quotes with an escape JSON reads otherwise is not guessed at.
    assert_eq!(classify(Some("date"), "\"\\u{1}\" is not a date"), None);
    // "empty" names no column when the reason has no field.
    assert_eq!(classify(None, "empty"), None);
}
