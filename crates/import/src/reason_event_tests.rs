//! The core's checks of a story's own imported events, coded: each made by
//! importing an `events.geojson` with one bad event a line.

use serde_json::json;

use crate::{parse_source, Options, RowProblem};

/// A story's own event (as `events.geojson` holds it) with `props` changed
/// (`geometry` among them is the feature's).
fn own(id: &str, props: serde_json::Value) -> serde_json::Value {
    let mut p = json!({
        "id": id, "title": "T", "description": "", "kind": "treaty",
        "start": "1949-04-04", "end": {"type": "instant"}, "places": [],
        "regions": [], "actors": [], "participants": [], "absent": [],
        "cancelled": null, "excerpts": [], "sources": ["https://example.org/s"],
        "discrepancies": []
    });
    let geometry = props
        .get("geometry")
        .cloned()
        .unwrap_or(json!({ "type": "Point", "coordinates": [20.0, 10.0] }));
    for (k, v) in props.as_object().expect("an object") {
        if k != "geometry" {
            p[k] = v.clone();
        }
    }
    json!({ "type": "Feature", "properties": p, "geometry": geometry })
}

/// The core's checks of a story's own events, one bad event per line.
pub(super) fn own_problems() -> Vec<RowProblem> {
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
        own(
            "g",
            json!({ "geometry": { "type": "MultiPoint", "coordinates": [] } }),
        ),
        own(
            "p",
            json!({ "geometry": { "type": "LineString", "coordinates": [[1.0, 2.0]] } }),
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
    assert_eq!(
        own_said(9),
        (
            "geometry has no coordinates".into(),
            Some("no_coordinates".into()),
            json!({})
        )
    );
    assert_eq!(
        own_said(10),
        (
            "a LineString needs at least two points".into(),
            Some("line_too_short".into()),
            json!({})
        )
    );
}
