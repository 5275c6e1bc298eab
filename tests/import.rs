//! Importing the reader's own data, end to end: small ACLED and UCDP files
//! and a Markdown text go through `faultlines_import::import` into a story
//! folder, which then loads like any story and answers through the API with
//! the source ids, the precisions the files gave and the regions the points
//! lie in, and passes every check `faultlines check` runs.

use std::path::{Path, PathBuf};

use faultlines_core::model::{EventEnd, PlacePrecision};
use faultlines_core::{Api, Dataset, Precision};
use faultlines_import::{import, ImportError, Options};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import")
        .join(name)
}

fn with_text() -> Options {
    Options {
        text: Some(sample("article-sample.md")),
        ..Options::default()
    }
}

#[test]
fn acled_and_ucdp_rows_become_events_with_their_ids_precisions_and_regions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("story");
    let report = import(
        &[sample("acled-sample.csv"), sample("ucdp-sample.csv")],
        &out,
        &with_text(),
        &|_| true,
    )
    .unwrap();
    assert_eq!((report.events, report.rejected), (8, 4));
    assert!(
        report.warnings.is_empty(),
        "points on land raise no swap warning: {:?}",
        report.warnings
    );
    let lines: Vec<String> = report
        .problems
        .iter()
        .map(|p| format!("{}:{}", p.file, p.line))
        .collect();
    assert_eq!(
        lines,
        [
            "acled-sample.csv:6",
            "acled-sample.csv:7",
            "acled-sample.csv:8",
            "ucdp-sample.csv:6"
        ]
    );

    let ds = Dataset::from_dir(&out).unwrap();
    assert!(
        faultlines_geodata::check::layers(&ds).is_empty(),
        "the story passes `faultlines check`"
    );
    let api = Api::new(ds);
    let ev = |id: &str| api.event(id).unwrap();
    // ACLED: time_precision 1 the day, 2 about the day (the week), 3 the month.
    assert_eq!(ev("KGZ1001").props.start.to_string(), "2022-09-14");
    let week = ev("TJK2002").props.start;
    assert!(week.is_approx() && week.precision() == Precision::Day);
    assert_eq!(ev("KAZ3003").props.start.precision(), Precision::Month);
    assert_eq!(
        ev("KAZ3004").props.start.to_string(),
        "2022-01-05",
        "written-out dates are read"
    );
    assert_eq!(
        ev("KAZ3004")
            .props
            .sources
            .iter()
            .map(|s| s.as_str().to_string())
            .collect::<Vec<_>>(),
        ["acled-sample.csv, line 5"]
    );
    assert_eq!(
        ev("KGZ1001").props.place_precision,
        Some(PlacePrecision::Exact)
    );
    // UCDP: date_prec 3 about the days from date_start to date_end, 4 the month, 5 the year.
    let e2 = ev("900002");
    assert!(e2.props.start.is_approx());
    assert!(matches!(e2.props.end, EventEnd::At(d) if d.to_string() == "~2022-09-18"));
    assert_eq!(ev("900003").props.start.to_string(), "2022-09");
    assert_eq!(ev("900004").props.start.to_string(), "2021");
    assert_eq!(
        ev("900004").props.place_precision,
        Some(PlacePrecision::Country)
    );
    assert_eq!(
        ev("900002").props.place_precision,
        Some(PlacePrecision::Near)
    );
    // The points' regions are listed, so a click on a country finds its events.
    assert!(ev("KGZ1001")
        .props
        .regions
        .iter()
        .any(|r| r.as_str() == "KGZ"));
    assert!(ev("900002")
        .props
        .regions
        .iter()
        .any(|r| r.as_str() == "TJK"));
    let kgz = api.excerpts_for_region("KGZ").unwrap();
    assert!(kgz
        .excerpts
        .iter()
        .any(|x| x.excerpt.text.starts_with("Fighting broke out")));
    assert!(
        kgz.excerpts
            .iter()
            .any(|x| x.excerpt.text.starts_with("Bishkek and Dushanbe")),
        "capitals link to their countries"
    );
}

