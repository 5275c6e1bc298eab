//! Cross-checks of a parsed dataset: every id resolves, dates are ordered,
//! geometry is plausible, excerpts are verbatim, every event and discrepancy
//! cites a source. Each problem names its file and record.

use std::collections::HashSet;

use crate::dataset::{Dataset, Excerpt, MembershipsFile, Origin, Problem, RawDataset};
use crate::link::Gazetteer;
use crate::model::*;
use crate::table::{EventFields, EventTable};

struct P<'a>(&'a mut Vec<Problem>);

impl P<'_> {
    fn add(&mut self, file: &str, id: &str, message: impl Into<String>) {
        self.0.push(Problem {
            file: file.into(),
            id: (!id.is_empty()).then(|| id.to_string()),
            message: message.into(),
        });
    }
}

const EVENTS: &str = "story/events.geojson";
const EXCERPTS: &str = "story/excerpts.json";
const DISPUTES: &str = "story/disputes.geojson";
const MEMBERSHIPS: &str = "story/memberships.json";
const GAZETTEER: &str = "story/gazetteer.json";
const REGIONS: &str = "map/regions.json";

fn is_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > 10
        && !s.contains(char::is_whitespace)
}

fn check_geometry(p: &mut P, file: &str, id: &str, g: &Geometry) {
    let mut n = 0;
    for [lon, lat] in g.coords() {
        n += 1;
        if !(lon.is_finite()
            && lat.is_finite()
            && (-180.0..=180.0).contains(lon)
            && (-90.0..=90.0).contains(lat))
        {
            p.add(
                file,
                id,
                format!("coordinate [{lon}, {lat}] is out of range"),
            );
            return;
        }
    }
    if n == 0 {
        p.add(file, id, "geometry has no coordinates");
    }
    match g {
        Geometry::LineString(v) if v.len() < 2 => {
            p.add(file, id, "a LineString needs at least two points")
        }
        Geometry::MultiLineString(ls) if ls.iter().any(|l| l.len() < 2) => p.add(
            file,
            id,
            "each line of a MultiLineString needs at least two points",
        ),
        Geometry::Polygon(rings) => crate::geo::check_rings(rings)
            .into_iter()
            .for_each(|m| p.add(file, id, m.to_string())),
        Geometry::MultiPolygon(polys) => polys
            .iter()
            .flat_map(|r| crate::geo::check_rings(r))
            .for_each(|m| p.add(file, id, m.to_string())),
        _ => {}
    }
}

fn check_sources<S: AsRef<str>>(p: &mut P, file: &str, id: &str, sources: &[S], what: &str) {
    if sources.is_empty() {
        p.add(file, id, format!("{what} has no source"));
    }
    for s in sources {
        let s = s.as_ref();
        if !is_url(s) {
            p.add(file, id, format!("source {s:?} is not an http(s) URL"));
        }
    }
}

/// An imported row's sources: URLs or citations, each non-empty.
fn check_citations<S: AsRef<str>>(p: &mut P, file: &str, id: &str, sources: &[S], what: &str) {
    if sources.is_empty() {
        p.add(file, id, format!("{what} has no source"));
    }
    if sources.iter().any(|s| s.as_ref().trim().is_empty()) {
        p.add(file, id, format!("{what} has an empty source"));
    }
}

