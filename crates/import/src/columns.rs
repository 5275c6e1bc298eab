//! Which column holds what: headers recognised by their usual names
//! (`date`, `event_date`, `start`; `lat`, `latitude`, `y`…), or named by the
//! user (`--column date=When`, or the app's column-mapping step) when a
//! file's headers are its own.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Id,
    Date,
    End,
    Lat,
    Lon,
    Wkt,
    Title,
    Kind,
    Description,
    Source,
    Place,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Id,
        Field::Date,
        Field::End,
        Field::Lat,
        Field::Lon,
        Field::Wkt,
        Field::Title,
        Field::Kind,
        Field::Description,
        Field::Source,
        Field::Place,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Date => "date",
            Field::End => "end",
            Field::Lat => "lat",
            Field::Lon => "lon",
            Field::Wkt => "wkt",
            Field::Title => "title",
            Field::Kind => "kind",
            Field::Description => "description",
            Field::Source => "source",
            Field::Place => "place",
        }
    }

    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Header names that mean this field, normalised (see [`normal`]).
    pub(crate) fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Id => &[
                "id",
                "event_id",
                "event_id_cnty",
                "uid",
                "fid",
                "identifier",
                "key",
            ],
            Field::Date => &[
                "date",
                "start",
                "start_date",
                "date_start",
                "event_date",
                "begin",
                "time",
                "when",
                "day",
                "datetime",
                "timestamp",
                "edtf",
            ],
            Field::End => &["end", "end_date", "date_end", "until", "finish", "stop"],
            Field::Lat => &["lat", "latitude", "y", "lat_dd", "decimallatitude"],
            Field::Lon => &[
                "lon",
                "lng",
                "long",
                "longitude",
                "x",
                "lon_dd",
                "decimallongitude",
            ],
            Field::Wkt => &[
                "wkt", "geometry", "geom", "the_geom", "wkt_geom", "shape", "geo",
            ],
            Field::Title => &[
                "title",
                "name",
                "event",
                "headline",
                "label",
                "summary",
                "dyad_name",
            ],
            Field::Kind => &["kind", "type", "event_type", "category", "class"],
            Field::Description => &[
                "description",
                "notes",
                "desc",
                "details",
                "text",
                "comment",
                "comments",
            ],
            Field::Source => &[
                "source",
                "sources",
                "url",
                "link",
                "source_url",
                "source_article",
                "reference",
            ],
            Field::Place => &[
                "place",
                "location",
                "where",
                "city",
                "town",
                "site",
                "where_coordinates",
            ],
        }
    }
}

/// A header as compared: trimmed, lower case, spaces and dashes as `_`, a
/// byte-order mark and quotes dropped.
pub fn normal(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .trim()
        .trim_matches('"')
        .trim()
        .to_lowercase()
        .replace([' ', '-'], "_")
}

/// Column positions by field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping(pub BTreeMap<Field, usize>);

impl Mapping {
    /// Recognise `headers`, then apply the user's choices (`field → header
    /// name`), which win. An unknown header in a choice is an error naming
    /// the headers there are.
    pub fn new(headers: &[String], chosen: &BTreeMap<Field, String>) -> Result<Mapping, String> {
        let normal_headers: Vec<String> = headers.iter().map(|h| normal(h)).collect();
        let mut m = BTreeMap::new();
        for f in Field::ALL {
            if let Some(i) = f
                .aliases()
                .iter()
                .find_map(|a| normal_headers.iter().position(|h| h == a))
            {
                m.insert(f, i);
            }
        }
        for (f, name) in chosen {
            let want = normal(name);
            match normal_headers.iter().position(|h| *h == want) {
                Some(i) => {
                    m.insert(*f, i);
                }
                None => {
                    return Err(format!(
                        "--column {}={name}: there is no column {name:?} (the columns are {})",
                        f.as_str(),
                        headers.join(", ")
                    ))
                }
            }
        }
        Ok(Mapping(m))
    }

    pub fn get(&self, f: Field) -> Option<usize> {
        self.0.get(&f).copied()
    }

    /// The fields a table of events cannot do without and lacks.
    pub fn missing(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.get(Field::Date).is_none() {
            out.push("date".to_string());
        }
        if self.get(Field::Wkt).is_none()
            && (self.get(Field::Lat).is_none() || self.get(Field::Lon).is_none())
        {
            out.push("latitude/longitude (or WKT)".to_string());
        }
        out
    }
}

/// `date=When` as given to `--column`.
pub fn parse_choice(s: &str) -> Result<(Field, String), String> {
    let (f, name) = s
        .split_once('=')
        .ok_or_else(|| format!("--column {s:?}: write FIELD=HEADER, e.g. date=When"))?;
    let field = Field::parse(f.trim()).ok_or_else(|| {
        let all: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
        format!(
            "--column {s:?}: unknown field {f:?} (one of {})",
            all.join(", ")
        )
    })?;
    Ok((field, name.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn usual_header_names_are_recognised_in_any_case() {
        let m = Mapping::new(
            &heads(&["\u{feff}Event Date", "LAT", "Longitude", "Name"]),
            &BTreeMap::new(),
        )
        .unwrap();
        assert_eq!(
            (
                m.get(Field::Date),
                m.get(Field::Lat),
                m.get(Field::Lon),
                m.get(Field::Title)
            ),
            (Some(0), Some(1), Some(2), Some(3))
        );
        assert!(m.missing().is_empty());
    }

    #[test]
    fn a_users_choice_wins_and_an_unknown_header_is_named() {
        let chosen = BTreeMap::from([(Field::Date, "When".to_string())]);
        let m = Mapping::new(&heads(&["date", "When", "wkt"]), &chosen).unwrap();
        assert_eq!(m.get(Field::Date), Some(1));
        let bad = BTreeMap::from([(Field::Lat, "Breite".to_string())]);
        assert!(Mapping::new(&heads(&["date"]), &bad)
            .unwrap_err()
            .contains("no column \"Breite\""));
    }

    #[test]
    fn a_table_without_dates_or_places_says_which_is_missing() {
        let m = Mapping::new(&heads(&["a", "b"]), &BTreeMap::new()).unwrap();
        assert_eq!(m.missing(), ["date", "latitude/longitude (or WKT)"]);
    }
}
