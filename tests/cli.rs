//! The CLI as scripts use it: exit codes, one-line errors, stable JSON.

use std::process::Command;

fn faultlines(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_faultlines"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn check_passes_on_the_shipped_dataset() {
    let (code, out, _) = faultlines(&["check"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("ok: "), "{out}");
}

#[test]
fn check_fails_on_a_broken_dataset_listing_each_problem() {
    let dir = tempfile::tempdir().unwrap();
    for (rel, bytes) in faultlines_core::source::EMBEDDED
        .iter()
        .filter(|(r, _)| r.starts_with("story/"))
    {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
    }
    let events = dir.path().join("story/events.geojson");
    let text = std::fs::read_to_string(&events)
        .unwrap()
        .replacen("\"KZ-ALA\"", "\"NOWHERE\"", 1);
    std::fs::write(&events, text).unwrap();
    let (code, _, err) = faultlines(&["check", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "story/events.geojson: kazakhstan-csto-deployment-2022: unknown region \"NOWHERE\""
        ),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with("dataset invalid: 1 problem(s)"),
        "{err}"
    );
}

#[test]
fn query_errors_are_one_line_and_non_zero() {
    for args in [
        &["state", "--at", "yesterday"][..],
        &["events", "--from", "2023", "--to", "2022"],
        &["excerpts", "--region", "ATLANTIS"],
    ] {
        let (code, out, err) = faultlines(args);
        assert_eq!(code, 1, "{args:?}");
        assert!(out.is_empty());
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("faultlines: "), "{err}");
    }
}

#[test]
fn json_output_parses() {
    let (code, out, _) = faultlines(&["info", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["counts"]["events"].as_u64().unwrap() >= 55);
    let (_, out, _) = faultlines(&["excerpts", "--region", "TJK", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["region"]["name_en"], "Tajikistan");
    let (_, out, _) = faultlines(&["state", "--at", "2022-01-08", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["at"], "2022-01-08");
}

#[test]
fn map_at_prints_the_map_of_that_date_as_geojson() {
    let (code, out, err) = faultlines(&["map", "--at", "1970-06-01"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let gdr = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["id"] == "DDR")
        .expect("the GDR is on the 1970 map");
    assert_eq!(gdr["properties"]["valid_from"], "1949-10-07");
    assert_eq!(gdr["properties"]["valid_to"], "1990-10-03");
    let (code, _, err) = faultlines(&["map", "--at", "yesterday"]);
    assert_ne!(code, 0);
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn an_unknown_kind_or_a_repeated_option_is_refused_naming_what_is_valid() {
    let (code, out, err) = faultlines(&[
        "events", "--from", "1950", "--to", "2000", "--kind", "party",
    ]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("\"party\"") && err.contains("valid kinds: exercise"),
        "{err}"
    );
    let (code, _, err) = faultlines(&["state", "--at", "2022", "--at", "1970"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--at"), "{err}");
}

#[test]
fn links_report_says_why_each_region_is_linked() {
    let (code, out, _) = faultlines(&["links"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("CZE (via CSK)") && out.contains("through a historical state: "),
        "{out}"
    );
    assert!(out.contains("KAZ (via former USSR republics)"));
    assert!(out.contains("note (Sic) on “made s step”"));
}

#[test]
fn convert_writes_a_story_that_checks_the_same_in_either_form() {
    let dir = tempfile::tempdir().unwrap();
    let (arrow, geojson) = (dir.path().join("arrow"), dir.path().join("geojson"));
    let a = arrow.to_str().unwrap();
    let (code, out, err) = faultlines(&["convert", "--to", "arrow", "--out", a]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("story/events.arrow"), "{out}");
    assert!(arrow.join("story/events.arrow").exists());
    assert!(!arrow.join("story/events.geojson").exists());
    // And back: the GeoJSON written from the Arrow story.
    let g = geojson.to_str().unwrap();
    let (code, _, err) = faultlines(&["--data", a, "convert", "--to", "geojson", "--out", g]);
    assert_eq!(code, 0, "{err}");
    let shipped = faultlines(&["--json", "info"]).1;
    for d in [a, g] {
        let (code, out, err) = faultlines(&["--data", d, "check"]);
        assert_eq!(code, 0, "{d}: {err}");
        assert!(out.starts_with("ok: "), "{out}");
        assert_eq!(
            faultlines(&["--data", d, "--json", "info"]).1,
            shipped,
            "{d}"
        );
    }
}

#[test]
fn convert_refuses_to_write_over_a_folder_or_the_story_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    std::fs::create_dir_all(&full).unwrap();
    std::fs::write(full.join("notes.txt"), "mine").unwrap();
    let (code, _, err) = faultlines(&["convert", "--to", "arrow", "--out", full.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(err.contains("exists and is not empty"), "{err}");
    assert_eq!(
        std::fs::read_to_string(full.join("notes.txt")).unwrap(),
        "mine"
    );
    let story = dir.path().join("story");
    let s = story.to_str().unwrap();
    assert_eq!(faultlines(&["convert", "--to", "arrow", "--out", s]).0, 0);
    let (code, _, err) = faultlines(&["--data", s, "convert", "--to", "geojson", "--out", s]);
    assert_ne!(code, 0);
    assert!(err.contains("is the story being read"), "{err}");
}
