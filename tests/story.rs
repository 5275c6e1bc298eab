//! The story audit: the right sentences for each region, in the right order,
//! each with the notes about it and only those. These guard the mechanisms
//! (names of every date, historical states reaching their heirs, ranked
//! reasons, notes placed on words), checked on the shipped story.

mod common;

use faultlines_core::dataset::Dataset;
use faultlines_core::model::NoteKind;
use faultlines_core::relevance::LinkReason;
use faultlines_core::Api;

fn api() -> Api {
    Api::new(Dataset::embedded().unwrap())
}

fn ids(api: &Api, region: &str) -> Vec<String> {
    api.excerpts_for_region(region)
        .unwrap()
        .excerpts
        .iter()
        .map(|x| x.excerpt.id.clone())
        .collect()
}

/// A whole-word occurrence of `name` that is not part of a longer name
/// (`longer`) at the same place: "Warsaw Pact" does not name the city.
fn names_word(text: &str, name: &str, longer: &[&str]) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        let inside = longer.iter().any(|l| {
            l.len() > name.len()
                && l.match_indices(name)
                    .any(|(k, _)| i >= k && text[i - k..].starts_with(l))
        });
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
            && !inside
    })
}

#[test]
fn every_region_the_article_names_by_any_of_its_names_has_those_sentences() {
    let api = api();
    let ds = Dataset::embedded().unwrap();
    let every: Vec<&str> = ds
        .gazetteer
        .names
        .values()
        .flatten()
        .chain(ds.gazetteer.groups.keys())
        .map(String::as_str)
        .collect();
    let mut checked = 0;
    for r in api.regions() {
        let names: Vec<&str> = std::iter::once(r.name_en.as_str())
            .chain(r.versions.iter().map(|v| v.name_en.as_str()))
            .chain(
                ds.gazetteer
                    .names
                    .get(&r.id)
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            )
            .collect();
        let listed = ids(&api, &r.id);
        for x in &ds.excerpts {
            if let Some(n) = names.iter().find(|n| names_word(&x.text, n, &every)) {
                checked += 1;
                assert!(
                    listed.contains(&x.id),
                    "{} names {} ({n:?}) but is not among its excerpts",
                    x.id,
                    r.id
                );
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn a_city_named_in_the_article_has_its_sentences() {
    let api = api();
    assert!(ids(&api, "city-yerevan").contains(&"s16".to_string()));
    assert!(
        ids(&api, "city-moscow").contains(&"s36".to_string()),
        "through “Kremlin”"
    );
}

#[test]
fn historical_states_have_their_sentences_and_reach_their_successors() {
    let api = api();
    for state in ["DDR", "CSK", "SUN"] {
        assert!(!ids(&api, state).is_empty(), "{state} has no excerpt");
    }
    let sk = api.excerpts_for_region("SVK").unwrap();
    let s10 = sk
        .excerpts
        .iter()
        .find(|x| x.excerpt.id == "s10")
        .expect("Slovakia reaches the 1968 sentence through Czechoslovakia");
    let l = s10.link.as_ref().unwrap();
    assert_eq!(l.reason, LinkReason::Through);
    assert_eq!(l.via.as_deref(), Some("CSK"));
    assert_eq!(l.names, ["Czechoslovakia"]);
    // The Kazakh SSR was part of the Soviet Union.
    let kz = api.excerpts_for_region("KAZ").unwrap();
    assert!(kz
        .excerpts
        .iter()
        .any(|x| x.link.as_ref().unwrap().via.as_deref() == Some("SUN")));
}

#[test]
fn a_region_reads_the_sentences_naming_it_before_those_reaching_it_through_a_group() {
    let api = api();
    for region in ["KAZ", "TJK", "ARM", "UZB", "KGZ", "POL"] {
        let xs = api.excerpts_for_region(region).unwrap().excerpts;
        let first = xs[0].link.as_ref().unwrap();
        assert_eq!(
            first.reason,
            LinkReason::Names,
            "{region}: {}",
            xs[0].excerpt.text
        );
        let reasons: Vec<LinkReason> = xs.iter().map(|x| x.link.as_ref().unwrap().reason).collect();
        assert!(
            reasons.windows(2).all(|w| w[0] <= w[1]),
            "{region}: {reasons:?}"
        );
    }
    // Kazakhstan's first sentence is about Kazakhstan, not Yeltsin's treaty
    // that reaches it through "the former USSR republics".
    let kz = api.excerpts_for_region("KAZ").unwrap().excerpts;
    assert_ne!(kz[0].excerpt.id, "s05");
    let s05 = kz.iter().find(|x| x.excerpt.id == "s05").unwrap();
    assert_eq!(s05.link.as_ref().unwrap().reason, LinkReason::Group);
    assert_eq!(s05.link.as_ref().unwrap().names, ["former USSR republics"]);
}

#[test]
fn a_sentence_shows_its_own_notes_not_every_note_of_its_events() {
    let api = api();
    // s17 is linked to the 1993 accessions, whose note is about the event's
    // day, not about anything s17 says.
    let x = api.excerpt("s17").unwrap();
    assert!(x.excerpt.notes.is_empty(), "{:?}", x.excerpt.notes);
    let accession = x
        .events
        .iter()
        .find(|e| e.id == "cst-accessions-1993")
        .unwrap();
    assert!(!accession.notes.is_empty(), "the event keeps its own note");
}

fn note_on(api: &Api, id: &str, words: &str) -> faultlines_core::dataset::ExcerptNote {
    let x = api.excerpt(id).unwrap();
    x.excerpt
        .notes
        .iter()
        .find(|n| n.quote.contains(words))
        .cloned()
        .unwrap_or_else(|| panic!("{id} has no note on {words:?}: {:?}", x.excerpt.notes))
}

#[test]
fn every_article_error_of_the_fact_sheet_is_a_note_on_the_sentence_making_it() {
    let api = api();
    // (sentence, words of the error, kind): sections E and G of the fact sheet.
    let errors = [
        ("s36", "2021", NoteKind::Correction),
        (
            "s44",
            "Shanghai Cooperation Organization",
            NoteKind::Correction,
        ),
        ("s45", "President Nikola", NoteKind::Correction),
        ("s62", "current six members", NoteKind::Correction),
        ("s06", "May 14, 2002", NoteKind::Correction),
        (
            "s06",
            "Organization of the Collective Security Treaty",
            NoteKind::Correction,
        ),
        (
            "s04",
            "Organization of the Collective Security Treaty",
            NoteKind::Correction,
        ),
        ("s31", "four days", NoteKind::Correction),
        ("s31", "China’s snuffy grumping", NoteKind::Correction),
        ("s01", "the EU", NoteKind::Correction),
        ("s01", "security mission", NoteKind::Correction),
        ("s43", "any CSTO military exercise", NoteKind::Correction),
        ("s32", "Afghan military", NoteKind::Correction),
        ("s58", "rejected", NoteKind::Correction),
        ("s59", "gas treaty", NoteKind::Correction),
        ("s55", "newly elected", NoteKind::Correction),
        ("s55", "for the first time", NoteKind::Unverified),
        (
            "s64",
            "depends on the outcome of the war",
            NoteKind::Correction,
        ),
        ("s13", "silently died", NoteKind::Correction),
        ("s61", "Mandela", NoteKind::Unverified),
        ("s24", "230", NoteKind::Unverified),
        ("s62", "thirty NATO members", NoteKind::Update),
        ("s20", "ended in 1994", NoteKind::Correction),
        ("s06", "made s step", NoteKind::Sic),
        ("s10", "Brezhnev’s articulated", NoteKind::Sic),
        ("s26", "Kyrgystan", NoteKind::Sic),
        ("s26", "drags", NoteKind::Sic),
        ("s31", "Kazakhstan.,", NoteKind::Sic),
    ];
    for (id, words, kind) in errors {
        let n = note_on(&api, id, words);
        assert_eq!(n.kind, kind, "{id} {words:?}");
        if matches!(kind, NoteKind::Correction | NoteKind::Update) {
            assert!(
                !n.sources.is_empty() && n.sources.iter().all(|s| s.starts_with("http")),
                "{id} {words:?}"
            );
        }
    }
    assert!(note_on(&api, "s20", "ended in 1994").note.contains("1988"));
    assert!(note_on(&api, "s20", "ended in 1994")
        .note
        .contains("ceasefire"));
    assert!(note_on(&api, "s62", "current six members")
        .note
        .contains("Azerbaijan"));
}

#[test]
fn a_note_points_at_its_words_in_the_verbatim_sentence() {
    let ds = Dataset::embedded().unwrap();
    let mut n = 0;
    for x in &ds.excerpts {
        let utf16: Vec<u16> = x.text.encode_utf16().collect();
        for note in &x.notes {
            let words = String::from_utf16(&utf16[note.start_utf16..note.end_utf16]).unwrap();
            assert_eq!(words, note.quote, "{}", x.id);
            n += 1;
        }
    }
    assert!(n >= 30, "{n}");
}

#[test]
fn a_note_on_words_the_sentence_does_not_have_is_rejected() {
    let (_t, dir) = common::broken("story/excerpts.json", |s| {
        s.replacen(
            "\"quote\": \"made s step\"",
            "\"quote\": \"made a step\"",
            1,
        )
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter().any(|m| m.contains("s06: a note quotes \"made a step\", which is not in the sentence")),
        "{p:?}"
    );
}

#[test]
fn a_correction_without_a_source_is_rejected() {
    let (_t, dir) = common::broken("story/excerpts.json", |s| {
        let mut v: serde_json::Value = serde_json::from_str(&s).unwrap();
        for x in v.as_array_mut().unwrap() {
            if x["id"] == "s36" {
                x["notes"][0]["sources"] = serde_json::json!([]);
            }
        }
        serde_json::to_string(&v).unwrap()
    });
    let p = common::problems_of(&dir);
    assert!(
        p.iter().any(|m| m.contains("s36: a note has no source")),
        "{p:?}"
    );
}