/// Words in other languages: each under a language the app knows, none
/// empty. `texts` gives a translation's fields by name.
fn check_i18n<T>(
    p: &mut P,
    file: &str,
    id: &str,
    what: &str,
    words: Option<&Translations<T>>,
    texts: impl Fn(&T) -> Vec<(&'static str, &str)>,
) {
    for (lang, w) in words.into_iter().flatten() {
        if !LANGUAGES.contains(&lang.as_str()) {
            p.add(
                file,
                id,
                format!(
                    "{what}: unknown language {lang:?} in i18n (known: {})",
                    LANGUAGES.join(", ")
                ),
            );
        }
        for (field, text) in texts(w) {
            if text.trim().is_empty() {
                p.add(
                    file,
                    id,
                    format!("{what}: the {field} in {lang:?} is empty"),
                );
            }
        }
    }
}

/// A note's words in other languages.
fn check_note_i18n(
    p: &mut P,
    file: &str,
    id: &str,
    what: &str,
    words: Option<&Translations<String>>,
) {
    check_i18n(p, file, id, what, words, |s| vec![("note", s.as_str())]);
}

fn check_discrepancies(p: &mut P, file: &str, id: &str, ds: &[Discrepancy]) {
    for d in ds {
        if d.note.trim().is_empty() {
            p.add(file, id, "a discrepancy note is empty");
        }
        check_sources(p, file, id, &d.sources, "a discrepancy note");
        check_note_i18n(p, file, id, "a discrepancy note", d.i18n.as_ref());
    }
}

/// A sentence's notes, each placed on the words it is about.
fn excerpt_notes(p: &mut P, x: &ExcerptSpec) -> Vec<crate::dataset::ExcerptNote> {
    let mut out = Vec::with_capacity(x.notes.len());
    for n in &x.notes {
        if n.note.trim().is_empty() {
            p.add(EXCERPTS, &x.id, "a note is empty");
        }
        check_note_i18n(p, EXCERPTS, &x.id, "a note", n.i18n.as_ref());
        // A typo's evidence is the text itself, and "no source was found"
        // may have none to give; a correction or an update must cite one.
        if matches!(n.kind, NoteKind::Correction | NoteKind::Update) || !n.sources.is_empty() {
            check_sources(p, EXCERPTS, &x.id, &n.sources, "a note");
        }
        let Some(b) = (!n.quote.is_empty())
            .then(|| x.text.find(&n.quote))
            .flatten()
        else {
            p.add(
                EXCERPTS,
                &x.id,
                format!("a note quotes {:?}, which is not in the sentence", n.quote),
            );
            continue;
        };
        let start_utf16 = x.text[..b].encode_utf16().count();
        out.push(crate::dataset::ExcerptNote {
            kind: n.kind,
            quote: n.quote.clone(),
            note: n.note.clone(),
            sources: n.sources.clone(),
            start_utf16,
            end_utf16: start_utf16 + n.quote.encode_utf16().count(),
            i18n: n.i18n.clone(),
        });
    }
    out.sort_by_key(|n| n.start_utf16);
    out
}

/// Validate and assemble. Problems are appended to `problems`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build(raw: RawDataset, origin: Origin) -> Result<Dataset, Vec<Problem>> {
    let mut problems = Vec::new();
    let ds = assemble(&mut problems, raw, origin);
    if problems.is_empty() {
        Ok(ds)
    } else {
        Err(problems)
    }
}

fn assemble(problems: &mut Vec<Problem>, raw: RawDataset, origin: Origin) -> Dataset {
    let RawDataset {
        meta,
        article,
        events,
        excerpts: excerpt_specs,
        disputes,
        memberships,
        gazetteer,
        regions,
        layers,
    } = raw;
    let mut p = P(problems);

    check_i18n(
        &mut p,
        "story/dataset.json",
        "",
        "the dataset",
        meta.i18n.as_ref(),
        |t| {
            vec![
                ("title", t.title.as_str()),
                ("description", t.description.as_str()),
                ("attribution", t.attribution.as_str()),
                ("linking note", t.linking_note.as_str()),
            ]
        },
    );
    let region_ids = check_regions(&mut p, &regions);
    let org_ids: HashSet<String> = memberships
        .organizations
        .iter()
        .map(|o| o.id.clone())
        .collect();

    check_gazetteer(&mut p, &gazetteer, &region_ids);
    let gaz = Gazetteer::new(&gazetteer, &regions);
    let heirs = crate::relevance::Heirs::new(&regions);

    let (excerpts, excerpt_ids) =
        excerpts_of(&mut p, excerpt_specs, &article, &gaz, &heirs, &region_ids);

    let citations = meta.import.is_some();
    let (out_events, by_id) = events_of(&mut p, events, &region_ids, &excerpt_ids, citations);
    let event_ids = |id: &str| by_id.find(&out_events, id).is_some();
    for x in &excerpts {
        for e in &x.events {
            if !event_ids(e) {
                p.add(EXCERPTS, &x.id, format!("unknown event {e:?}"));
            }
        }
    }

    let out_disputes = disputes_of(&mut p, disputes, &region_ids, &event_ids);

    check_memberships(&mut p, &memberships, &org_ids);

    // Geography through time.
    p.0.extend(crate::validate_time::versions(&regions));
    p.0.extend(crate::validate_time::references(
        &regions,
        &out_events,
        &by_id,
        &memberships.memberships,
        &excerpts,
    ));

    Dataset {
        meta,
        article,
        events: out_events,
        excerpts,
        disputes: out_disputes,
        organizations: memberships.organizations,
        memberships: memberships.memberships,
        regions,
        gazetteer,
        layers,
        origin,
        by_id,
    }
}

