//! Borders through time: each change of the fact sheet's section G is on the
//! map at its date, memberships and disputes resolve to the regions in force,
//! statuses end when the record says they ended, the map of a date exports
//! as GeoJSON, and `check` rejects versions and shapes that break the rules.

mod common;

use faultlines_core::dataset::Dataset;
use faultlines_core::date::Date;
use faultlines_core::model::{Region, RegionVersion};
use faultlines_core::Api;
use proptest::prelude::*;

fn api() -> Api {
    Api::new(Dataset::embedded().expect("the shipped dataset is valid"))
}

fn day(s: &str) -> i32 {
    s.parse::<Date>().unwrap().nominal_first()
}

fn region<'a>(api: &'a Api, id: &str) -> &'a Region {
    api.regions()
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no region {id}"))
}

/// The name of `id` on `date`, or `None` when it is not on the map.
fn name_on(api: &Api, id: &str, date: &str) -> Option<String> {
    region(api, id)
        .version_at(day(date))
        .map(|v| v.name_en.clone())
}

fn painted(api: &Api, org: &str, country: &str, date: &str) -> Vec<String> {
    let s = api.state_at(date).unwrap();
    s.memberships
        .iter()
        .find(|m| m.org == org && m.country == country)
        .map(|m| m.regions.clone())
        .unwrap_or_default()
}

#[test]
fn germany_is_two_states_from_1949_to_reunification_on_3_october_1990() {
    let api = api();
    assert_eq!(name_on(&api, "DDR", "1949-10-06"), None);
    assert_eq!(
        name_on(&api, "DDR", "1949-10-07").as_deref(),
        Some("German Democratic Republic")
    );
    assert_eq!(
        name_on(&api, "DDR", "1990-10-02").as_deref(),
        Some("German Democratic Republic")
    );
    assert_eq!(name_on(&api, "DDR", "1990-10-03"), None);
    assert_eq!(
        name_on(&api, "DEU", "1970-06-01").as_deref(),
        Some("Federal Republic of Germany")
    );
    assert_eq!(
        name_on(&api, "DEU", "1990-10-03").as_deref(),
        Some("Germany")
    );
    // The FRG of 1970 is drawn by a shape of its own, not today's Germany.
    let frg = region(&api, "DEU").version_at(day("1970-06-01")).unwrap();
    assert_ne!(frg.feature, "DEU");
}

#[test]
fn the_warsaw_pact_paints_the_gdr_and_not_the_frg_in_1970() {
    let api = api();
    assert_eq!(
        painted(&api, "warsaw-pact", "DDR", "1970-06-01"),
        vec!["DDR".to_string()]
    );
    let s = api.state_at("1970-06-01").unwrap();
    assert!(
        !s.memberships
            .iter()
            .filter(|m| m.org == "warsaw-pact")
            .any(|m| m.regions.contains(&"DEU".to_string())),
        "no Warsaw Pact member paints West Germany"
    );
    // A founding member from 14 May 1955 (not the 1956 military integration).
    assert_eq!(
        painted(&api, "warsaw-pact", "DDR", "1955-06-01"),
        vec!["DDR".to_string()]
    );
}

#[test]
fn the_warsaw_pact_paints_the_soviet_republics_of_the_date() {
    let api = api();
    let mut ussr = painted(&api, "warsaw-pact", "SUN", "1970-06-01");
    ussr.sort();
    for r in [
        "RUS", "UKR", "BLR", "MDA", "EST", "LVA", "LTU", "GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK",
        "TKM", "UZB", "SUN",
    ] {
        assert!(ussr.contains(&r.to_string()), "{r} in {ussr:?}");
    }
    assert!(!ussr.contains(&"crimea".to_string()));
}

#[test]
fn czechoslovakia_lasts_until_31_december_1992() {
    let api = api();
    assert_eq!(
        name_on(&api, "CSK", "1968-08-21").as_deref(),
        Some("Czechoslovakia")
    );
    assert_eq!(
        name_on(&api, "CSK", "1992-12-31").as_deref(),
        Some("Czechoslovakia")
    );
    assert_eq!(name_on(&api, "CSK", "1993-01-01"), None);
    for id in ["CZE", "SVK"] {
        assert_eq!(name_on(&api, id, "1992-12-31"), None, "{id}");
        assert!(name_on(&api, id, "1993-01-01").is_some(), "{id}");
    }
    assert_eq!(
        painted(&api, "warsaw-pact", "CSK", "1970-06-01"),
        vec!["CSK".to_string()]
    );
}

