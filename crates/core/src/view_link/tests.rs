//! The link format: round trips, and what a bad link keeps and names.

use super::*;
use crate::date::days_from_civil;
use proptest::prelude::*;

/// A small story's ids.
struct Ids;

impl LinkChecks for Ids {
    fn has_region(&self, id: &str) -> bool {
        ["KAZ", "nagorno-karabakh", "a b&c=d/é"].contains(&id)
    }
    fn has_excerpt(&self, id: &str) -> bool {
        ["s01", "s42"].contains(&id)
    }
    fn has_organization(&self, id: &str) -> bool {
        ["csto", "warsaw", "guam"].contains(&id)
    }
}

fn parse(text: &str) -> (ViewLink, Vec<Ignored>) {
    ViewLink::parse(text, &Ids)
}

fn whys(ignored: &[Ignored]) -> Vec<(&str, &str, IgnoredWhy)> {
    ignored
        .iter()
        .map(|i| (i.key.as_str(), i.value.as_str(), i.why))
        .collect()
}

#[test]
fn a_fragment_and_a_desktop_address_with_the_same_fields_give_the_same_view() {
    let fields = "at=2022-01-09&region=KAZ&from=2021-01-01&to=2022-12-31&zoom=2.5&center=68.5,48&kinds=deployment,exercise&actor=csto&org=&excerpt=s01";
    let (a, none) = parse(&format!("#{fields}"));
    assert!(none.is_empty(), "{none:?}");
    for text in [
        format!("faultlines://view?{fields}"),
        format!("FAULTLINES://VIEW/?{fields}"),
        format!("faultlines:view?{fields}"),
        format!("http://127.0.0.1:8787/#{fields}"),
        fields.to_string(),
    ] {
        assert_eq!(parse(&text), (a.clone(), vec![]), "{text}");
    }
    assert_eq!(a.at, Some(days_from_civil(2022, 1, 9)));
    assert_eq!(a.region.as_deref(), Some("KAZ"));
    assert_eq!(
        a.window,
        Some([days_from_civil(2021, 1, 1), days_from_civil(2022, 12, 31)])
    );
    assert_eq!((a.zoom, a.center), (Some(2.5), Some([68.5, 48.0])));
    // Kinds come back in the core's order, whatever the link's.
    assert_eq!(
        a.kinds,
        Some(vec![EventKind::Exercise, EventKind::Deployment])
    );
    assert_eq!(a.org.as_deref(), Some(""), "org= is no membership map");
    assert_eq!(
        a.to_query(),
        "at=2022-01-09&region=KAZ&from=2021-01-01&to=2022-12-31&zoom=2.5&center=68.5,48&kinds=exercise,deployment&actor=csto&org=&excerpt=s01"
    );
    assert_eq!(a.to_url(), format!("faultlines://view?{}", a.to_query()));
}

#[test]
fn an_empty_link_is_the_default_view_with_nothing_ignored() {
    for text in ["", "#", "faultlines://view", "faultlines://view/?", "?&&"] {
        assert_eq!(parse(text), (ViewLink::default(), vec![]), "{text:?}");
    }
}

#[test]
fn each_bad_part_is_left_out_and_named_and_the_good_parts_kept() {
    let (v, ignored) = parse(
        "#at=2022-02-30&region=XYZ&zoom=abc&center=200,10&kinds=exercise,bogus&actor=nato&colour=red&region=KAZ&junk&excerpt=s99&from=2020-01-01",
    );
    assert_eq!(
        whys(&ignored),
        [
            ("at", "2022-02-30", IgnoredWhy::ImpossibleDate),
            ("region", "XYZ", IgnoredWhy::UnknownRegion),
            ("zoom", "abc", IgnoredWhy::BadNumber),
            ("center", "200,10", IgnoredWhy::OutOfRange),
            ("kinds", "bogus", IgnoredWhy::UnknownKind),
            ("actor", "nato", IgnoredWhy::UnknownOrganization),
            ("colour", "red", IgnoredWhy::UnknownKey),
            ("region", "KAZ", IgnoredWhy::Repeated),
            ("", "junk", IgnoredWhy::Junk),
            ("excerpt", "s99", IgnoredWhy::UnknownExcerpt),
            ("from", "2020-01-01", IgnoredWhy::Incomplete),
        ]
    );
    assert_eq!(
        v,
        ViewLink {
            kinds: Some(vec![EventKind::Exercise]),
            ..ViewLink::default()
        }
    );
}

#[test]
fn links_that_are_not_view_links_open_the_default_view_and_say_so() {
    for text in [
        "faultlines://settings?at=2022-01-09",
        "https://example.org/page?at=2022-01-09",
        "faultlines://",
    ] {
        let (v, ignored) = parse(text);
        assert_eq!(v, ViewLink::default(), "{text}");
        assert_eq!(whys(&ignored), [("", text, IgnoredWhy::Junk)], "{text}");
    }
    let long = format!("#at={}", "9".repeat(MAX_LINK));
    let (v, ignored) = parse(&long);
    assert_eq!(v, ViewLink::default());
    assert_eq!(ignored[0].why, IgnoredWhy::TooLong);
    assert_eq!(
        ignored[0].value.chars().count(),
        80,
        "the value shown is cut"
    );
}

