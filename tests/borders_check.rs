//! `check` rejects region versions and shapes that break the rules of
//! borders through time, naming the file, the region and the dates: versions
//! that overlap or leave a gap, reversed dates, references to a region not
//! yet on the map, and neighbours of one date that overlap.

mod common;

use faultlines_core::dataset::Dataset;

fn day(s: &str) -> i32 {
    s.parse::<faultlines_core::date::Date>()
        .unwrap()
        .nominal_first()
}

fn problems_of(dir: &std::path::Path) -> Vec<String> {
    match Dataset::from_dir(dir) {
        Err(err) => err.problems.iter().map(|p| p.to_string()).collect(),
        Ok(ds) => faultlines_geodata::check::layers(&ds)
            .iter()
            .map(|p| p.to_string())
            .collect(),
    }
}

fn edit_regions(edit: impl FnOnce(&mut Vec<serde_json::Value>)) -> Vec<String> {
    let (_t, dir) = common::broken("map/regions.json", |s| {
        let mut v: Vec<serde_json::Value> = serde_json::from_str(&s).unwrap();
        edit(&mut v);
        serde_json::to_string(&v).unwrap()
    });
    problems_of(&dir)
}

fn versions_of<'a>(v: &'a mut [serde_json::Value], id: &str) -> &'a mut Vec<serde_json::Value> {
    v.iter_mut().find(|r| r["id"] == id).unwrap()["versions"]
        .as_array_mut()
        .unwrap()
}

fn set_from(v: &mut serde_json::Value, from: &str) {
    v["valid_from"] = from.into();
    v["lo"] = day(from).into();
}

#[test]
fn versions_overlapping_in_time_are_rejected_with_the_dates() {
    let p = edit_regions(|v| set_from(&mut versions_of(v, "DEU")[2], "1990-09-01"));
    assert!(
        p.iter().any(
            |m| m.starts_with("map/regions.json: DEU: versions overlap in time")
                && m.contains("1990-10-03")
                && m.contains("1990-09-01")
        ),
        "{p:?}"
    );
}

#[test]
fn a_gap_between_versions_is_rejected() {
    let p = edit_regions(|v| set_from(&mut versions_of(v, "KAZ")[1], "1992-01-01"));
    assert!(
        p.iter()
            .any(|m| m.contains("KAZ: gap in time") && m.contains("1992-01-01")),
        "{p:?}"
    );
}

#[test]
fn a_version_ending_before_it_starts_is_rejected() {
    let p = edit_regions(|v| {
        let d = &mut versions_of(v, "DDR")[0];
        d["valid_to"] = "1940-01-01".into();
        d["hi"] = day("1940-01-01").into();
    });
    assert!(
        p.iter()
            .any(|m| m.contains("DDR: version") && m.contains("is not after valid_from")),
        "{p:?}"
    );
}

#[test]
fn an_event_naming_a_region_not_yet_on_the_map_is_rejected() {
    let (_t, dir) = common::broken("story/events.geojson", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        for f in v["features"].as_array_mut().unwrap() {
            if f["properties"]["id"] == "czechoslovakia-invasion-1968" {
                f["properties"]["regions"] = serde_json::json!(["SVK"]);
            }
        }
        serde_json::to_string(&v).unwrap()
    });
    let p = problems_of(&dir);
    assert!(
        p.iter().any(|m| m.starts_with("story/events.geojson")
            && m.contains("\"SVK\" is not on the map on 1968")),
        "{p:?}"
    );
}

#[test]
fn a_membership_of_a_state_that_does_not_exist_yet_is_rejected() {
    let (_t, dir) = common::broken("story/memberships.json", |s| {
        s.replacen("\"country\": \"DDR\"", "\"country\": \"SVK\"", 1)
    });
    let p = problems_of(&dir);
    assert!(
        p.iter()
            .any(|m| m.starts_with("story/memberships.json: warsaw-pact/SVK")
                && m.contains("not on the map on 1955")),
        "{p:?}"
    );
}

#[test]
fn neighbours_of_the_same_date_that_overlap_are_rejected() {
    // Draw the GDR with the whole of Germany's shape: it overlaps the FRG.
    let p = edit_regions(|v| {
        versions_of(v, "DDR")[0]["feature"] = "DEU".into();
        versions_of(v, "DDR")[0]["layer"] = "countries".into();
    });
    assert!(
        p.iter()
            .any(|m| m.contains("overlaps") && m.contains("DEU@1949-10-07") && m.contains("km²")),
        "{p:?}"
    );
}
