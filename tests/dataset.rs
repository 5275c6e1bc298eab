//! The shipped dataset: integrity, sourcing, verbatim excerpts, and the
//! checks that reject broken copies of it with messages naming file and id.

mod common;

use faultlines_core::dataset::Dataset;
use faultlines_core::model::{EventEnd, EventKind};
use faultlines_core::Api;

fn api() -> Api {
    Api::new(Dataset::embedded().expect("the shipped dataset is valid"))
}

#[test]
fn every_excerpt_is_verbatim_at_its_offsets() {
    let ds = Dataset::embedded().unwrap();
    let chars: Vec<char> = ds.article.chars().collect();
    assert!(ds.excerpts.len() >= 60);
    for x in &ds.excerpts {
        let at: String = chars[x.start..x.end].iter().collect();
        assert_eq!(at, x.text, "excerpt {}", x.id);
        // The UTF-16 offsets the web UI uses point at the same text.
        let utf16: Vec<u16> = ds.article.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&utf16[x.start_utf16..x.end_utf16]).unwrap(),
            x.text
        );
    }
}

#[test]
fn the_article_is_shipped_unchanged() {
    let ds = Dataset::embedded().unwrap();
    assert!(ds
        .article
        .starts_with("Putin’s USSR 2.0 project to be undermined by his satellites\n"));
    // Typos stay as written.
    for typo in [
        "made s step",
        "Brezhnev’s articulated",
        "Kyrgystan",
        "drags",
        "Kazakhstan.,",
    ] {
        assert!(ds.article.contains(typo), "{typo}");
    }
}

#[test]
fn every_event_is_sourced_and_every_discrepancy_cites_a_source() {
    let ds = Dataset::embedded().unwrap();
    assert!(ds.events.len() >= 55);
    let events = ds.events.to_vec();
    for e in &events {
        assert!(!e.props.sources.is_empty(), "{}", e.props.id);
        assert!(
            e.props.sources.iter().all(|s| s.starts_with("http")),
            "{}",
            e.props.id
        );
        for d in &e.props.discrepancies {
            assert!(!d.sources.is_empty(), "{}", e.props.id);
        }
    }
    let with_notes = events
        .iter()
        .filter(|e| !e.props.discrepancies.is_empty())
        .count();
    assert!(
        with_notes >= 5,
        "sources that disagree about an event are noted on it ({with_notes})"
    );
}

#[test]
fn tajikistan_has_the_isfara_passage_and_uzbekistan_the_gas_deal() {
    let api = api();
    let tj = api.excerpts_for_region("TJK").unwrap();
    assert!(tj.excerpts.iter().any(|x| x
        .excerpt
        .text
        .contains("more than 230 situations of military conflict")));
    let uz = api.excerpts_for_region("UZB").unwrap();
    assert!(uz.excerpts.iter().any(|x| x
        .excerpt
        .text
        .contains("Uzbekistan signed a gas treaty with Turkmenistan")));
    // Most relevant first: every sentence naming Tajikistan before any
    // that reaches it only through a group or the Soviet Union.
    let ranks: Vec<_> = tj
        .excerpts
        .iter()
        .map(|x| x.link.as_ref().unwrap().rank())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
}

#[test]
fn kazakhstan_in_january_2022_has_a_deployment_and_a_withdrawal() {
    let api = api();
    let page = api
        .events_in(
            "2022-01",
            "2022-01",
            &faultlines_core::api::Filter {
                region: Some("KAZ".into()),
                ..Default::default()
            },
            0,
            100,
        )
        .unwrap();
    let kinds: Vec<EventKind> = page.events.iter().map(|e| e.props.kind).collect();
    assert!(
        kinds.contains(&EventKind::Deployment) && kinds.contains(&EventKind::Withdrawal),
        "{kinds:?}"
    );
    let dep = page
        .events
        .iter()
        .find(|e| e.props.kind == EventKind::Deployment)
        .unwrap();
    // One arrow from each state that sent troops, each ending in Almaty.
    let faultlines_core::model::Geometry::MultiLineString(lines) = &dep.geometry else {
        panic!("{:?}", dep.geometry)
    };
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l.last() == Some(&[76.9115, 43.2525])));
    assert_eq!(dep.props.end, EventEnd::At("2022-01-19".parse().unwrap()));
}

#[test]
fn exercises_record_who_stayed_away() {
    let api = api();
    let rubezh = api.event("rubezh-2022").unwrap();
    assert!(rubezh.props.absent.iter().any(|a| a.actor == "KGZ"));
    let kz = api.event("csto-drills-kazakhstan-2022").unwrap();
    assert!(kz.props.absent.iter().any(|a| a.actor == "ARM"));
    let ib = api.event("indestructible-brotherhood-2022").unwrap();
    assert_eq!(
        ib.props.cancelled.map(|d| d.to_string()),
        Some("2022-10-09".into())
    );
}

