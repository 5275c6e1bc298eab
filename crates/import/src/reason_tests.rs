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

#[test]
fn every_code_given_is_in_the_list_and_every_listed_code_is_given() {
    let given: std::collections::BTreeSet<String> = problems()
        .into_iter()
        .chain(super::event_tests::own_problems())
        .chain(
            super::file_tests::BAD
                .iter()
                .flat_map(|(name, _)| super::file_tests::bad(name)),
        )
        .chain(super::file_tests::latin1())
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
