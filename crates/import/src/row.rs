//! One row on its way to being an event: the parts every format shares
//! (coordinates, WKT, sources, ids) read the same way, with messages that
//! name the field and say what to do.

use faultlines_core::model::{
    Event, EventEnd, EventKind, EventProps, Few, Geometry, LonLat, PlacePrecision, Sym,
};

use crate::columns::Field;
use crate::edtf::When;

/// An event as read from a row, before the core's checks.
#[derive(Debug, Clone)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub description: String,
    pub kind: EventKind,
    pub when: When,
    pub geometry: Geometry,
    pub sources: Vec<String>,
    pub places: Vec<String>,
    pub place_precision: Option<PlacePrecision>,
    /// A story's own event read back: its regions, actors, participants
    /// and notes are kept (its excerpt links are not: the text differs).
    pub own: Option<Box<EventProps>>,
}

impl Draft {
    pub fn into_event(self) -> Event {
        if let Some(mut own) = self.own {
            own.excerpts = Few::default();
            return Event::new(*own, self.geometry);
        }
        let props = EventProps {
            id: self.id.into(),
            title: self.title.into(),
            description: self.description.into(),
            kind: self.kind,
            start: self.when.start,
            end: self.when.end,
            places: Few::new(self.places),
            regions: Few::default(),
            actors: Few::default(),
            participants: Few::default(),
            absent: Few::default(),
            cancelled: None,
            excerpts: Few::default(),
            sources: self.sources.iter().map(|s| Sym::new(s)).collect(),
            discrepancies: Few::default(),
            place_precision: self.place_precision,
            i18n: None,
        };
        Event::new(props, self.geometry)
    }
}

/// A column or property's name, as the problem names it: the format's own
/// (`event_date`, `time_precision`) or the field's (`date`).
pub type Col = std::borrow::Cow<'static, str>;

/// A field's problem: which field, and what is wrong with it.
pub type FieldError = (Col, String);

impl Field {
    pub fn col(self) -> Col {
        Col::Borrowed(self.as_str())
    }
}

/// A number of degrees; a decimal comma (`41,7`, as European spreadsheets
/// write it) is read as a point.
fn degrees(field: Field, name: &str, text: &str) -> Result<f64, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err((field.col(), format!("no {name}")));
    }
    let fixed;
    let t = if t.contains(',') && !t.contains('.') && t.matches(',').count() == 1 {
        fixed = t.replace(',', ".");
        fixed.as_str()
    } else {
        t
    };
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err((
            field.col(),
            format!("{text:?} is not a finite number of degrees"),
        )),
        Err(_) => Err((field.col(), format!("{text:?} is not a number of degrees"))),
    }
}

/// A point from latitude and longitude text, checked for range; a latitude
/// beyond the poles that would be a fine longitude is probably a swap.
pub fn point(lat: &str, lon: &str) -> Result<LonLat, FieldError> {
    let y = degrees(Field::Lat, "latitude", lat)?;
    let x = degrees(Field::Lon, "longitude", lon)?;
    if !(-90.0..=90.0).contains(&y) {
        let hint = if (-90.0..=90.0).contains(&x) && (-180.0..=180.0).contains(&y) {
            ": are latitude and longitude swapped?"
        } else {
            ""
        };
        return Err((
            Field::Lat.col(),
            format!("latitude {y} is out of range (-90 to 90){hint}"),
        ));
    }
    if !(-180.0..=180.0).contains(&x) {
        return Err((
            Field::Lon.col(),
            format!("longitude {x} is out of range (-180 to 180)"),
        ));
    }
    Ok([x, y])
}

/// A coordinate problem named by the columns ACLED and UCDP use.
pub fn spelled_out((col, message): FieldError) -> FieldError {
    let col = match col.as_ref() {
        "lat" => "latitude".into(),
        "lon" => "longitude".into(),
        _ => col,
    };
    (col, message)
}

/// A geometry written as WKT (`POINT (44.5 40.2)`, `LINESTRING (…)`…).
pub fn wkt(text: &str) -> Result<Geometry, FieldError> {
    use std::str::FromStr;
    let t = text.trim();
    if t.is_empty() {
        return Err((Field::Wkt.col(), "no geometry".into()));
    }
    let parsed =
        wkt::Wkt::<f64>::from_str(t).map_err(|e| (Field::Wkt.col(), format!("not WKT: {e}")))?;
    let g: geo_types::Geometry<f64> = parsed
        .try_into()
        .map_err(|e| (Field::Wkt.col(), format!("cannot use this WKT: {e}")))?;
    from_geo(g).map_err(|m| (Field::Wkt.col(), m))
}

fn ring(l: &geo_types::LineString<f64>) -> Vec<LonLat> {
    l.0.iter().map(|c| [c.x, c.y]).collect()
}

fn poly(p: &geo_types::Polygon<f64>) -> Vec<Vec<LonLat>> {
    std::iter::once(p.exterior())
        .chain(p.interiors())
        .map(ring)
        .collect()
}