/// Region ids are unique and every region is named in both languages.
fn check_regions(p: &mut P, regions: &[Region]) -> HashSet<String> {
    let mut region_ids = HashSet::new();
    for r in regions {
        if r.id.trim().is_empty() {
            p.add(REGIONS, "", "a region has an empty id");
        } else if !region_ids.insert(r.id.clone()) {
            p.add(REGIONS, &r.id, "duplicate region id");
        }
        if r.name_en.trim().is_empty() || r.name_ru.trim().is_empty() {
            p.add(REGIONS, &r.id, "region needs English and Russian names");
        }
        check_geometry(p, REGIONS, &r.id, &Geometry::Point(r.anchor));
        for v in &r.versions {
            // A version's words in Russian stand for English ones, and say something.
            for (ru, en, what) in [
                (&v.change_ru, &v.change, "change_ru"),
                (&v.note_ru, &v.note, "note_ru"),
            ] {
                match (ru.as_deref(), en) {
                    (Some(t), _) if t.trim().is_empty() => p.add(
                        REGIONS,
                        &r.id,
                        format!(
                            "the version from {:?}: {what} is empty",
                            v.valid_from.map(|d| d.to_string())
                        ),
                    ),
                    (Some(_), None) => p.add(
                        REGIONS,
                        &r.id,
                        format!(
                            "the version from {:?}: {what} without the English text",
                            v.valid_from.map(|d| d.to_string())
                        ),
                    ),
                    _ => {}
                }
            }
        }
    }
    region_ids
}

/// Every gazetteer entry and group member is a region.
fn check_gazetteer(p: &mut P, gazetteer: &GazetteerSpec, region_ids: &HashSet<String>) {
    for (region, names) in &gazetteer.names {
        if !region_ids.contains(region) {
            p.add(GAZETTEER, region, "unknown region id");
        }
        if names.iter().any(|n| n.trim().is_empty()) {
            p.add(GAZETTEER, region, "empty name");
        }
    }
    for (group, members) in &gazetteer.groups {
        for m in members {
            if !region_ids.contains(m) {
                p.add(
                    GAZETTEER,
                    group,
                    format!("group member {m:?} is not a known region"),
                );
            }
        }
    }
}

/// Excerpts are verbatim spans of the article, each linked to a region or
/// marked general; with their ids.
fn excerpts_of(
    p: &mut P,
    excerpt_specs: Vec<ExcerptSpec>,
    article: &str,
    gaz: &Gazetteer,
    heirs: &crate::relevance::Heirs,
    region_ids: &HashSet<String>,
) -> (Vec<Excerpt>, HashSet<String>) {
    let chars: Vec<char> = article.chars().collect();
    let mut utf16_at = Vec::with_capacity(chars.len() + 1);
    let mut acc = 0;
    for ch in &chars {
        utf16_at.push(acc);
        acc += ch.len_utf16();
    }
    utf16_at.push(acc);

    let mut excerpt_ids = HashSet::new();
    let mut excerpts = Vec::with_capacity(excerpt_specs.len());
    for x in excerpt_specs {
        if !excerpt_ids.insert(x.id.clone()) {
            p.add(EXCERPTS, &x.id, "duplicate excerpt id");
        }
        if x.start >= x.end || x.end > chars.len() {
            p.add(
                EXCERPTS,
                &x.id,
                format!(
                    "offsets {}..{} are outside the article (0..{})",
                    x.start,
                    x.end,
                    chars.len()
                ),
            );
            continue;
        }
        let actual: String = chars[x.start..x.end].iter().collect();
        if actual != x.text {
            let hint = match article.find(&x.text) {
                Some(b) => format!(
                    "; the text occurs at offset {}",
                    article[..b].chars().count()
                ),
                None => "; the text does not occur in the article".into(),
            };
            p.add(
                EXCERPTS,
                &x.id,
                format!(
                    "text is not verbatim at {}..{}: the article has {:?}{hint}",
                    x.start, x.end, actual
                ),
            );
        }
        for r in x.add_regions.iter().chain(&x.remove_regions) {
            if !region_ids.contains(r) {
                p.add(EXCERPTS, &x.id, format!("unknown region {r:?}"));
            }
        }
        let links = crate::relevance::links(gaz, heirs, &x.text, &x.add_regions, &x.remove_regions);
        if links.is_empty() && !x.general {
            p.add(
                EXCERPTS,
                &x.id,
                "links to no region and is not marked general",
            );
        }
        let notes = excerpt_notes(p, &x);
        excerpts.push(Excerpt {
            id: x.id,
            start: x.start,
            end: x.end,
            start_utf16: utf16_at[x.start.min(chars.len())],
            end_utf16: utf16_at[x.end.min(chars.len())],
            text: x.text,
            events: x.events,
            links,
            general: x.general,
            notes,
        });
    }
    excerpts.sort_by_key(|x| (x.start, x.end));

    (excerpts, excerpt_ids)
}

