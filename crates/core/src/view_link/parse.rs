//! Reading a link, field by field; each bad part becomes an [`Ignored`].

use super::query::decode_component;
use super::{
    Ignored, IgnoredWhy, LinkChecks, ViewLink, LINK_HOST, LINK_SCHEME, MAX_LINK, MAX_LINK_ZOOM,
};
use crate::date::{Date, DayNum};
use crate::model::EventKind;

/// At most this many characters of a value are repeated in an [`Ignored`].
const SHOWN: usize = 80;

fn ignored(key: &str, value: &str, why: IgnoredWhy) -> Ignored {
    Ignored {
        key: key.chars().take(SHOWN).collect(),
        value: value.chars().take(SHOWN).collect(),
        why,
    }
}

/// The query part of a link, or why the text is no view link.
fn query_of(text: &str) -> Result<&str, IgnoredWhy> {
    if text.len() > MAX_LINK {
        return Err(IgnoredWhy::TooLong);
    }
    let scheme = LINK_SCHEME.len();
    if text.len() > scheme
        && text.is_char_boundary(scheme + 1)
        && text[..scheme + 1].eq_ignore_ascii_case(&format!("{LINK_SCHEME}:"))
    {
        let rest = text[scheme + 1..].trim_start_matches('/');
        let (host, tail) = rest.split_at(rest.find(['?', '#']).unwrap_or(rest.len()));
        if !host.trim_end_matches('/').eq_ignore_ascii_case(LINK_HOST) {
            return Err(IgnoredWhy::Junk);
        }
        let query = tail.get(1..).unwrap_or_default();
        // A fragment after the query is not part of the view.
        return Ok(match tail.starts_with('?') {
            true => query.split('#').next().unwrap_or_default(),
            false => query,
        });
    }
    if let Some((_, fragment)) = text.split_once('#') {
        return Ok(fragment);
    }
    if let Some(query) = text.strip_prefix('?') {
        return Ok(query);
    }
    if text.contains("://") {
        return Err(IgnoredWhy::Junk);
    }
    Ok(text)
}

pub(super) fn parse(text: &str, checks: &impl LinkChecks) -> (ViewLink, Vec<Ignored>) {
    let text = text.trim();
    let mut view = ViewLink::default();
    let mut out = Vec::new();
    let query = match query_of(text) {
        Ok(q) => q,
        Err(why) => return (view, vec![ignored("", text, why)]),
    };
    let mut seen: Vec<String> = Vec::new();
    // A window's ends as given and as days: read alone, judged together.
    let mut from: Option<(String, DayNum)> = None;
    let mut to: Option<(String, DayNum)> = None;
    for piece in query.split('&').filter(|p| !p.is_empty()) {
        let Some((k, v)) = piece.split_once('=') else {
            out.push(ignored("", piece, IgnoredWhy::Junk));
            continue;
        };
        let (Some(key), Some(value)) = (decode_component(k), decode_component(v)) else {
            out.push(ignored("", piece, IgnoredWhy::Junk));
            continue;
        };
        if seen.contains(&key) {
            out.push(ignored(&key, &value, IgnoredWhy::Repeated));
            continue;
        }
        seen.push(key.clone());
        let result = match key.as_str() {
            "at" => day(&value, false).map(|d| view.at = Some(d)),
            "from" => day(&value, false).map(|d| from = Some((value.clone(), d))),
            "to" => day(&value, true).map(|d| to = Some((value.clone(), d))),
            "region" => known(checks.has_region(&value), IgnoredWhy::UnknownRegion)
                .map(|()| view.region = Some(value.clone())),
            "excerpt" => known(checks.has_excerpt(&value), IgnoredWhy::UnknownExcerpt)
                .map(|()| view.excerpt = Some(value.clone())),
            "actor" if value.is_empty() => Ok(()),
            "actor" => known(
                checks.has_organization(&value),
                IgnoredWhy::UnknownOrganization,
            )
            .map(|()| view.actor = Some(value.clone())),
            "org" => known(
                value.is_empty() || checks.has_organization(&value),
                IgnoredWhy::UnknownOrganization,
            )
            .map(|()| view.org = Some(value.clone())),
            "zoom" => zoom(&value).map(|z| view.zoom = Some(z)),
            "center" => center(&value).map(|c| view.center = Some(c)),
            "kinds" => {
                view.kinds = kinds(&value, &mut out);
                Ok(())
            }
            _ => Err(IgnoredWhy::UnknownKey),
        };
        if let Err(why) = result {
            out.push(ignored(&key, &value, why));
        }
    }
    match (from, to) {
        (Some((_, a)), Some((_, b))) if a <= b => view.window = Some([a, b]),
        (Some((fa, _)), Some((ta, _))) => {
            out.push(ignored("from", &fa, IgnoredWhy::RangeInverted));
            out.push(ignored("to", &ta, IgnoredWhy::RangeInverted));
        }
        (Some((v, _)), None) => out.push(ignored("from", &v, IgnoredWhy::Incomplete)),
        (None, Some((v, _))) => out.push(ignored("to", &v, IgnoredWhy::Incomplete)),
        (None, None) => {}
    }
    (view, out)
}

fn known(ok: bool, why: IgnoredWhy) -> Result<(), IgnoredWhy> {
    if ok {
        Ok(())
    } else {
        Err(why)
    }
}

/// A date's first day (its last for the end of a window).
fn day(value: &str, last: bool) -> Result<DayNum, IgnoredWhy> {
    let d: Date = value.parse().map_err(|_| IgnoredWhy::ImpossibleDate)?;
    Ok(if last {
        d.nominal_last()
    } else {
        d.nominal_first()
    })
}

fn number(value: &str) -> Result<f64, IgnoredWhy> {
    // Rust reads "inf" and "NaN" as numbers; a view has no use for them.
    match value.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(IgnoredWhy::BadNumber),
    }
}

fn zoom(value: &str) -> Result<f64, IgnoredWhy> {
    let z = number(value)?;
    if z > 0.0 && z <= MAX_LINK_ZOOM {
        Ok(z)
    } else {
        Err(IgnoredWhy::OutOfRange)
    }
}

fn center(value: &str) -> Result<[f64; 2], IgnoredWhy> {
    let (lon, lat) = value.split_once(',').ok_or(IgnoredWhy::BadNumber)?;
    let (lon, lat) = (number(lon)?, number(lat)?);
    if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) {
        Ok([lon, lat])
    } else {
        Err(IgnoredWhy::OutOfRange)
    }
}

/// The kinds named, in the core's order; an unknown one is named and left
/// out. A list of none but unknown kinds shows all, not none: `kinds=` alone
/// shows none.
fn kinds(value: &str, out: &mut Vec<Ignored>) -> Option<Vec<EventKind>> {
    if value.is_empty() {
        return Some(Vec::new());
    }
    let mut named = Vec::new();
    for k in value.split(',') {
        match EventKind::parse(k) {
            Some(kind) => named.push(kind),
            None => out.push(ignored("kinds", k, IgnoredWhy::UnknownKind)),
        }
    }
    let all: Vec<EventKind> = EventKind::ALL
        .into_iter()
        .filter(|k| named.contains(k))
        .collect();
    (!all.is_empty()).then_some(all)
}
