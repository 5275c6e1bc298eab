//! Search in Russian: every region is found by its Russian name however it
//! is cased and whether ё is written ё or е, and events by their Russian
//! titles.

use std::sync::OnceLock;

use faultlines_core::dataset::Dataset;
use faultlines_core::search::HitKind;
use faultlines_core::Api;
use proptest::prelude::*;

fn api() -> &'static Api {
    static API: OnceLock<Api> = OnceLock::new();
    API.get_or_init(|| Api::new(Dataset::embedded().expect("the shipped dataset is valid")))
}

/// `name` with the case of each letter flipped where `mask` has a bit, and
/// every ё written е when `plain_e`.
fn as_typed(name: &str, mask: u64, plain_e: bool) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            let c = if plain_e && (c == 'ё' || c == 'Ё') {
                if c == 'ё' {
                    'е'
                } else {
                    'Е'
                }
            } else {
                c
            };
            if mask >> (i % 64) & 1 == 1 {
                if c.is_lowercase() {
                    c.to_uppercase().next().unwrap_or(c)
                } else {
                    c.to_lowercase().next().unwrap_or(c)
                }
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_region_is_found_by_its_russian_name_in_any_case_with_or_without_yo(
        pick in any::<prop::sample::Index>(), mask in any::<u64>(), plain_e in any::<bool>(),
    ) {
        let regions = api().regions();
        let r = &regions[pick.index(regions.len())];
        let q = as_typed(&r.name_ru, mask, plain_e);
        let hits = api().search(&q, 200).unwrap();
        prop_assert!(
            hits.iter().any(|h| h.kind == HitKind::Region && h.id == r.id),
            "{:?} ({}) not found by {:?}", r.name_ru, r.id, q
        );
    }
}

#[test]
fn a_name_with_yo_is_found_by_e_and_the_other_way_round() {
    // Кишинёв is written with ё; a reader may type either letter.
    for q in ["кишинев", "КИШИНЁВ", "Кишинёв"] {
        let hits = api().search(q, 10).unwrap();
        assert!(
            hits.iter().any(|h| h.id == "city-chisinau"),
            "{q}: {hits:?}"
        );
    }
}

#[test]
fn an_event_is_found_by_its_russian_title_and_answers_with_it() {
    let hits = api().search("лачинский коридор блокирован", 10).unwrap();
    let hit = hits
        .iter()
        .find(|h| h.kind == HitKind::Event && h.id == "lachin-blockade-2022-2023")
        .unwrap_or_else(|| panic!("{hits:?}"));
    let ru = hit
        .i18n
        .as_ref()
        .and_then(|t| t.get("ru"))
        .expect("the hit carries its Russian title");
    assert_eq!(ru.title, "Лачинский коридор блокирован");
}