#[test]
fn strict_refuses_every_row_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("story");
    let opts = Options {
        strict: true,
        ..Options::default()
    };
    let err = import(&[sample("acled-sample.csv")], &out, &opts, &|_| true).unwrap_err();
    assert!(
        matches!(&err, ImportError::Strict { problems } if problems.len() == 3),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn a_failed_or_cancelled_import_leaves_the_story_it_would_replace_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("story");
    import(
        &[sample("ucdp-sample.csv")],
        &out,
        &Options::default(),
        &|_| true,
    )
    .unwrap();
    let before = std::fs::read(out.join("story/events.arrow")).unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, b"PK\x03\x04zip").unwrap();
    assert!(import(&[bad], &out, &Options::default(), &|_| true)
        .unwrap_err()
        .to_string()
        .contains("zip"));
    let cancelled = import(
        &[sample("acled-sample.csv")],
        &out,
        &Options::default(),
        &|_| false,
    )
    .unwrap_err();
    assert!(matches!(cancelled, ImportError::Cancelled));
    assert_eq!(
        std::fs::read(out.join("story/events.arrow")).unwrap(),
        before
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left.len(),
        2,
        "no half-written folder is left beside it: {left:?}"
    );
    // A successful import replaces it whole.
    import(
        &[sample("acled-sample.csv")],
        &out,
        &Options::default(),
        &|_| true,
    )
    .unwrap();
    assert!(Dataset::from_dir(&out)
        .unwrap()
        .events
        .to_vec()
        .iter()
        .any(|e| &*e.props.id == "KGZ1001"));
}

#[test]
fn points_that_fall_in_the_sea_but_on_land_swapped_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("swapped.csv");
    // Central Asian towns (Almaty, Bishkek, Karaganda, Osh, Taraz, Kashgar,
    // Andijan, Namangan) with their columns the wrong way round: swapped,
    // they fall in the Barents and Kara seas.
    let towns = [
        (43.24, 76.89),
        (42.87, 74.59),
        (49.8, 73.1),
        (40.53, 72.8),
        (42.9, 71.37),
        (39.47, 75.99),
        (40.78, 72.34),
        (41.0, 71.67),
    ];
    let mut text = String::from("id,date,lat,lon,source\n");
    for (i, (lat, lon)) in towns.iter().enumerate() {
        text.push_str(&format!(
            "t{i},2022-01-0{},{lon},{lat},https://example.org\n",
            i + 1
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let report = import(
        &[csv],
        &dir.path().join("out"),
        &Options::default(),
        &|_| true,
    )
    .unwrap();
    assert!(
        report.warnings.iter().any(|w| w.code == "swapped"
            && w.message.contains("swapped")
            && w.details["sea"].as_u64() > Some(50)),
        "{:?}",
        report.warnings
    );
}

#[test]
fn the_shipped_storys_own_events_read_back_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let events = Path::new(env!("CARGO_MANIFEST_DIR")).join("geodata/story/events.geojson");
    let report = import(
        &[events],
        &dir.path().join("out"),
        &Options::default(),
        &|_| true,
    )
    .unwrap();
    let shipped = Dataset::embedded().unwrap();
    assert_eq!(
        (report.events as usize, report.rejected),
        (shipped.events.len(), 0)
    );
    let ds = Dataset::from_dir(&dir.path().join("out")).unwrap();
    for (a, b) in shipped.events.to_vec().iter().zip(&ds.events.to_vec()) {
        assert_eq!(
            (
                &a.props.id,
                &a.props.start,
                &a.props.end,
                &a.geometry,
                &a.props.regions
            ),
            (
                &b.props.id,
                &b.props.start,
                &b.props.end,
                &b.geometry,
                &b.props.regions
            )
        );
    }
}
