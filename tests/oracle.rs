//! Property tests: every indexed query agrees with a naive scan on random
//! generated datasets (imprecise and open-ended dates included).

use faultlines_core::api::{Api, Filter};
use faultlines_core::model::{Event, EventKind};
use faultlines_core::Date;
use proptest::prelude::*;

fn api(n: usize, seed: u64) -> Api {
    Api::new(faultlines_geodata::generate::dataset(n, seed))
}

fn matches(e: &Event, f: &Filter) -> bool {
    f.kinds
        .as_ref()
        .is_none_or(|k| k.is_empty() || k.contains(&e.props.kind))
        && f.region
            .as_ref()
            .is_none_or(|r| e.props.regions.iter().any(|x| x == r))
        && f.actor
            .as_ref()
            .is_none_or(|a| e.props.actors.iter().any(|x| x == a))
}

fn filter_strategy() -> impl Strategy<Value = Filter> {
    (
        proptest::option::of(proptest::sample::subsequence(EventKind::ALL.to_vec(), 0..4)),
        proptest::option::of(proptest::sample::select(vec![
            "KAZ",
            "TJK",
            "city-almaty",
            "KG-B",
            "ARM",
        ])),
        proptest::option::of(proptest::sample::select(vec!["KAZ", "KGZ", "RUS"])),
    )
        .prop_map(|(kinds, region, actor)| Filter {
            kinds,
            region: region.map(String::from),
            actor: actor.map(String::from),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn state_at_matches_a_scan(n in 0usize..400, seed: u64, t in -8000i32..21000) {
        let api = api(n, seed);
        let s = api.state_at_day(Date::from_daynum(t), t);
        let got: Vec<&str> = s.events.iter().map(|e| e.id.as_str()).collect();
        let all = api.all_events();
        let want: Vec<&str> = all.iter().filter(|e| e.lo <= t && t <= e.hi).map(|e| e.props.id.as_ref()).collect();
        prop_assert_eq!(got, want);
        let mut idx: Vec<u32> = api.active_at_day(t).iter().map(|a| a.index).collect();
        idx.sort_unstable();
        let want_idx: Vec<u32> = api.all_events().iter().enumerate().filter(|(_, e)| e.lo <= t && t <= e.hi).map(|(i, _)| i as u32).collect();
        prop_assert_eq!(idx, want_idx);
        for e in &s.events {
            prop_assert!((0.0..=1.0).contains(&e.certainty));
            if let Some(p) = e.progress { prop_assert!((0.0..=1.0).contains(&p)); }
        }
    }

    #[test]
    fn window_queries_match_a_scan(n in 0usize..400, seed: u64, a in -8000i32..21000, len in 0i32..6000, f in filter_strategy(), offset in 0usize..50) {
        let api = api(n, seed);
        let b = a + len;
        let (from, to) = (Date::from_daynum(a).to_string(), Date::from_daynum(b).to_string());
        let page = api.events_in(&from, &to, &f, offset, 1000).unwrap();
        let all = api.all_events();
        let want: Vec<&str> = all.iter().filter(|e| e.lo <= b && a <= e.hi && matches(e, &f)).map(|e| e.props.id.as_ref()).collect();
        prop_assert_eq!(page.total, want.len());
        let got: Vec<&str> = page.events.iter().map(|e| e.props.id.as_ref()).collect();
        let want_page: Vec<&str> = want.get(offset..).unwrap_or_default().to_vec();
        prop_assert_eq!(got, want_page);
    }

    #[test]
    fn histograms_match_a_scan(n in 0usize..400, seed: u64, a in -8000i32..21000, len in 0i32..30000, bins in 1usize..300, f in filter_strategy()) {
        let api = api(n, seed);
        let h = api.histogram_days(a, a + len, bins, &f);
        prop_assert_eq!(h.bins.len(), bins);
        prop_assert_eq!(h.bins[0].start_day, a);
        for w in h.bins.windows(2) { prop_assert!(w[0].end_day < w[1].start_day || w[0].start_day == w[1].start_day); }
        for bin in &h.bins {
            let want = api.all_events().iter().filter(|e| e.lo <= bin.end_day && bin.start_day <= e.hi && matches(e, &f)).count() as u32;
            prop_assert_eq!(bin.count, want, "bin {:?}", bin);
        }
        let starts = api.histogram_days_mode(a, a + len, bins, &f, faultlines_core::api::HistogramMode::Starts);
        for bin in &starts.bins {
            let want = api.all_events().iter().filter(|e| bin.start_day <= e.lo && e.lo <= bin.end_day && matches(e, &f)).count() as u32;
            prop_assert_eq!(bin.count, want, "starts bin {:?}", bin);
        }
    }

    #[test]
    fn stepping_matches_a_scan(n in 0usize..400, seed: u64, t in -8000i32..21000, f in filter_strategy()) {
        let api = api(n, seed);
        let evs = api.all_events();
        let next = api.step_day(t, false, &f).map(|e| e.lo);
        let want_next = evs.iter().filter(|e| e.lo > t && matches(e, &f)).map(|e| e.lo).min();
        prop_assert_eq!(next, want_next);
        let prev = api.step_day(t, true, &f).map(|e| e.lo);
        let want_prev = evs.iter().filter(|e| e.lo < t && matches(e, &f)).map(|e| e.lo).max();
        prop_assert_eq!(prev, want_prev);
    }
}

#[test]
fn bad_requests_are_errors_not_panics() {
    let api = api(50, 1);
    use faultlines_core::ErrorCode::*;
    let f = Filter::default();
    assert_eq!(api.state_at("2022-02-30").unwrap_err().code, BadDate);
    assert_eq!(
        api.events_in("2022", "2021", &f, 0, 10).unwrap_err().code,
        RangeInverted
    );
    assert_eq!(
        api.events_in("2021", "2022", &f, 0, 0).unwrap_err().code,
        TooLarge
    );
    assert_eq!(
        api.histogram("2021", "2022", 0, &f).unwrap_err().code,
        BadRequest
    );
    assert_eq!(
        api.histogram("2021", "2022", 100_000, &f).unwrap_err().code,
        BadRequest
    );
    let unknown = Filter {
        region: Some("ATLANTIS".into()),
        ..Default::default()
    };
    assert_eq!(
        api.histogram("2021", "2022", 10, &unknown)
            .unwrap_err()
            .code,
        UnknownRegion
    );
    assert_eq!(api.search(&"x".repeat(500), 10).unwrap_err().code, TooLarge);
    assert_eq!(api.excerpt("nope").unwrap_err().code, UnknownExcerpt);
}
