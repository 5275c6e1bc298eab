//! A GeoJSON FeatureCollection of events. A story's own `events.geojson`
//! reads back exactly (every property kept); any other collection is read
//! by the usual property names (`date`/`start`, `end`, `title`/`name`,
//! `kind`/`type`, `description`, `source`/`sources`/`url`), its feature
//! `id` (or `properties.id`) kept as the event's id.
//!
//! Each feature is reported by the line it starts on, found from where its
//! text sits in the file, so a problem reads `events.geojson:120: start: …`.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use faultlines_core::model::{EventEnd, EventProps, Feature, Geometry};

use crate::columns::{normal, Field};
use crate::edtf::{parse_date, parse_when};
use crate::problem::ImportError;
use crate::row::{self, Draft, FieldError};
use crate::sink::Sink;

#[derive(Deserialize)]
struct Collection<'a> {
    #[serde(rename = "type")]
    kind: String,
    #[serde(borrow, default)]
    features: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct AnyFeature {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    geometry: Option<Value>,
    #[serde(default)]
    properties: Option<Map<String, Value>>,
}

/// Read the features of `bytes` (the whole file, byte-order mark skipped) into `sink`.
pub fn read_features(file: &str, bytes: &[u8], sink: &mut Sink) -> Result<(), ImportError> {
    let unreadable = |message: String| ImportError::Unreadable {
        file: file.to_string(),
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        unreadable(format!("line {line}: not UTF-8 text (the file looks Latin-1 or Windows-1252 encoded): save it as UTF-8"))
    })?;
    let fc: Collection = serde_json::from_str(text).map_err(|e| {
        unreadable(format!(
            "line {} column {}: not GeoJSON: {e}",
            e.line(),
            e.column()
        ))
    })?;
    let features = match fc.kind.as_str() {
        "FeatureCollection" => fc.features,
        "Feature" => {
            vec![serde_json::from_str::<&RawValue>(text).map_err(|e| unreadable(e.to_string()))?]
        }
        other => {
            return Err(unreadable(format!(
                "a GeoJSON FeatureCollection of events is expected, not a {other:?}"
            )))
        }
    };
    let base = text.as_ptr() as usize;
    let (mut line, mut upto) = (1u64, 0usize);
    for raw in features {
        let at = (raw.get().as_ptr() as usize)
            .saturating_sub(base)
            .min(text.len());
        line += text.as_bytes()[upto..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        upto = at;
        sink.row(line, feature(raw.get(), file, line))?;
        if sink.rows.is_multiple_of(16_384) {
            sink.progress(at as u64)?;
        }
    }
    sink.progress(bytes.len() as u64)?;
    Ok(())
}

fn feature(json: &str, file: &str, line: u64) -> Result<Draft, FieldError> {
    if let Ok(own) = serde_json::from_str::<Feature<EventProps>>(json) {
        return Ok(own_event(own));
    }
    let f: AnyFeature = serde_json::from_str(json)
        .map_err(|e| (Field::Id.col(), format!("not a GeoJSON feature: {e}")))?;
    let geometry = match f.geometry {
        None | Some(Value::Null) => {
            return Err(("geometry".into(), "the feature has no geometry".into()))
        }
        Some(g) => serde_json::from_value::<Geometry>(g)
            .map_err(|e| ("geometry".into(), format!("not a usable geometry: {e}")))?,
    };
    let props = f.properties.unwrap_or_default();
    let get = |field: Field| -> Option<String> {
        props
            .iter()
            .find(|(k, _)| field.aliases().contains(&normal(k).as_str()))
            .and_then(|(_, v)| match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Array(a) => Some(
                    a.iter()
                        .filter_map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                _ => None,
            })
    };
    let date = get(Field::Date).ok_or((
        Field::Date.col(),
        "no date property (start, date or time)".to_string(),
    ))?;
    let mut when = parse_when(&date).map_err(|e| (Field::Date.col(), e))?;
    if let Some(end) = get(Field::End).filter(|s| !s.trim().is_empty()) {
        when.end = EventEnd::At(parse_date(&end).map_err(|e| (Field::End.col(), e))?);
    }
    let id = match f.id {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => get(Field::Id).unwrap_or_else(|| row::line_id(file, line)),
    };
    let kind_text = get(Field::Kind).unwrap_or_default();
    let place = get(Field::Place).unwrap_or_default();
    let title = get(Field::Title)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            if place.is_empty() {
                format!("Event of {}", when.start)
            } else {
                place.clone()
            }
        });
    Ok(Draft {
        id,
        title,
        description: get(Field::Description).unwrap_or_default(),
        kind: row::kind_of(&kind_text),
        when,
        geometry,
        sources: row::sources(get(Field::Source).as_deref(), file, line),
        places: if place.is_empty() {
            vec![]
        } else {
            vec![place]
        },
        place_precision: None,
        own: None,
    })
}

/// A feature of a story's own `events.geojson`: kept as it is, but for its
/// links to a story's regions and excerpts, which the new story does not have.
fn own_event(f: Feature<EventProps>) -> Draft {
    let p = f.properties;
    Draft {
        own: Some(Box::new(p.clone())),
        id: p.id.to_string(),
        title: p.title.to_string(),
        description: p.description.to_string(),
        kind: p.kind,
        when: crate::edtf::When {
            start: p.start,
            end: p.end,
        },
        geometry: f.geometry,
        sources: p.sources.iter().map(|s| s.as_str().to_string()).collect(),
        places: p.places.iter().cloned().collect(),
        place_precision: p.place_precision,
    }
}
