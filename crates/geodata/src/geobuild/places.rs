//! Places: capitals in the frame, every city the story names, and the hand
//! additions of `names.json`; each filed under the country its point lies in.

use std::collections::HashSet;
use std::path::Path;

use super::names::Names;
use super::sources::Place;
use super::{feature, Out};
use crate::error::GeodataError;
use crate::raw_layers::read_features;
use crate::validate_places::{distance_km, BORDER_MARGIN_KM};
use faultlines_core::model::{Geometry, RegionKind};

/// The places, and one report line per town filed under another country
/// than Natural Earth's.
pub fn places(
    src: &Path,
    names: &Names,
    countries: &[Out],
    problems: &mut Vec<String>,
) -> Result<(Vec<Out>, Vec<String>), GeodataError> {
    let mut out = Vec::new();
    let mut moved = Vec::new();
    let mut seen = HashSet::new();
    for p in read_features::<Place>(src, "places")? {
        let en = if p.name_en.is_empty() {
            &p.name
        } else {
            &p.name_en
        };
        let named = names
            .cities
            .iter()
            .any(|c| c == en || *c == p.name || *c == p.name_ascii);
        let capital = p.featurecla == "Admin-0 capital";
        if !(named || capital) {
            continue;
        }
        let en = match en.as_str() {
            "Kiev" => "Kyiv",
            "Samarqand" => "Samarkand",
            "Chisinau" | "Chișinău" => "Chișinău",
            x => x,
        };
        let id = city_id(en);
        if !seen.insert(id.clone()) {
            continue;
        }
        let fix = names.place_positions.get(en);
        let g = fix.map_or(p.geometry.clone(), |f| Geometry::Point(f.lonlat));
        // Natural Earth's adm0 field stands where its own borders agree, up
        // to the border margin (the Vatican, Nicosia by the buffer zone);
        // a town further inside another country is filed under that one, and
        // a reviewed fix in names.json decides over both.
        let ne = p.adm0_a3.as_str();
        let country = match (fix, country_of(&g, countries)) {
            (Some(f), _) => f.country.clone(),
            (None, Some(c)) if c != ne && !within_margin(&g, ne, countries) => {
                moved.push(format!("| {en} | {ne} | {c} |"));
                c.to_string()
            }
            _ => ne.to_string(),
        };
        let ru = if p.name_ru.is_empty() { en } else { &p.name_ru };
        let kind = if capital { "capital" } else { "city" };
        let mut o = feature(
            &id,
            RegionKind::Place,
            (en, ru),
            Some(&country),
            "places",
            kind,
            g,
        );
        o.feature.rank = if capital { 0 } else { 1 };
        out.push(o);
    }
    for x in &names.extra_places {
        let g = Geometry::Point(x.lonlat);
        let mut o = feature(
            &x.id,
            RegionKind::Place,
            (&x.en, &x.ru),
            Some(&x.country),
            "places",
            "city",
            g,
        );
        o.feature.rank = 1;
        out.push(o);
    }
    for c in &names.cities {
        let id = city_id(c);
        let found = |o: &Out| {
            o.feature.id == id
                || o.region.as_ref().is_some_and(|r| {
                    r.name_en == *c
                        || (c == "Kiev" && r.name_en == "Kyiv")
                        || (c == "Chisinau" && r.name_en == "Chișinău")
                })
        };
        if !out.iter().any(found) {
            problems.push(format!("names.json: city {c} is not in places"));
        }
    }
    tell_apart_from_countries(&mut out, countries);
    Ok((out, moved))
}

fn city_id(name: &str) -> String {
    format!("city-{}", faultlines_core::search::words(name).join("-"))
}

/// A city named like a country ("San Marino") is told apart in its name.
fn tell_apart_from_countries(places: &mut [Out], countries: &[Out]) {
    let names: HashSet<&str> = countries
        .iter()
        .filter_map(|o| o.region.as_ref().map(|r| r.name_en.as_str()))
        .collect();
    for r in places.iter_mut().filter_map(|o| o.region.as_mut()) {
        if names.contains(r.name_en.as_str()) {
            r.name_en += " (city)";
        }
    }
}

/// The country whose shape (in the countries layer) holds a point.
fn country_of<'a>(g: &Geometry, countries: &'a [Out]) -> Option<&'a str> {
    let Geometry::Point(p) = g else {
        return None;
    };
    countries
        .iter()
        .find(|o| distance_km(*p, &o.feature.geometry) == 0.0)
        .map(|o| o.feature.id.as_str())
}

/// Whether a point is in country `c`'s shape or within the border margin of
/// it (or `c` has no shape in the layer).
fn within_margin(g: &Geometry, c: &str, countries: &[Out]) -> bool {
    let Geometry::Point(p) = g else {
        return false;
    };
    let mut shapes = countries.iter().filter(|o| o.feature.id == c).peekable();
    // A country too small for the layer (the Vatican) has nothing to disagree with.
    shapes.peek().is_none()
        || shapes.any(|o| distance_km(*p, &o.feature.geometry) <= BORDER_MARGIN_KM)
}
