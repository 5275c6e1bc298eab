//! What a file is, decided from its first bytes, never from its name: a
//! `.csv` that is really UTF-16 from Excel, or a `.json` that is a zip,
//! gets a message saying so instead of a wall of parse errors.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The formats the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A GeoJSON FeatureCollection of events.
    Geojson,
    /// A CSV (or TSV) with date and place columns.
    Csv,
    /// The ACLED export (`event_id_cnty`, `event_date`, `time_precision`…).
    Acled,
    /// The UCDP GED CSV (`id`, `date_start`, `date_prec`, `where_prec`…).
    Ucdp,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Geojson => "geojson",
            Format::Csv => "csv",
            Format::Acled => "acled",
            Format::Ucdp => "ucdp",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        [Format::Geojson, Format::Csv, Format::Acled, Format::Ucdp]
            .into_iter()
            .find(|f| f.as_str() == s)
    }
}

/// What the first bytes say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    pub format: Format,
    /// Bytes of a UTF-8 byte-order mark to skip (0 or 3).
    pub bom: usize,
    /// The CSV field separator (`,`, `;` or tab).
    pub delimiter: u8,
}

/// How much of a file is looked at to decide.
pub const SNIFF_BYTES: usize = 64 << 10;

/// Decide the format of `head` (the file's first [`SNIFF_BYTES`]), or say in
/// words why it cannot be imported.
pub fn sniff(head: &[u8]) -> Result<Sniffed, String> {
    sniff_coded(head).map_err(|(_, message)| message)
}

/// Every code [`sniff_coded`] refuses a file with (`IMPORT_NOT_DATA` in
/// bindings.ts: the app words each in its language).
pub const NOT_DATA: [&str; 5] = ["empty", "container", "utf16", "blank", "binary"];

/// As [`sniff`], the refusal with its code, one of [`NOT_DATA`].
pub fn sniff_coded(head: &[u8]) -> Result<Sniffed, (&'static str, String)> {
    if head.is_empty() {
        return Err(("empty", "the file is empty".into()));
    }
    if let Some(what) = container(head) {
        return Err(("container", what));
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) || looks_utf16(head) {
        return Err(("utf16", "the file is UTF-16 text (as Excel's \"Unicode text\" saves it); save it as UTF-8 (\"CSV UTF-8\") and import it again".into()));
    }
    let bom = if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let body = &head[bom..];
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(("blank", "the file holds only blank lines".into()));
    }
    if binary(body) {
        return Err((
            "binary",
            "the file is binary, not text: export the data as CSV or GeoJSON".into(),
        ));
    }
    let first = body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if matches!(first, Some(b'{') | Some(b'[')) {
        return Ok(Sniffed {
            format: Format::Geojson,
            bom,
            delimiter: b',',
        });
    }
    let header = header_line(body);
    let delimiter = delimiter_of(header);
    let names: Vec<String> = header
        .split(|&b| b == delimiter)
        .map(|n| crate::columns::normal(&String::from_utf8_lossy(n)))
        .collect();
    let has = |n: &str| names.iter().any(|h| h == n);
    let format = if has("event_id_cnty") && has("event_date") && has("time_precision") {
        Format::Acled
    } else if has("id") && has("date_start") && has("date_prec") && has("where_prec") {
        Format::Ucdp
    } else {
        Format::Csv
    };
    Ok(Sniffed {
        format,
        bom,
        delimiter,
    })
}