#[test]
fn memberships_change_over_time() {
    let api = api();
    let status = |at: &str, org: &str, c: &str| {
        api.state_at(at)
            .unwrap()
            .memberships
            .into_iter()
            .find(|m| m.org == org && m.country == c)
            .map(|m| m.status)
    };
    use faultlines_core::model::MemberStatus::*;
    assert_eq!(status("1995-01-01", "csto", "UZB"), Some(Member));
    assert_eq!(status("2000-01-01", "csto", "UZB"), None);
    assert_eq!(status("2008-01-01", "csto", "UZB"), Some(Member));
    assert_eq!(status("2013-01-01", "csto", "UZB"), Some(Suspended));
    assert_eq!(status("2023-06-01", "csto", "ARM"), Some(Member));
    assert_eq!(status("2024-06-01", "csto", "ARM"), Some(Frozen));
    assert_eq!(status("1970-01-01", "warsaw-pact", "CSK"), Some(Member));
    assert_eq!(status("1992-01-01", "warsaw-pact", "CSK"), None);
}

#[test]
fn the_lachin_corridor_is_blocked_from_12_december_2022() {
    let api = api();
    let st = |at: &str| {
        api.state_at(at)
            .unwrap()
            .disputes
            .into_iter()
            .find(|d| d.id == "lachin-corridor")
            .unwrap()
    };
    assert_eq!(st("2022-12-11").status, "open under Russian peacekeepers");
    assert_eq!(st("2022-12-12").status, "blockaded");
    assert_eq!(
        st("2023-05-01").status,
        "Azerbaijani checkpoint at the Hakari bridge"
    );
}

