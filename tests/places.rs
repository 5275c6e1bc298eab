//! Places where their names are, and events where they happened: each
//! marked point lies in a region its event lists on its date, towns are
//! filed under the country they lie in, named rivers are those rivers, and
//! each signing or deployment is drawn from where the sources put it.

mod common;

use faultlines_core::dataset::Dataset;
use faultlines_core::model::{Geometry, LonLat};
use faultlines_core::Api;

fn api() -> Api {
    Api::new(Dataset::embedded().unwrap())
}

use faultlines_geodata::validate_places::km;

/// The deep check of a copy of the story with one event edited.
fn check_with_event(id: &str, edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let (_t, dir) = common::broken("story/events.geojson", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let f = v["features"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|f| f["properties"]["id"] == id)
            .unwrap();
        edit(f);
        serde_json::to_string(&v).unwrap()
    });
    let ds = Dataset::from_dir(&dir).unwrap();
    faultlines_geodata::check::layers(&ds)
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn without(f: &mut serde_json::Value, regions: &[&str]) {
    f["properties"]["regions"]
        .as_array_mut()
        .unwrap()
        .retain(|r| !regions.contains(&r.as_str().unwrap()));
}

#[test]
fn a_point_in_moscow_needs_russia_among_the_events_regions() {
    let problems = check_with_event("tajik-civil-war-end-1997", |f| {
        without(f, &["RUS", "city-moscow"])
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("tajik-civil-war-end-1997")
                && p.contains("[37.6178, 55.752] lies in RUS")),
        "{problems:?}"
    );
}

#[test]
fn a_point_in_a_soviet_republic_is_accounted_for_by_the_soviet_union() {
    // Gorbachev's election lists the USSR, not the Russian SFSR: a point in
    // Moscow in 1985 is in the union through its republic.
    let problems = check_with_event("gorbachev-comes-to-power-1985", |_| {});
    assert!(
        !problems.iter().any(|p| p.contains("gorbachev")),
        "{problems:?}"
    );
    let problems = check_with_event("gorbachev-comes-to-power-1985", |f| without(f, &["SUN"]));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("gorbachev") && p.contains("lies in RUS")),
        "{problems:?}"
    );
}

#[test]
fn a_listed_town_must_be_marked_and_its_country_listed() {
    // Kornidzor, at the Armenian end of the Lachin road, is in Armenia.
    let problems = check_with_event("nk-offensive-2023", |f| without(f, &["ARM"]));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("city-kornidzor") && p.contains("which is in ARM")),
        "{problems:?}"
    );
    let problems = check_with_event("nk-offensive-2023", |f| {
        f["geometry"] = serde_json::json!({"type": "Point", "coordinates": [46.7528, 39.8177]});
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("city-kornidzor") && p.contains("marks no point")),
        "{problems:?}"
    );
}

#[test]
fn a_point_in_the_sea_or_off_the_map_is_let_be() {
    // Washington is on no region of the map; nothing to list it in.
    let problems = check_with_event("nato-founding-1949", |_| {});
    assert!(
        !problems.iter().any(|p| p.contains("nato-founding")),
        "{problems:?}"
    );
}

#[test]
fn a_town_filed_under_the_wrong_country_is_found() {
    let (_t, dir) = common::broken("map/regions.json", |s| {
        let mut v: Vec<serde_json::Value> = serde_json::from_str(&s).unwrap();
        let r = v.iter_mut().find(|r| r["id"] == "city-goris").unwrap();
        r["country"] = "GEO".into();
        serde_json::to_string(&v).unwrap()
    });
    let ds = Dataset::from_dir(&dir).unwrap();
    let problems: Vec<String> = faultlines_geodata::check::layers(&ds)
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert!(
        problems.iter().any(|p| p.contains("city-goris")
            && p.contains("filed under GEO")
            && p.contains("in ARM")),
        "{problems:?}"
    );
}

#[test]
fn kapan_is_filed_under_armenia_at_its_source_position() {
    let api = api();
    let kapan = api.regions().iter().find(|r| r.id == "city-kapan").unwrap();
    assert_eq!(kapan.country.as_deref(), Some("ARM"));
    assert!(
        km(kapan.anchor, [46.4068, 39.2076]) < 0.1,
        "{:?}",
        kapan.anchor
    );
}

#[test]
fn the_1968_invasion_comes_from_the_invading_states_not_from_moscow() {
    let api = api();
    let e = api.event("czechoslovakia-invasion-1968").unwrap();
    let Geometry::MultiLineString(lines) = &e.geometry else {
        panic!("{:?}", e.geometry)
    };
    let prague = [14.4208, 50.088];
    assert!(lines.len() >= 4);
    assert!(lines.iter().all(|l| km(*l.last().unwrap(), prague) < 1.0));
    assert!(lines.iter().all(|l| km(l[0], [37.6178, 55.752]) > 500.0));
    for r in ["DDR", "POL", "HUN", "UKR", "CSK"] {
        assert!(e.props.regions.iter().any(|x| x == r), "{r}");
    }
}

#[test]
fn signings_are_marked_where_they_were_signed() {
    let api = api();
    let marks = |id: &str| -> Vec<LonLat> {
        match api.event(id).unwrap().geometry.clone() {
            Geometry::MultiPoint(ps) => ps,
            Geometry::Point(p) => vec![p],
            g => panic!("{g:?}"),
        }
    };
    let near = |ps: &[LonLat], at: LonLat| ps.iter().any(|&p| km(p, at) < 10.0);
    let pact = marks("warsaw-pact-dissolution");
    assert!(near(&pact, [19.0814, 47.502]), "Budapest, 25 Feb 1991");
    assert!(near(&pact, [14.4208, 50.088]), "Prague, 1 Jul 1991");
    let ussr = marks("ussr-dissolution-1991");
    assert!(near(&ussr, [23.95, 52.617]), "Viskuli, Belovezha");
    assert!(near(&ussr, [76.9115, 43.2525]), "Alma-Ata");
}

#[test]
fn no_event_cites_a_bare_home_page() {
    let api = api();
    for e in api.all_events() {
        for s in &e.props.sources {
            let url = s.as_str();
            let path = url.splitn(4, '/').nth(3).unwrap_or("");
            assert!(
                !path.trim_matches('/').is_empty(),
                "{}: {url} is a home page, not a page stating the fact",
                e.props.id
            );
        }
    }
}

#[test]
fn a_river_named_for_another_river_fails_the_build() {
    // Natural Earth's "Vakh" is the Siberian river, not Tajikistan's Vakhsh.
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("geodata/src");
    for f in std::fs::read_dir(&src).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let names = dir.path().join("names.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&names).unwrap()).unwrap();
    v["rivers"]["Vakh"] = serde_json::json!({
        "id": "vakhsh", "en": "Vakhsh", "ru": "Вахш", "through": ["TJK"]
    });
    std::fs::write(&names, v.to_string()).unwrap();
    let err = faultlines_geodata::geobuild::build(dir.path())
        .err()
        .expect("the build refuses it");
    let faultlines_geodata::error::GeodataError::Names(problems) = &err else {
        panic!("a problem of names.json, not {err}");
    };
    let err = problems.join("\n");
    assert!(err.contains("river Vakh (shown as Vakhsh)"), "{err}");
    assert!(err.contains("it is not the river named"), "{err}");
    assert!(err.contains("never reaches TJK"), "{err}");
}