#[test]
fn the_soviet_republics_take_their_independence_each_on_its_own_date() {
    let api = api();
    assert!(name_on(&api, "SUN", "1991-12-25").is_some());
    assert_eq!(name_on(&api, "SUN", "1991-12-26"), None);
    for (id, ssr, date, now) in [
        ("KAZ", "Kazakh SSR", "1991-12-16", "Kazakhstan"),
        ("UKR", "Ukrainian SSR", "1991-08-24", "Ukraine"),
        ("GEO", "Georgian SSR", "1991-04-09", "Georgia"),
        ("LTU", "Lithuanian SSR", "1990-03-11", "Lithuania"),
        ("ARM", "Armenian SSR", "1991-09-21", "Armenia"),
    ] {
        let before = Date::from_daynum(day(date) - 1).to_string();
        assert_eq!(
            name_on(&api, id, &before).as_deref(),
            Some(ssr),
            "{id} on {before}"
        );
        assert_eq!(
            name_on(&api, id, date).as_deref(),
            Some(now),
            "{id} on {date}"
        );
    }
    let est = region(&api, "EST").version_at(day("1970-01-01")).unwrap();
    assert_eq!(est.sovereign.as_deref(), Some("SUN"));
    assert!(est
        .note
        .as_deref()
        .unwrap_or("")
        .contains("never recognised"));
    // The autonomies inside the Azerbaijan SSR.
    assert!(name_on(&api, "nakhchivan", "1970-01-01")
        .unwrap()
        .contains("ASSR"));
    assert!(name_on(&api, "nagorno-karabakh", "1970-01-01")
        .unwrap()
        .contains("Autonomous Oblast"));
}

#[test]
fn crimea_is_ukrainian_from_1954_until_russia_seizes_it_in_2014() {
    let api = api();
    assert_eq!(
        name_on(&api, "crimea", "2000-01-01"),
        None,
        "not a disputed area before 2014"
    );
    let ukr = region(&api, "UKR").version_at(day("2000-01-01")).unwrap();
    let rus = region(&api, "RUS").version_at(day("2000-01-01")).unwrap();
    assert_ne!(ukr.feature, "UKR", "Ukraine of 2000 is drawn with Crimea");
    assert_ne!(rus.feature, "RUS", "Russia of 2000 is drawn without it");
    let c = region(&api, "crimea")
        .version_at(day("2015-01-01"))
        .unwrap();
    assert_eq!(
        (c.sovereign.as_deref(), c.controller.as_deref()),
        (Some("UKR"), Some("RUS"))
    );
}

#[test]
fn yugoslavia_breaks_up_on_the_dates_of_the_record() {
    let api = api();
    assert!(name_on(&api, "YUG", "1991-06-24").is_some());
    assert_eq!(
        name_on(&api, "SVN", "1991-06-24").as_deref(),
        Some("SR Slovenia")
    );
    assert_eq!(
        name_on(&api, "SVN", "1991-06-25").as_deref(),
        Some("Slovenia")
    );
    assert_eq!(
        name_on(&api, "MKD", "1991-09-08").as_deref(),
        Some("Macedonia")
    );
    assert_eq!(
        name_on(&api, "BIH", "1992-03-02").as_deref(),
        Some("SR Bosnia and Herzegovina")
    );
    assert_eq!(name_on(&api, "YUG", "1992-04-27"), None);
    assert_eq!(
        name_on(&api, "SCG", "2005-01-01").as_deref(),
        Some("Serbia and Montenegro")
    );
    assert_eq!(name_on(&api, "SCG", "2006-06-03"), None);
    assert_eq!(
        name_on(&api, "KOS", "2008-02-16").as_deref(),
        Some("Kosovo (UN administration)")
    );
    assert_eq!(
        name_on(&api, "KOS", "2008-02-17").as_deref(),
        Some("Kosovo")
    );
    // Each union's outline shrinks as republics leave.
    let yug = region(&api, "YUG");
    let f = |d| yug.version_at(day(d)).unwrap().feature.clone();
    assert_ne!(f("1990-01-01"), f("1991-07-01"));
}

