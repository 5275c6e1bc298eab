//! `story/events.arrow`: the events as an Apache Arrow IPC file, the
//! story's fast form beside `events.geojson`, its exchange form.
//!
//! One column per field, in types any Arrow reader understands (pyarrow,
//! DuckDB, Polars, GDAL's Arrow driver): strings, lists of strings, dates
//! as EDTF text with their first and last day as `date32`, the geometry as
//! WKB tagged `geoarrow.wkb`. The nested, rarely filled fields (absences,
//! notes and the words in other languages) are JSON text. Reading copies each column into the table without
//! parsing a string per event, except the dates.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::builder::{BinaryBuilder, Date32Builder, ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};

use super::{EventTable, Rare};
use crate::model::*;

/// The file, relative to the story folder's root.
pub const FILE: &str = "story/events.arrow";
/// Rows per record batch written.
const BATCH: usize = 1 << 16;

fn list() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

/// The file's schema.
pub fn schema() -> Schema {
    let wkb = Field::new("geometry", DataType::Binary, false).with_metadata(HashMap::from([
        (
            "ARROW:extension:name".to_string(),
            "geoarrow.wkb".to_string(),
        ),
        (
            "ARROW:extension:metadata".to_string(),
            r#"{"crs":"OGC:CRS84"}"#.to_string(),
        ),
    ]));
    let text = |n: &str, null: bool| Field::new(n, DataType::Utf8, null);
    Schema::new(vec![
        text("id", false),
        text("title", false),
        text("description", false),
        text("kind", false),
        text("start", false),
        // Absent: the event ends within its start date; "..": still going.
        text("end", true),
        Field::new("first_day", DataType::Date32, false),
        // Absent when still going.
        Field::new("last_day", DataType::Date32, true),
        wkb,
        Field::new("places", list(), false),
        Field::new("regions", list(), false),
        Field::new("actors", list(), false),
        Field::new("participants", list(), false),
        Field::new("sources", list(), false),
        Field::new("excerpts", list(), false),
        text("place_precision", true),
        text("cancelled", true),
        // JSON arrays, as in events.geojson; absent when empty.
        text("absent", true),
        text("discrepancies", true),
        // A JSON object by language, as in events.geojson; absent when none
        // (and in files written before it).
        text("i18n", true),
    ])
    .with_metadata(HashMap::from([(
        "faultlines:events".to_string(),
        "1".to_string(),
    )]))
}

fn json_text<T: serde::Serialize>(v: &[T]) -> Option<String> {
    (!v.is_empty()).then(|| serde_json::to_string(v).unwrap_or_default())
}