#[test]
fn numbers_that_are_not_finite_or_in_range_are_refused() {
    for (text, why) in [
        ("zoom=inf", IgnoredWhy::BadNumber),
        ("zoom=NaN", IgnoredWhy::BadNumber),
        ("zoom=0", IgnoredWhy::OutOfRange),
        ("zoom=-2", IgnoredWhy::OutOfRange),
        ("zoom=1e9", IgnoredWhy::OutOfRange),
        ("center=10", IgnoredWhy::BadNumber),
        ("center=10,95", IgnoredWhy::OutOfRange),
        ("center=10,x", IgnoredWhy::BadNumber),
    ] {
        let (v, ignored) = parse(text);
        assert_eq!(v, ViewLink::default(), "{text}");
        assert_eq!(ignored.len(), 1, "{text}");
        assert_eq!(ignored[0].why, why, "{text}");
    }
}

#[test]
fn a_window_that_ends_before_it_starts_is_left_out_whole() {
    let (v, ignored) = parse("from=2023-01-01&to=2022-01-01");
    assert_eq!(v.window, None);
    assert_eq!(
        whys(&ignored),
        [
            ("from", "2023-01-01", IgnoredWhy::RangeInverted),
            ("to", "2022-01-01", IgnoredWhy::RangeInverted)
        ]
    );
    // Coarser dates stand for their first day, and the window's end for its last.
    let (v, _) = parse("at=2022-09&from=1991&to=1992");
    assert_eq!(v.at, Some(days_from_civil(2022, 9, 1)));
    assert_eq!(
        v.window,
        Some([days_from_civil(1991, 1, 1), days_from_civil(1992, 12, 31)])
    );
}

#[test]
fn escapes_are_decoded_and_broken_ones_are_junk() {
    let (v, ignored) = parse("region=a%20b%26c%3Dd%2F%C3%A9&excerpt=s%30%31");
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(v.region.as_deref(), Some("a b&c=d/é"));
    assert_eq!(v.excerpt.as_deref(), Some("s01"));
    assert_eq!(v.to_query(), "region=a%20b%26c%3Dd%2F%C3%A9&excerpt=s01");
    for bad in ["region=%zz", "region=%4", "region=%+4", "region=%C3"] {
        let (v, ignored) = parse(bad);
        assert_eq!(v, ViewLink::default(), "{bad}");
        assert_eq!(ignored[0].why, IgnoredWhy::Junk, "{bad}");
    }
}

#[test]
fn kinds_left_empty_show_none_and_kinds_all_unknown_show_all() {
    assert_eq!(parse("kinds=").0.kinds, Some(vec![]));
    let (v, ignored) = parse("kinds=bogus");
    assert_eq!(v.kinds, None);
    assert_eq!(ignored.len(), 1);
}

fn day() -> impl Strategy<Value = i32> {
    // Years 1 to 9999, each day a real one.
    days_from_civil(1, 1, 1)..=days_from_civil(9999, 12, 31)
}

fn id(pool: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    proptest::option::of(proptest::sample::select(pool).prop_map(String::from))
}

prop_compose! {
    /// Any view a link can carry: known ids, real days, numbers in range.
    fn any_view()(
        at in proptest::option::of(day()),
        region in id(&["KAZ", "nagorno-karabakh", "a b&c=d/é"]),
        window in proptest::option::of((day(), day())),
        zoom in proptest::option::of(1u32..=1_000_000u32),
        center in proptest::option::of((-18_000_000i64..=18_000_000, -9_000_000i64..=9_000_000)),
        kinds in proptest::option::of(proptest::sample::subsequence(EventKind::ALL.to_vec(), 0..=11)),
        actor in id(&["csto", "guam"]),
        org in id(&["", "csto", "warsaw"]),
        excerpt in id(&["s01", "s42"]),
    ) -> ViewLink {
        ViewLink {
            at,
            region,
            window: window.map(|(a, b)| [a.min(b), a.max(b)]),
            zoom: zoom.map(|z| f64::from(z) / 1000.0),
            center: center.map(|(lon, lat)| [lon as f64 / 1e5, lat as f64 / 1e5]),
            kinds,
            actor,
            org,
            excerpt,
        }
    }
}

proptest! {
    #[test]
    fn every_view_comes_back_from_its_link(v in any_view()) {
        for text in [v.to_fragment(), v.to_url(), v.to_query()] {
            let (back, ignored) = ViewLink::parse(&text, &Ids);
            prop_assert!(ignored.is_empty(), "{text}: {ignored:?}");
            prop_assert_eq!(&back, &v, "{}", text);
        }
    }

    #[test]
    fn any_text_reads_without_panicking_and_what_it_keeps_reads_back_the_same(text in ".{0,300}") {
        let (v, _) = ViewLink::parse(&text, &Ids);
        let (again, ignored) = ViewLink::parse(&v.to_query(), &Ids);
        prop_assert!(ignored.is_empty());
        prop_assert_eq!(again, v);
    }

    #[test]
    fn link_like_text_reads_without_panicking(
        parts in proptest::collection::vec(
            ("(at|from|to|zoom|center|kinds|region|org|actor|excerpt|x)", "[-0-9a-z.,%+~#=&é]{0,12}"),
            0..8,
        )
    ) {
        let text: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let text = format!("faultlines://view?{}", text.join("&"));
        let (v, _) = ViewLink::parse(&text, &Ids);
        let (again, ignored) = ViewLink::parse(&v.to_url(), &Ids);
        prop_assert!(ignored.is_empty());
        prop_assert_eq!(again, v);
    }
}