#[test]
fn nagorno_karabakh_goes_through_its_stages_and_is_gone_in_2024() {
    let api = api();
    let stage = |d: &str| {
        region(&api, "nagorno-karabakh")
            .version_at(day(d))
            .map(|v| (v.name_en.clone(), v.feature.clone(), v.controller.clone()))
    };
    let nkao = stage("1980-01-01").unwrap();
    let war = stage("1993-01-01").unwrap();
    let held = stage("2000-01-01").unwrap();
    let after = stage("2021-06-01").unwrap();
    let gone = stage("2023-10-15").unwrap();
    assert!(nkao.0.contains("Autonomous Oblast"));
    assert_eq!(nkao.1, war.1, "the war is drawn on the oblast's outline");
    assert_eq!(
        held.1, "nagorno-karabakh",
        "1994–2020: Natural Earth's line"
    );
    assert_ne!(after.1, held.1);
    assert_eq!(gone.2.as_deref(), Some("AZE"));
    assert_eq!(stage("2024-01-01"), None);
    // The handovers of late 2020 each shrink the area.
    let features: Vec<String> = ["2020-11-15", "2020-11-22", "2020-11-28", "2020-12-05"]
        .iter()
        .map(|d| stage(d).unwrap().1)
        .collect();
    let mut distinct = features.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), 4, "{features:?}");
    // Approximate shapes say so.
    assert!(
        region(&api, "nagorno-karabakh")
            .version_at(day("2021-06-01"))
            .unwrap()
            .approximate
    );
}

fn area_km2(api: &Api, at: &str, id: &str) -> f64 {
    let fc: serde_json::Value = serde_json::from_str(&api.map_at(at).unwrap()).unwrap();
    let f = fc["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["id"] == id)
        .unwrap();
    let g: faultlines_core::model::Geometry =
        serde_json::from_value(f["geometry"].clone()).unwrap();
    faultlines_geodata::shape::area_km2(&faultlines_geodata::shape::to_geo(&g).unwrap())
}

#[test]
fn the_karabakh_areas_match_the_record_within_their_stated_error() {
    let api = api();
    let nkao = area_km2(&api, "1980-01-01", "nagorno-karabakh");
    let held = area_km2(&api, "2000-01-01", "nagorno-karabakh");
    let after = area_km2(&api, "2021-06-01", "nagorno-karabakh");
    assert!(
        (3_300.0..=4_800.0).contains(&nkao),
        "NKAO about 4,400 km²: {nkao}"
    );
    assert!(
        (11_000.0..=13_000.0).contains(&held),
        "1994 line 11,000–13,000 km²: {held}"
    );
    assert!(
        (2_200.0..=3_600.0).contains(&after),
        "after 2020 about 3,000 km²: {after}"
    );
    let gdr = area_km2(&api, "1970-01-01", "DDR");
    assert!(
        (105_000.0..=111_000.0).contains(&gdr),
        "the GDR about 108,300 km²: {gdr}"
    );
}

#[test]
fn statuses_end_when_the_record_says_they_ended() {
    let api = api();
    let dispute = |id: &str, at: &str| {
        api.state_at(at)
            .unwrap()
            .disputes
            .into_iter()
            .find(|d| d.id == id)
            .unwrap()
    };
    use faultlines_core::model::DisputeLevel;
    assert_ne!(
        dispute("lachin-corridor", "2024-06-01").level,
        DisputeLevel::Blocked
    );
    assert_ne!(
        dispute("armenia-azerbaijan-border", "2026-01-01").level,
        DisputeLevel::Tense
    );
    let active: Vec<String> = api
        .state_at("2025-06-01")
        .unwrap()
        .events
        .into_iter()
        .map(|e| e.id.to_string())
        .collect();
    assert!(
        !active.contains(&"russia-syria-intervention-2015".to_string()),
        "{active:?}"
    );
    assert!(active.contains(&"russia-invades-ukraine-2022".to_string()));
    // The Lachin corridor keeps its road but is no longer a corridor.
    assert!(name_on(&api, "lachin-corridor", "2024-06-01")
        .unwrap()
        .contains("former corridor"));
}

/// Every event still open today is one the fact sheet says is still going.
#[test]
fn only_events_still_running_are_open_ended() {
    let api = api();
    let all = api.all_events();
    let mut open: Vec<&str> = all
        .iter()
        .filter(|e| e.props.end == faultlines_core::model::EventEnd::Open)
        .map(|e| e.props.id.as_ref())
        .collect();
    open.sort();
    assert_eq!(
        open,
        [
            "armenia-freezes-csto-2024",
            "euma-2023",
            "russia-invades-ukraine-2022"
        ]
    );
}

#[test]
fn todays_map_draws_no_shape_from_the_history_layer() {
    // The app fetches past shapes only when the date needs them: a built
    // shape still in force must live in the layer of its kind.
    let api = api();
    let today = day("2026-01-01");
    let from_history: Vec<&str> = api
        .regions()
        .iter()
        .filter(|r| r.version_at(today).is_some_and(|v| v.layer == "history"))
        .map(|r| r.id.as_str())
        .collect();
    assert!(from_history.is_empty(), "{from_history:?}");
    let nakhchivan = region(&api, "nakhchivan").version_at(today).unwrap();
    assert_eq!(nakhchivan.layer, "provinces");
}

#[test]
fn exactly_one_version_of_each_region_is_in_force_between_its_first_and_last_day() {
    for r in api().regions() {
        let (a, b) = r.span();
        for w in r.versions.windows(2) {
            assert_eq!(w[0].hi, w[1].lo, "{}: versions meet end to start", r.id);
        }
        assert!(r.in_force(a), "{}", r.id);
        assert!(
            !r.in_force(a - 1) || a == faultlines_core::model::FOREVER_BEFORE,
            "{}",
            r.id
        );
        if b != faultlines_core::model::OPEN_END {
            assert!(!r.in_force(b) && r.in_force(b - 1), "{}", r.id);
        }
    }
}

fn scan(versions: &[RegionVersion], t: i32) -> Option<usize> {
    let hits: Vec<usize> = (0..versions.len())
        .filter(|&i| versions[i].lo <= t && t < versions[i].hi)
        .collect();
    assert!(hits.len() <= 1, "two versions at once");
    hits.first().copied()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// The lookup by binary search agrees with a scan over all versions, on
    /// the shipped regions at any day from 1900 to 2100.
    #[test]
    fn the_version_lookup_agrees_with_a_scan(t in -25_567i32..47_482, k in 0usize..400) {
        let api = api_once();
        let regions = api.regions();
        let r = &regions[k % regions.len()];
        let found = r.version_at(t).map(|v| v as *const RegionVersion);
        let scanned = scan(&r.versions, t).map(|i| &r.versions[i] as *const RegionVersion);
        prop_assert_eq!(found, scanned);
    }

    /// The same on made-up regions: random contiguous or gapped versions.
    #[test]
    fn the_version_lookup_agrees_with_a_scan_on_any_versions(
        cuts in proptest::collection::vec(-1000i32..1000, 1..8),
        gaps in proptest::collection::vec(0i32..3, 8),
        t in -1200i32..1200,
    ) {
        let mut cuts = cuts;
        cuts.sort_unstable();
        cuts.dedup();
        let mut versions = Vec::new();
        for (i, w) in cuts.windows(2).enumerate() {
            let mut v = faultlines_geodata::history::always(&region_template());
            v.lo = w[0] + gaps[i % gaps.len()].min(w[1] - w[0] - 1).max(0);
            v.hi = w[1];
            versions.push(v);
        }
        let mut r = region_template();
        r.versions = versions;
        let found = r.version_at(t).map(|v| v as *const RegionVersion);
        let scanned = scan(&r.versions, t).map(|i| &r.versions[i] as *const RegionVersion);
        prop_assert_eq!(found, scanned);
    }
}

fn api_once() -> &'static Api {
    static API: std::sync::OnceLock<Api> = std::sync::OnceLock::new();
    API.get_or_init(api)
}