#[test]
fn a_bad_date_is_rejected_naming_file_and_event() {
    let (_t, dir) = common::broken("story/events.geojson", |s| {
        s.replacen("\"start\": \"2022-01-06\"", "\"start\": \"2022-13-06\"", 1)
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter().any(|m| m.starts_with("story/events.geojson")
            && m.contains("2022-13-06")
            && m.contains("month")),
        "{p:?}"
    );
}

#[test]
fn an_unknown_region_is_rejected() {
    let (_t, dir) = common::broken("story/events.geojson", |s| {
        s.replacen("\"KZ-ALA\"", "\"KZ-NOWHERE\"", 1)
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter()
            .any(|m| m.contains("kazakhstan-csto-deployment-2022")
                && m.contains("unknown region \"KZ-NOWHERE\"")),
        "{p:?}"
    );
}

#[test]
fn a_duplicate_event_id_is_rejected_and_lookups_still_resolve() {
    let (_t, dir) = common::broken("story/events.geojson", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let fs = v["features"].as_array_mut().unwrap();
        let copy = fs
            .iter()
            .find(|f| f["properties"]["id"] == "kazakhstan-csto-withdrawal-2022")
            .unwrap()
            .clone();
        fs.push(copy);
        serde_json::to_string_pretty(&v).unwrap()
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter()
            .any(|m| m.contains("kazakhstan-csto-withdrawal-2022")
                && m.contains("duplicate event id")),
        "{p:?}"
    );
    assert_eq!(
        p.iter()
            .filter(|m| m.contains("duplicate event id"))
            .count(),
        1,
        "{p:?}"
    );
    // In the valid dataset, every event is found by its id.
    let api = api();
    for e in api.all_events() {
        assert_eq!(api.event(&e.props.id).unwrap().props.id, e.props.id);
    }
    assert!(api.event("no-such-event").is_err());
}

#[test]
fn an_excerpt_off_by_one_character_is_rejected() {
    let (_t, dir) = common::broken("story/excerpts.json", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let x = &mut v[23];
        let start = x["start"].as_u64().unwrap();
        x["start"] = (start + 1).into();
        x["end"] = (x["end"].as_u64().unwrap() + 1).into();
        serde_json::to_string_pretty(&v).unwrap()
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter().any(
            |m| m.contains("story/excerpts.json: s24: text is not verbatim")
                && m.contains("the text occurs at offset")
        ),
        "{p:?}"
    );
}

#[test]
fn an_event_without_a_source_is_rejected() {
    let (_t, dir) = common::broken("story/events.geojson", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        v["features"][0]["properties"]["sources"] = serde_json::json!([]);
        serde_json::to_string(&v).unwrap()
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter()
            .any(|m| m.contains("story/events.geojson: nato-founding-1949: event has no source")),
        "{p:?}"
    );
}

#[test]
fn a_discrepancy_without_a_source_is_rejected() {
    let (_t, dir) = common::broken("story/events.geojson", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        for f in v["features"].as_array_mut().unwrap() {
            if f["properties"]["id"] == "cst-renewal-1999" {
                f["properties"]["discrepancies"][0]["sources"] = serde_json::json!([]);
            }
        }
        serde_json::to_string(&v).unwrap()
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter()
            .any(|m| m.contains("cst-renewal-1999: a discrepancy note has no source")),
        "{p:?}"
    );
}

/// The shipped story with `edit` applied to one event's properties.
fn with_event(id: &'static str, edit: impl Fn(&mut serde_json::Value) + 'static) -> Vec<String> {
    let (_t, dir) = common::broken("story/events.geojson", move |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        for f in v["features"].as_array_mut().unwrap() {
            if f["properties"]["id"] == id {
                edit(&mut f["properties"]);
            }
        }
        serde_json::to_string(&v).unwrap()
    });
    common::problems_of(&dir)
}

#[test]
fn a_translation_in_an_unknown_language_is_rejected_naming_the_event() {
    let p = with_event("nato-founding-1949", |e| {
        e["i18n"] = serde_json::json!({"xx": {"title": "T", "description": "D"}});
    });
    assert!(
        p.iter().any(|m| m.contains(
            "story/events.geojson: nato-founding-1949: the event: unknown language \"xx\" in i18n (known: ru)"
        )),
        "{p:?}"
    );
}

#[test]
fn an_empty_translated_title_or_note_is_rejected_naming_the_event() {
    let p = with_event("cst-renewal-1999", |e| {
        e["i18n"]["ru"]["title"] = serde_json::json!(" ");
        e["discrepancies"][0]["i18n"] = serde_json::json!({"ru": ""});
    });
    assert!(
        p.iter()
            .any(|m| m.contains("cst-renewal-1999: the event: the title in \"ru\" is empty")),
        "{p:?}"
    );
    assert!(
        p.iter().any(
            |m| m.contains("cst-renewal-1999: a discrepancy note: the note in \"ru\" is empty")
        ),
        "{p:?}"
    );
}

#[test]
fn a_dispute_status_in_an_unknown_language_is_rejected_naming_the_dispute() {
    let (_t, dir) = common::broken("story/disputes.geojson", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let f = &mut v["features"][0]["properties"];
        f["timeline"][0]["i18n"] = serde_json::json!({"de": "Grenze"});
        f["i18n"]["ru"]["name"] = serde_json::json!("");
        serde_json::to_string(&v).unwrap()
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter().any(|m| m.contains("story/disputes.geojson: isfara-vorukh: status from 1991-12-26: unknown language \"de\"")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.contains("isfara-vorukh: the dispute: the name in \"ru\" is empty")),
        "{p:?}"
    );
}

#[test]
fn the_datasets_words_in_an_unknown_language_are_rejected_naming_the_file() {
    let (_t, dir) = common::broken("story/dataset.json", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        v["i18n"]["kk"] = v["i18n"]["ru"].clone();
        v["i18n"]["ru"]["attribution"] = serde_json::json!("");
        serde_json::to_string(&v).unwrap()
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter()
            .any(|m| m.contains("story/dataset.json: the dataset: unknown language \"kk\"")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m
                .contains("story/dataset.json: the dataset: the attribution in \"ru\" is empty")),
        "{p:?}"
    );
}

#[test]
fn every_event_note_dispute_and_border_change_of_the_shipped_story_has_its_russian_words() {
    let ds = Dataset::embedded().unwrap();
    assert!(
        ds.meta.i18n.as_ref().is_some_and(|t| t.contains_key("ru")),
        "the dataset's own words"
    );
    for e in ds.events.to_vec() {
        let ru = e.props.i18n.as_ref().and_then(|t| t.get("ru"));
        let ru = ru.unwrap_or_else(|| panic!("{}: no Russian title", e.props.id));
        assert!(
            ru.title
                .chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
            "{}: {:?}",
            e.props.id,
            ru.title
        );
        for d in &e.props.discrepancies {
            assert!(
                d.i18n.as_ref().is_some_and(|t| t.contains_key("ru")),
                "{}: a discrepancy without Russian",
                e.props.id
            );
        }
        for a in &e.props.absent {
            assert!(
                a.i18n.as_ref().is_some_and(|t| t.contains_key("ru")),
                "{}: an absence without Russian",
                e.props.id
            );
        }
    }
    for r in &ds.regions {
        for v in &r.versions {
            assert_eq!(
                v.change.is_some(),
                v.change_ru.is_some(),
                "{}: a change without Russian",
                r.id
            );
            assert_eq!(
                v.note.is_some(),
                v.note_ru.is_some(),
                "{}: a note without Russian",
                r.id
            );
        }
    }
    for d in &ds.disputes {
        let ru = d.props.i18n.as_ref().and_then(|t| t.get("ru"));
        assert!(ru.is_some(), "{}: no Russian name", d.props.id);
        for t in &d.props.timeline {
            assert!(
                t.i18n.as_ref().is_some_and(|t| t.contains_key("ru")),
                "{}: a status without Russian",
                d.props.id
            );
        }
    }
    for x in &ds.excerpts {
        for n in &x.notes {
            assert!(
                n.i18n.as_ref().is_some_and(|t| t.contains_key("ru")),
                "{}: a note without Russian",
                x.id
            );
        }
    }
}

#[test]
fn malformed_json_names_the_file() {
    let (_t, dir) = common::broken("story/memberships.json", |s| s.replacen('{', "{{", 1));
    let p = common::problems_of(&dir);
    assert!(
        p.iter()
            .any(|m| m.starts_with("story/memberships.json: cannot parse")),
        "{p:?}"
    );
}

#[test]
fn a_dataset_without_a_map_uses_the_shipped_one() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_shipped(dir.path(), false);
    let ds = Dataset::from_dir(dir.path()).unwrap();
    assert!(ds.layer_bytes("countries", "overview").is_some());
}

