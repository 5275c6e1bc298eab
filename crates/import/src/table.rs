//! Reading CSV: the loop every table format shares (ACLED, UCDP and any
//! other CSV), and the reader for tables whose columns are found by
//! [`crate::columns`].
//!
//! Rows are streamed, never read whole, so a million-row export is parsed
//! as it is read; a physical line over [`MAX_LINE`] stops the file with a
//! message instead of filling memory. Fields are bytes until used: a
//! Latin-1 byte in a column nobody reads does not reject its row.

use std::collections::BTreeMap;
use std::io::Read;

use crate::columns::{Field, Mapping};
use crate::edtf::parse_when;
use crate::problem::ImportError;
use crate::row::{self, Draft, FieldError};
use crate::sink::Sink;
use crate::sniff::Sniffed;

/// The longest line read: a longer one is not a table of events.
pub const MAX_LINE: usize = 1 << 20;

/// A row as read: its fields, its line, and the header positions.
pub struct Rec<'a> {
    pub record: &'a csv::ByteRecord,
    pub line: u64,
}

impl Rec<'_> {
    /// Field `i` as text (`None` when the row is shorter, or `i` is `None`).
    pub fn get(&self, i: Option<usize>, field: Field) -> Result<Option<&str>, FieldError> {
        let Some(bytes) = i.and_then(|i| self.record.get(i)) else {
            return Ok(None);
        };
        std::str::from_utf8(bytes).map(Some).map_err(|_| {
            (
                field.col(),
                "not UTF-8 text (the file looks Latin-1 or Windows-1252 encoded): save it as UTF-8 and import it again".into(),
            )
        })
    }

    /// A field that must be there and not be blank.
    pub fn need(
        &self,
        i: Option<usize>,
        field: Field,
        name: &'static str,
    ) -> Result<&str, FieldError> {
        match self.get(i, field)? {
            Some(s) if !s.trim().is_empty() => Ok(s),
            _ => Err((name.into(), "empty".into())),
        }
    }
}

/// What turns a row of one table format into an event.
pub trait RowReader {
    fn read(&self, rec: &Rec, file: &str) -> Result<Draft, FieldError>;
}

/// Counts bytes, lines and line length as the CSV reader pulls them.
struct Counted<R> {
    inner: R,
    bytes: std::rc::Rc<std::cell::Cell<u64>>,
    line: u64,
    run: usize,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for chunk in buf[..n].split_inclusive(|&b| b == b'\n') {
            if chunk.last() == Some(&b'\n') {
                self.line += 1;
                self.run = 0;
            } else {
                self.run += chunk.len();
                if self.run > MAX_LINE {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("line {} is longer than {} MiB: this is not a table of events (or a quote is never closed)", self.line + 1, MAX_LINE >> 20),
                    ));
                }
            }
        }
        self.bytes.set(self.bytes.get() + n as u64);
        Ok(n)
    }
}

/// Chooses how a table's rows are read, from its headers.
pub type ReaderFor<'a> = dyn Fn(&[String]) -> Result<Box<dyn RowReader>, ImportError> + 'a;

/// Read every row of a table into `sink`, with `reader_for(headers)`
/// choosing how rows are read.
pub fn read_table<R: Read>(
    file: &str,
    input: R,
    sniffed: &Sniffed,
    reader_for: &ReaderFor,
    sink: &mut Sink,
) -> Result<(), ImportError> {
    let bytes = std::rc::Rc::new(std::cell::Cell::new(0));
    let counted = Counted {
        inner: input,
        bytes: bytes.clone(),
        line: 0,
        run: 0,
    };
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(sniffed.delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(counted);
    let io = |e: csv::Error| ImportError::Unreadable {
        file: file.to_string(),
        message: e.to_string(),
    };
    let headers: Vec<String> = csv
        .byte_headers()
        .map_err(io)?
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect();
    let rows = reader_for(&headers)?;
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(io(e)),
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let rec = Rec {
            record: &record,
            line,
        };
        sink.row(line, rows.read(&rec, file))?;
        if sink.rows.is_multiple_of(16_384) {
            sink.progress(bytes.get())?;
        }
    }
    sink.progress(bytes.get())?;
    Ok(())
}

/// Any CSV: columns found by name or chosen by the user.
pub struct Generic {
    map: Mapping,
}

impl Generic {
    pub fn new(
        file: &str,
        headers: &[String],
        chosen: &BTreeMap<Field, String>,
    ) -> Result<Generic, ImportError> {
        let map = Mapping::new(headers, chosen).map_err(ImportError::Usage)?;
        let missing = map.missing();
        if !missing.is_empty() {
            return Err(ImportError::Columns {
                file: file.to_string(),
                missing,
                headers: headers.to_vec(),
            });
        }
        Ok(Generic { map })
    }
}

impl RowReader for Generic {
    fn read(&self, rec: &Rec, file: &str) -> Result<Draft, FieldError> {
        let m = |f| self.map.get(f);
        let date = rec.need(m(Field::Date), Field::Date, "date")?;
        let mut when = parse_when(date).map_err(|e| (Field::Date.col(), e))?;
        if let Some(end) = rec
            .get(m(Field::End), Field::End)?
            .filter(|s| !s.trim().is_empty())
        {
            let end = crate::edtf::parse_date(end).map_err(|e| (Field::End.col(), e))?;
            when.end = faultlines_core::model::EventEnd::At(end);
        }
        let geometry = match m(Field::Wkt) {
            Some(i)
                if rec
                    .get(Some(i), Field::Wkt)?
                    .is_some_and(|s| !s.trim().is_empty())
                    || m(Field::Lat).is_none() =>
            {
                row::wkt(rec.need(Some(i), Field::Wkt, "geometry")?)?
            }
            _ => faultlines_core::model::Geometry::Point(row::point(
                rec.get(m(Field::Lat), Field::Lat)?.unwrap_or_default(),
                rec.get(m(Field::Lon), Field::Lon)?.unwrap_or_default(),
            )?),
        };
        let text = |f| {
            rec.get(m(f), f)
                .map(|s| s.unwrap_or_default().trim().to_string())
        };
        let id = text(Field::Id)?;
        let place = text(Field::Place)?;
        let kind_text = text(Field::Kind)?;
        let mut title = text(Field::Title)?;
        if title.is_empty() {
            title = match (kind_text.is_empty(), place.is_empty()) {
                (false, false) => format!("{kind_text} in {place}"),
                (false, true) => kind_text.clone(),
                (true, false) => place.clone(),
                (true, true) => format!("Event of {}", when.start),
            };
        }
        Ok(Draft {
            id: if id.is_empty() {
                row::line_id(file, rec.line)
            } else {
                id
            },
            title,
            description: text(Field::Description)?,
            kind: row::kind_of(&kind_text),
            when,
            geometry,
            sources: row::sources(rec.get(m(Field::Source), Field::Source)?, file, rec.line),
            places: if place.is_empty() {
                vec![]
            } else {
                vec![place]
            },
            place_precision: None,
            own: None,
        })
    }
}