/// What is wrong with one event on its own: its id, title, sources,
/// geometry, dates and references. `citations`: an imported story, whose
/// sources may be text ("Reuters; AFP") rather than URLs.
fn check_event<E: EventFields>(
    p: &mut P,
    e: &E,
    known_region: &dyn Fn(&str) -> bool,
    known_excerpt: &dyn Fn(&str) -> bool,
    citations: bool,
) {
    let geometry = e.geometry();
    let id: &str = e.id();
    if id.trim().is_empty() {
        p.add(EVENTS, "", "an event has an empty id");
    }
    if e.title().trim().is_empty() {
        p.add(EVENTS, id, "empty title");
    }
    if citations {
        check_citations(p, EVENTS, id, e.sources(), "event");
    } else {
        check_sources(p, EVENTS, id, e.sources(), "event");
    }
    check_discrepancies(p, EVENTS, id, e.discrepancies());
    check_i18n(p, EVENTS, id, "the event", e.i18n(), |t| {
        vec![
            ("title", t.title.as_str()),
            ("description", t.description.as_str()),
        ]
    });
    for a in e.absent() {
        check_note_i18n(p, EVENTS, id, "an absence note", a.i18n.as_ref());
    }
    check_geometry(p, EVENTS, id, &geometry);
    if matches!(e.kind(), EventKind::Deployment | EventKind::Withdrawal)
        && !matches!(
            *geometry,
            Geometry::LineString(_) | Geometry::MultiLineString(_)
        )
    {
        p.add(
            EVENTS,
            id,
            "a deployment or withdrawal needs a LineString from origin to destination (a MultiLineString when troops came from several places)",
        );
    }
    for r in e.regions() {
        if !known_region(r.as_str()) {
            p.add(EVENTS, id, format!("unknown region {r:?}"));
        }
    }
    for x in e.excerpts() {
        if !known_excerpt(x) {
            p.add(EVENTS, id, format!("unknown excerpt {x:?}"));
        }
    }
    if let EventEnd::At(end) = e.end() {
        if end.latest() < e.start().earliest() {
            p.add(
                EVENTS,
                id,
                format!("ends ({end}) before it starts ({})", e.start()),
            );
        }
    }
}

/// The problems of one event, as `faultlines check` would report them: the
/// import checks each row with this as it reads it, so a bad row is named by
/// its line and left out, instead of failing the whole story at the end.
pub fn event_problems(
    ev: &Event,
    known_region: &dyn Fn(&str) -> bool,
    citations: bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    check_event(
        &mut P(&mut problems),
        ev,
        known_region,
        &|_| false,
        citations,
    );
    problems.into_iter().map(|p| p.message).collect()
}

/// Events are titled, sourced, placed and dated in order, and refer to
/// known regions and excerpts; sorted by time, with their id order.
fn events_of(
    p: &mut P,
    events: EventTable,
    region_ids: &HashSet<String>,
    excerpt_ids: &HashSet<String>,
    citations: bool,
) -> (EventTable, IdOrder) {
    let events = events.sorted();
    // The checks of each event and the sort by id are independent: on two
    // cores a million events open in two thirds of the time.
    let (found, by_id) = std::thread::scope(|s| {
        let checks = s.spawn(|| {
            let mut found = Vec::new();
            for ev in events.rows() {
                check_event(
                    &mut P(&mut found),
                    &ev,
                    &|r| region_ids.contains(r),
                    &|x| excerpt_ids.contains(x),
                    citations,
                );
            }
            found
        });
        let by_id = IdOrder::new(&events);
        (checks.join(), by_id)
    });
    match found {
        Ok(found) => p.0.extend(found),
        Err(panic) => std::panic::resume_unwind(panic),
    }
    for id in by_id.duplicates(&events) {
        if !id.trim().is_empty() {
            p.add(EVENTS, id, "duplicate event id");
        }
    }
    (events, by_id)
}