fn from_geo(g: geo_types::Geometry<f64>) -> Result<Geometry, String> {
    use geo_types::Geometry as G;
    Ok(match g {
        G::Point(p) => Geometry::Point([p.x(), p.y()]),
        G::MultiPoint(m) => Geometry::MultiPoint(m.0.iter().map(|p| [p.x(), p.y()]).collect()),
        G::LineString(l) => Geometry::LineString(ring(&l)),
        G::MultiLineString(m) => Geometry::MultiLineString(m.0.iter().map(ring).collect()),
        G::Polygon(p) => Geometry::Polygon(poly(&p)),
        G::MultiPolygon(m) => Geometry::MultiPolygon(m.0.iter().map(poly).collect()),
        G::Line(l) => Geometry::LineString(vec![[l.start.x, l.start.y], [l.end.x, l.end.y]]),
        G::Rect(r) => Geometry::Polygon(poly(&r.to_polygon())),
        G::Triangle(t) => Geometry::Polygon(poly(&t.to_polygon())),
        G::GeometryCollection(_) => {
            return Err(
                "a GEOMETRYCOLLECTION cannot be an event's place; use one MULTI… geometry".into(),
            )
        }
    })
}

/// Sources as given (`Reuters; AFP`), split on `;` or `|`; when a row
/// names none, the file and line it came from, so every event can be
/// traced back to where it was read.
pub fn sources(text: Option<&str>, file: &str, line: u64) -> Vec<String> {
    let given: Vec<String> = text
        .unwrap_or_default()
        .split([';', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if given.is_empty() {
        vec![format!("{file}, line {line}")]
    } else {
        given
    }
}

/// An id for a row that has none: the file's stem and the line, stable
/// across imports of the same file.
pub fn line_id(file: &str, line: u64) -> String {
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("row");
    format!("{stem}-{line}")
}

/// A kind from a word: the core's own kinds, or a few common event types.
pub fn kind_of(text: &str) -> EventKind {
    let t = text.trim().to_lowercase();
    if let Some(k) = EventKind::parse(&t) {
        return k;
    }
    let has = |w: &[&str]| w.iter().any(|w| t.contains(w));
    if has(&[
        "battle",
        "violence",
        "explosion",
        "attack",
        "clash",
        "fight",
        "war",
        "shell",
        "strike",
        "armed",
    ]) {
        EventKind::Conflict
    } else if has(&["protest", "riot", "demonstrat"]) {
        EventKind::Statement
    } else if has(&["meeting", "summit", "visit"]) {
        EventKind::Summit
    } else if has(&["agreement", "treaty", "accord", "ceasefire"]) {
        EventKind::Treaty
    } else {
        EventKind::Other
    }
}

/// When a row gives no end: a one-off.
pub fn instant(start: faultlines_core::Date) -> When {
    When {
        start,
        end: EventEnd::Instant,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_out_of_range_or_not_numbers_are_named() {
        assert_eq!(point("40.18", "44.51").unwrap(), [44.51, 40.18]);
        assert_eq!(point("40,18", "44,51").unwrap(), [44.51, 40.18]);
        assert!(point("NaN", "44")
            .unwrap_err()
            .1
            .contains("not a finite number"));
        assert!(point("", "44").unwrap_err().1.contains("no latitude"));
        assert!(point("north", "44").unwrap_err().1.contains("not a number"));
        assert!(point("40", "200")
            .unwrap_err()
            .1
            .contains("longitude 200 is out of range"));
        let swapped = point("120.5", "35.2").unwrap_err();
        assert_eq!(swapped.0, "lat");
        assert!(swapped.1.contains("swapped"));
    }

    #[test]
    fn wkt_points_lines_and_polygons_become_geometries() {
        assert_eq!(
            wkt("POINT (44.5 40.2)").unwrap(),
            Geometry::Point([44.5, 40.2])
        );
        assert!(
            matches!(wkt("LINESTRING (1 2, 3 4)").unwrap(), Geometry::LineString(v) if v.len() == 2)
        );
        assert!(matches!(
            wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))").unwrap(),
            Geometry::Polygon(_)
        ));
        assert!(wkt("POINT (1").unwrap_err().1.contains("not WKT"));
        assert!(wkt("GEOMETRYCOLLECTION (POINT (1 2))")
            .unwrap_err()
            .1
            .contains("MULTI"));
    }

    #[test]
    fn a_row_without_sources_cites_its_file_and_line() {
        assert_eq!(
            sources(Some("Reuters; AFP |"), "a.csv", 3),
            ["Reuters", "AFP"]
        );
        assert_eq!(sources(None, "a.csv", 3), ["a.csv, line 3"]);
        assert_eq!(line_id("data/acled.csv", 12), "acled-12");
    }

    #[test]
    fn event_types_are_read_as_the_nearest_kind() {
        assert_eq!(kind_of("Battles"), EventKind::Conflict);
        assert_eq!(kind_of("Protests"), EventKind::Statement);
        assert_eq!(kind_of("summit"), EventKind::Summit);
        assert_eq!(kind_of("Strategic developments"), EventKind::Other);
    }
}