fn region_template() -> Region {
    api_once().regions()[0].clone()
}

#[test]
fn the_map_of_a_date_is_geojson_with_the_versions_in_force() {
    let api = api();
    let fc: serde_json::Value = serde_json::from_str(&api.map_at("1970-06-01").unwrap()).unwrap();
    assert_eq!(fc["type"], "FeatureCollection");
    let ids: Vec<&str> = fc["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["id"].as_str().unwrap())
        .collect();
    for id in ["DDR", "DEU", "CSK", "SUN", "YUG", "KAZ"] {
        assert!(ids.contains(&id), "{id} in 1970");
    }
    for id in ["SVK", "CZE", "crimea", "SCG"] {
        assert!(!ids.contains(&id), "{id} not in 1970");
    }
    let kaz = fc["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["id"] == "KAZ")
        .unwrap();
    let p = &kaz["properties"];
    assert_eq!(p["name_en"], "Kazakh SSR");
    assert_eq!(p["sovereign"], "SUN");
    for key in [
        "id",
        "name_en",
        "name_ru",
        "kind",
        "valid_from",
        "valid_to",
        "sovereign",
        "controller",
        "approximate",
        "sources",
    ] {
        assert!(p.get(key).is_some(), "property {key}");
    }
    assert!(api.map_at("1970-13-01").is_err());
}

#[test]
fn search_finds_a_region_by_the_name_of_another_date() {
    let api = api();
    for (query, id) in [
        ("kazakh ssr", "KAZ"),
        ("byelorussian", "BLR"),
        ("federal republic of germany", "DEU"),
    ] {
        let hits = api.search(query, 5).unwrap();
        assert!(
            hits.iter().any(|h| h.region.as_deref() == Some(id)),
            "{query}: {hits:?}"
        );
    }
}
