//! Reports for auditing a dataset by eye: the event table and the links of
//! every paragraph of the article, both generated from the data.

use std::fmt::Write as _;

use faultlines_core::dataset::Dataset;
use faultlines_core::date::{Date, Precision};
use faultlines_core::link::Gazetteer;
use faultlines_core::model::EventEnd;
use faultlines_core::relevance::LinkReason;

fn precision(d: &Date) -> String {
    let p = match d.precision() {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    };
    if d.is_approx() {
        format!("{p}, approx.")
    } else {
        p.to_string()
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// How an event's marked points stand against the regions it lists: the
/// areas holding them ("ok: ARM, AZE"), the points no listed region holds,
/// or "off the map".
fn places_cell(
    places: &crate::validate_places::Places,
    e: &faultlines_core::model::Event,
) -> String {
    let checks = places.check_event(e);
    let wrong: Vec<String> = checks
        .iter()
        .filter(|c| !c.listed && !c.within.is_empty())
        .map(|c| {
            format!(
                "[{}, {}] in {}, not listed",
                c.at[0],
                c.at[1],
                c.within.join("/")
            )
        })
        .collect();
    if !wrong.is_empty() {
        return format!("✗ {}", wrong.join("; "));
    }
    let mut held: Vec<&str> = checks
        .iter()
        .flat_map(|c| c.within.iter().map(String::as_str))
        .filter(|r| e.props.regions.iter().any(|x| x == r))
        .collect();
    held.sort_unstable();
    held.dedup();
    match (checks.iter().all(|c| c.within.is_empty()), held.is_empty()) {
        (true, _) => "off the map".into(),
        (false, true) => "ok (through a union)".into(),
        (false, false) => format!("ok: {}", held.join(", ")),
    }
}

/// Markdown table of every event in time order.
pub fn audit_table(ds: &Dataset) -> String {
    let shapes = crate::check::detail_shapes(ds);
    let places = crate::validate_places::Places::new(&ds.regions, &shapes);
    let mut out = String::from("| id | start | end | precision | kind | title | places | points in regions | sources | notes |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for e in &ds.events.to_vec() {
        let p = &e.props;
        let end = match p.end {
            EventEnd::Instant => "—".to_string(),
            EventEnd::At(d) => d.to_string(),
            EventEnd::Open => "open".to_string(),
        };
        let prec = match p.end {
            EventEnd::At(d) => format!("{} → {}", precision(&p.start), precision(&d)),
            _ => precision(&p.start),
        };
        let sources: Vec<String> = p
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| format!("[{}]({})", i + 1, s))
            .collect();
        let notes = if p.discrepancies.is_empty() {
            String::new()
        } else {
            format!("{} note(s)", p.discrepancies.len())
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            p.id,
            p.start,
            end,
            prec,
            p.kind.as_str(),
            cell(&p.title),
            cell(&p.places.join("; ")),
            cell(&places_cell(&places, e)),
            sources.join(" "),
            notes
        )
        .unwrap();
    }
    out
}

/// `  - label: a, b` when `items` is not empty.
fn list_line(out: &mut String, label: &str, items: &[&String]) {
    if !items.is_empty() {
        let list: Vec<&str> = items.iter().map(|s| s.as_str()).collect();
        writeln!(out, "  - {label}: {}", list.join(", ")).unwrap();
    }
}

/// For each paragraph of the article, each excerpt's names found, and the final links.
pub fn links_report(ds: &Dataset) -> String {
    let gaz = Gazetteer::new(&ds.gazetteer, &ds.regions);
    let mut out = String::new();
    let mut offset = 0usize; // in characters
    let mut n = 0;
    for para in ds.article.split('\n') {
        let len = para.chars().count();
        let (start, end) = (offset, offset + len);
        offset = end + 1;
        let xs: Vec<_> = ds
            .excerpts
            .iter()
            .filter(|x| x.start >= start && x.end <= end)
            .collect();
        if xs.is_empty() {
            continue;
        }
        n += 1;
        writeln!(out, "## Paragraph {n}").unwrap();
        for x in xs {
            let mentions = gaz.mentions(&x.text);
            let found: std::collections::BTreeSet<String> = mentions
                .iter()
                .flat_map(|m| m.regions.iter().cloned())
                .collect();
            let names: Vec<String> = mentions
                .iter()
                .map(|m| format!("{} → {}", m.name, m.regions.join(",")))
                .collect();
            let removed: Vec<&String> = found
                .iter()
                .filter(|r| !x.regions().any(|l| l == r.as_str()))
                .collect();
            writeln!(
                out,
                "- {}{}: {}",
                x.id,
                if x.general { " (general)" } else { "" },
                x.text
            )
            .unwrap();
            writeln!(
                out,
                "  - names: {}",
                if names.is_empty() {
                    "none".into()
                } else {
                    names.join("; ")
                }
            )
            .unwrap();
            let by = |reason: LinkReason| -> Vec<String> {
                x.links
                    .iter()
                    .filter(|l| l.reason == reason)
                    .map(|l| match &l.via {
                        Some(v) => format!("{} (via {v})", l.region),
                        None if reason == LinkReason::Group => {
                            format!("{} (via {})", l.region, l.names.join(", "))
                        }
                        None => l.region.clone(),
                    })
                    .collect()
            };
            for (label, reason) in [
                ("added by hand", LinkReason::Curated),
                ("through a historical state", LinkReason::Through),
                ("through a group", LinkReason::Group),
            ] {
                let items = by(reason);
                list_line(&mut out, label, &items.iter().collect::<Vec<_>>());
            }
            list_line(&mut out, "removed by hand", &removed);
            writeln!(
                out,
                "  - links: {}",
                if x.links.is_empty() {
                    "none".into()
                } else {
                    x.regions().collect::<Vec<_>>().join(", ")
                }
            )
            .unwrap();
            for note in &x.notes {
                writeln!(
                    out,
                    "  - note ({:?}) on “{}”: {}",
                    note.kind, note.quote, note.note
                )
                .unwrap();
            }
        }
    }
    out
}
