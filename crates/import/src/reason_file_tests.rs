//! Coded reasons read from the bad files of `tests/import/bad`, through the
//! ACLED, UCDP, WKT and GeoJSON readers that really write them.

use serde_json::json;

use crate::{parse_source, Options, RowProblem};

/// The files of `tests/import/bad` each coded reason below is read from.
pub(super) const BAD: [(&str, &str); 9] = [
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
pub(super) fn bad(name: &str) -> Vec<RowProblem> {
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

/// The problems of `tests/import/bad/latin1.csv`, a Windows-1252 table.
pub(super) fn latin1() -> Vec<RowProblem> {
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