/// Disputes have a sourced timeline in order and refer to known regions
/// and incidents.
fn disputes_of(
    p: &mut P,
    disputes: FeatureCollection<DisputeProps>,
    region_ids: &HashSet<String>,
    event_ids: &dyn Fn(&str) -> bool,
) -> Vec<Dispute> {
    let mut dispute_ids = HashSet::new();
    let mut out_disputes = Vec::new();
    for f in disputes.features {
        let d = f.properties;
        if !dispute_ids.insert(d.id.clone()) {
            p.add(DISPUTES, &d.id, "duplicate dispute id");
        }
        check_geometry(p, DISPUTES, &d.id, &f.geometry);
        for r in &d.regions {
            if !region_ids.contains(r) {
                p.add(DISPUTES, &d.id, format!("unknown region {r:?}"));
            }
        }
        for e in &d.incidents {
            if !event_ids(e) {
                p.add(DISPUTES, &d.id, format!("unknown incident event {e:?}"));
            }
        }
        if d.timeline.is_empty() {
            p.add(DISPUTES, &d.id, "the status timeline is empty");
        }
        for w in d.timeline.windows(2) {
            if w[1].from.nominal_first() < w[0].from.nominal_first() {
                p.add(
                    DISPUTES,
                    &d.id,
                    format!("timeline is not in order at {}", w[1].from),
                );
            }
        }
        check_i18n(p, DISPUTES, &d.id, "the dispute", d.i18n.as_ref(), |t| {
            vec![
                ("name", t.name.as_str()),
                ("description", t.description.as_str()),
            ]
        });
        for t in &d.timeline {
            let what = format!("status from {}", t.from);
            check_sources(p, DISPUTES, &d.id, &t.sources, &what);
            check_i18n(p, DISPUTES, &d.id, &what, t.i18n.as_ref(), |s| {
                vec![("status", s.as_str())]
            });
        }
        out_disputes.push(Dispute {
            props: d,
            geometry: f.geometry,
        });
    }

    out_disputes
}

/// Memberships name known organizations, and their periods are sourced,
/// ordered and do not overlap.
fn check_memberships(p: &mut P, memberships: &MembershipsFile, org_ids: &HashSet<String>) {
    let mut seen = HashSet::new();
    for o in &memberships.organizations {
        check_sources(p, MEMBERSHIPS, &o.id, &o.sources, "organization");
    }
    for m in &memberships.memberships {
        let id = format!("{}/{}", m.org, m.country);
        if !org_ids.contains(&m.org) {
            p.add(
                MEMBERSHIPS,
                &id,
                format!("unknown organization {:?}", m.org),
            );
        }
        if !seen.insert(id.clone()) {
            p.add(MEMBERSHIPS, &id, "duplicate membership");
        }
        for per in &m.periods {
            if let Some(to) = per.to {
                if to.latest() < per.from.earliest() {
                    p.add(
                        MEMBERSHIPS,
                        &id,
                        format!("period ends ({to}) before it starts ({})", per.from),
                    );
                }
            }
            check_sources(
                p,
                MEMBERSHIPS,
                &id,
                &per.sources,
                &format!("period from {}", per.from),
            );
            check_discrepancies(p, MEMBERSHIPS, &id, &per.discrepancies);
        }
        for w in m.periods.windows(2) {
            match w[0].to {
                None => p.add(
                    MEMBERSHIPS,
                    &id,
                    format!("an open period is followed by another from {}", w[1].from),
                ),
                Some(to) if to.nominal_first() > w[1].from.nominal_first() => p.add(
                    MEMBERSHIPS,
                    &id,
                    format!(
                        "periods overlap: one ends {to}, the next starts {}",
                        w[1].from
                    ),
                ),
                _ => {}
            }
        }
    }
}