/// Archives and compressed files, by their magic numbers.
fn container(head: &[u8]) -> Option<String> {
    let magic: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "a zip archive (or an Excel .xlsx workbook): unzip it, or save the sheet as CSV, and import the file inside"),
        (b"PK\x05\x06", "an empty zip archive"),
        (&[0x1F, 0x8B], "gzip-compressed: decompress it first (gunzip)"),
        (b"BZh", "bzip2-compressed: decompress it first"),
        (&[0xFD, b'7', b'z', b'X', b'Z'], "xz-compressed: decompress it first"),
        (&[0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed: decompress it first"),
        (b"7z\xBC\xAF", "a 7-Zip archive: unpack it first"),
        (&[0xD0, 0xCF, 0x11, 0xE0], "an old Excel (.xls) workbook: save the sheet as CSV"),
        (b"PAR1", "a Parquet file, which this version does not import: export it as CSV or GeoJSON"),
        (b"%PDF", "a PDF document, not data"),
        (b"SQLite format 3", "an SQLite database (a GeoPackage?): export the layer as GeoJSON"),
    ];
    magic
        .iter()
        .find(|(m, _)| head.starts_with(m))
        .map(|(_, what)| format!("the file is {what}"))
}

/// UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
fn looks_utf16(head: &[u8]) -> bool {
    let n = head.len().min(512);
    if n < 4 {
        return false;
    }
    let zeros_even = head[..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = head[..n]
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = n / 2;
    zeros_even * 10 > half * 8 || zeros_odd * 10 > half * 8
}

/// Text never has NUL bytes, and has few control characters.
fn binary(body: &[u8]) -> bool {
    let n = body.len().min(8192);
    let sample = &body[..n];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    sample.contains(&0) || control * 20 > n
}

fn header_line(body: &[u8]) -> &[u8] {
    let end = body.iter().position(|&b| b == b'\n').unwrap_or(body.len());
    let line = &body[..end];
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The separator the header uses most: comma, semicolon (European Excel) or tab.
fn delimiter_of(header: &[u8]) -> u8 {
    [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|&d| (header.iter().filter(|&&b| b == d).count(), d == b','))
        .unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acled_header_is_recognised_whatever_the_file_is_called() {
        let s =
            sniff(b"event_id_cnty,event_date,year,time_precision,latitude,longitude\n").unwrap();
        assert_eq!(s.format, Format::Acled);
    }

    #[test]
    fn a_ucdp_header_is_recognised() {
        let s = sniff(b"id,year,date_start,date_end,date_prec,where_prec,latitude,longitude\n")
            .unwrap();
        assert_eq!(s.format, Format::Ucdp);
    }

    #[test]
    fn a_semicolon_separated_file_is_read_with_semicolons() {
        let s = sniff("\u{feff}date;lat;lon\n".as_bytes()).unwrap();
        assert_eq!((s.format, s.bom, s.delimiter), (Format::Csv, 3, b';'));
    }

    #[test]
    fn zip_utf16_binary_and_empty_files_are_named_for_what_they_are() {
        assert!(sniff(b"PK\x03\x04rest").unwrap_err().contains("zip"));
        assert!(sniff(&[0xFF, 0xFE, b'd', 0])
            .unwrap_err()
            .contains("UTF-16"));
        assert!(sniff(b"d\0a\0t\0e\0,\0l\0a\0t\0")
            .unwrap_err()
            .contains("UTF-16"));
        assert!(sniff(b"\x7fELF\x02\x01\x01\0\0\0\0")
            .unwrap_err()
            .contains("binary"));
        assert!(sniff(b"").unwrap_err().contains("empty"));
        assert!(sniff(b"\n\n  \n").unwrap_err().contains("blank"));
    }

    #[test]
    fn each_refusal_has_its_code_and_every_code_is_given_for_some_file() {
        let heads: [&[u8]; 5] = [
            b"",
            b"PK\x03\x04rest",
            b"d\0a\0t\0e\0,\0l\0a\0t\0",
            b"\n\n  \n",
            b"\x7fELF\x02\x01\x01\0\0\0\0",
        ];
        let codes: Vec<&str> = heads
            .iter()
            .map(|h| sniff_coded(h).unwrap_err().0)
            .collect();
        assert_eq!(codes, NOT_DATA);
    }

    #[test]
    fn json_is_geojson_to_be_checked_later() {
        assert_eq!(sniff(b"  {\"type\":").unwrap().format, Format::Geojson);
    }
}