fn batch(t: &EventTable, rows: impl IntoIterator<Item = usize>) -> Result<RecordBatch, String> {
    let mut s: Vec<StringBuilder> = (0..11).map(|_| StringBuilder::new()).collect();
    let mut l: Vec<ListBuilder<StringBuilder>> = (0..6)
        .map(|_| ListBuilder::new(StringBuilder::new()))
        .collect();
    let (mut first, mut last) = (Date32Builder::new(), Date32Builder::new());
    let mut geometry = BinaryBuilder::new();
    let mut wkb = Vec::new();
    for i in rows {
        let r = t.row(i);
        let e = r.to_event();
        let p = &e.props;
        s[0].append_value(&p.id);
        s[1].append_value(&p.title);
        s[2].append_value(&p.description);
        s[3].append_value(p.kind.as_str());
        s[4].append_value(p.start.to_string());
        s[5].append_option(match p.end {
            EventEnd::Instant => None,
            EventEnd::At(d) => Some(d.to_string()),
            EventEnd::Open => Some("..".to_string()),
        });
        first.append_value(e.lo);
        last.append_option((p.end != EventEnd::Open).then_some(e.hi));
        wkb.clear();
        super::wkb::write(&e.geometry, &mut wkb);
        geometry.append_value(&wkb);
        let places: Vec<&str> = p.places.iter().map(String::as_str).collect();
        let excerpts: Vec<&str> = p.excerpts.iter().map(String::as_str).collect();
        fn syms(v: &[Sym]) -> Vec<&str> {
            v.iter().map(|x| x.as_str()).collect()
        }
        let lists = [
            places,
            syms(&p.regions),
            syms(&p.actors),
            syms(&p.participants),
            syms(&p.sources),
            excerpts,
        ];
        for (b, v) in l.iter_mut().zip(lists) {
            v.into_iter().for_each(|x| b.values().append_value(x));
            b.append(true);
        }
        s[6].append_option(p.place_precision.map(|x| precision_name(x).to_string()));
        s[7].append_option(p.cancelled.map(|d| d.to_string()));
        s[8].append_option(json_text(&p.absent));
        s[9].append_option(json_text(&p.discrepancies));
        s[10].append_option(p.i18n.as_ref().and_then(|t| serde_json::to_string(t).ok()));
    }
    let mut cols: Vec<ArrayRef> = s[..6]
        .iter_mut()
        .map(|b| Arc::new(b.finish()) as _)
        .collect();
    cols.push(Arc::new(first.finish()));
    cols.push(Arc::new(last.finish()));
    cols.push(Arc::new(geometry.finish()));
    cols.extend(l.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    cols.extend(s[6..].iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    RecordBatch::try_new(Arc::new(schema()), cols).map_err(|e| e.to_string())
}

/// Write `t` as an Arrow IPC file.
pub fn write(t: &EventTable, out: impl std::io::Write) -> Result<(), String> {
    let mut w =
        arrow_ipc::writer::FileWriter::try_new(out, &schema()).map_err(|e| e.to_string())?;
    let mut at = 0;
    while at < t.len() || at == 0 {
        let end = (at + BATCH).min(t.len());
        w.write(&batch(t, at..end)?).map_err(|e| e.to_string())?;
        at = end;
        if t.is_empty() {
            break;
        }
    }
    w.write_metadata(super::sizes::KEY, super::sizes::of(t));
    w.finish().map_err(|e| e.to_string())
}

/// The events at positions `rows`, in that order, as an Arrow IPC file of
/// one batch: for tools that cut a story into parts (`faultlines partition`
/// writes each part as GeoParquet).
pub fn write_rows(
    t: &EventTable,
    rows: impl IntoIterator<Item = usize>,
    out: impl std::io::Write,
) -> Result<(), String> {
    let mut w =
        arrow_ipc::writer::FileWriter::try_new(out, &schema()).map_err(|e| e.to_string())?;
    w.write(&batch(t, rows)?).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())
}

/// The place precision `events.geojson` names `name`.
pub fn precision_by_name(name: &str) -> Option<PlacePrecision> {
    use PlacePrecision::*;
    [Exact, Near, District, Province, Line, Country, Sea]
        .into_iter()
        .find(|p| precision_name(*p) == name)
}

/// The name `events.geojson` gives a place precision.
pub fn precision_name(p: PlacePrecision) -> &'static str {
    match p {
        PlacePrecision::Exact => "exact",
        PlacePrecision::Near => "near",
        PlacePrecision::District => "district",
        PlacePrecision::Province => "province",
        PlacePrecision::Line => "line",
        PlacePrecision::Country => "country",
        PlacePrecision::Sea => "sea",
    }
}

/// The table an Arrow IPC file holds, or what is wrong with it (naming the
/// column and the row's id).
pub fn read(mut file: impl std::io::Read + std::io::Seek) -> Result<EventTable, String> {
    let (size, footer) = super::guard::checked_footer(&mut file)?;
    super::decode::read(file, size, &footer)
}

/// The JSON text columns of an event's rarely filled fields, as read.
pub(super) struct RareText<'a> {
    pub absent: Option<&'a str>,
    pub cancelled: Option<&'a str>,
    pub discrepancies: Option<&'a str>,
    pub i18n: Option<&'a str>,
}

pub(super) fn rare_of(participants: Few<Sym>, text: RareText<'_>) -> Result<Rare, String> {
    let RareText {
        absent,
        cancelled,
        discrepancies,
        i18n,
    } = text;
    fn json<T: serde::de::DeserializeOwned>(
        what: &str,
        s: Option<&str>,
    ) -> Result<Option<T>, String> {
        s.filter(|s| !s.is_empty())
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| format!("column {what:?}: {e}"))
    }
    Ok(Rare {
        participants,
        absent: json("absent", absent)?.unwrap_or_default(),
        cancelled: cancelled
            .map(str::parse)
            .transpose()
            .map_err(|e| format!("column \"cancelled\": {e}"))?,
        discrepancies: json("discrepancies", discrepancies)?.unwrap_or_default(),
        i18n: json("i18n", i18n)?,
    })
}

pub(super) fn col<'a>(b: &'a RecordBatch, name: &str) -> Result<&'a dyn Array, String> {
    b.column_by_name(name)
        .map(|c| c.as_ref())
        .ok_or_else(|| format!("column {name:?} is missing"))
}

pub(super) fn strings<'a>(
    b: &'a RecordBatch,
    name: &str,
) -> Result<&'a arrow_array::StringArray, String> {
    col(b, name)?
        .as_string_opt::<i32>()
        .ok_or_else(|| format!("column {name:?} is not text (utf8)"))
}