#[test]
fn shipped_layers_pass_the_deep_geometry_check() {
    let ds = Dataset::embedded().unwrap();
    let problems = faultlines_geodata::check::layers(&ds);
    assert!(problems.is_empty(), "{problems:?}");
}

fn broken_layer(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let (_t, dir) = common::broken("map/layers/countries.overview.json", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        edit(&mut v);
        serde_json::to_string(&v).unwrap()
    });
    let ds = Dataset::from_dir(&dir).unwrap();
    faultlines_geodata::check::layers(&ds)
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn feature<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["features"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap()
}

#[test]
fn a_self_crossing_ring_is_rejected_naming_the_feature() {
    let p = broken_layer(|v| {
        // A bow tie: (0,0) (1,1) (1,0) (0,1) back to (0,0), in grid steps.
        feature(v, "TJK")["t"] = "Polygon".into();
        feature(v, "TJK")["c"] =
            serde_json::json!([[35000, 19000, 1000, 1000, 0, -1000, -1000, 1000, 0, -1000]]);
    });
    assert!(
        p.iter()
            .any(|m| m.contains("countries.overview.json: TJK: exterior ring crosses itself")),
        "{p:?}"
    );
}

#[test]
fn an_open_ring_is_rejected() {
    let p = broken_layer(|v| {
        feature(v, "KGZ")["t"] = "Polygon".into();
        feature(v, "KGZ")["c"] = serde_json::json!([[35000, 20000, 1000, 0, 0, 1000, -1000, 0]]);
    });
    assert!(
        p.iter()
            .any(|m| m.contains("KGZ: exterior ring is not closed")),
        "{p:?}"
    );
}

#[test]
fn out_of_range_coordinates_and_unknown_ids_are_rejected() {
    let p = broken_layer(|v| {
        feature(v, "ARM")["id"] = "ATLANTIS".into();
        feature(v, "AZE")["t"] = "Point".into();
        feature(v, "AZE")["c"] = serde_json::json!([100000, 20000]);
    });
    assert!(
        p.iter()
            .any(|m| m.contains("ATLANTIS: feature draws no version of a region in regions.json")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.contains("AZE: coordinate [200") && m.contains("out of range")),
        "{p:?}"
    );
}

/// The overview states answer every day's memberships and disputes exactly as
/// `state_at` does, so the UI can look them up while the slider is dragged.
#[test]
fn overviews_agree_with_state_at_on_every_day() {
    let api = api();
    let ov = api.overviews();
    assert!(ov.len() > 20, "{} overview states", ov.len());
    assert!(ov.iter().all(|s| s.events.is_empty()));
    assert!(ov.windows(2).all(|w| w[0].day < w[1].day));
    assert!(ov
        .windows(2)
        .all(|w| w[0].memberships != w[1].memberships || w[0].disputes != w[1].disputes));
    let span = &api.info().span;
    for t in span.start_day - 400..=span.end_day + 400 {
        let at = ov.partition_point(|s| s.day <= t).max(1) - 1;
        let want = api.state_at_day(faultlines_core::Date::from_daynum(t), t);
        assert_eq!(
            ov[at].memberships, want.memberships,
            "memberships on day {t}"
        );
        assert_eq!(ov[at].disputes, want.disputes, "disputes on day {t}");
    }
}
