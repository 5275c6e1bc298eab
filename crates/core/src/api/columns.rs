//! The events as fixed-size binary records, for the UI's local index: one
//! `COLUMN_RECORD`-byte record per event, no JSON.

use super::*;

/// Bytes per event in [`Api::columns`].
pub const COLUMN_RECORD: usize = 28;
/// The first four bytes of the columns.
pub const COLUMN_MAGIC: &str = "FLC1";
/// Bytes before the first record: the magic, then the record count (u32).
pub const COLUMN_HEADER: usize = 8;
/// Where each field of a record starts, in bytes. The TypeScript decoder
/// reads these (generated into `ui/src/api/bindings.ts`), not its own copy.
pub const COLUMN_FIELDS: [(&str, usize); 8] = [
    ("lo", 0),
    ("hi", 4),
    ("startSure", 8),
    ("endFrom", 12),
    ("flags", 16),
    ("kind", 17),
    ("lon", 20),
    ("lat", 24),
];
/// Bits of a record's `flags` byte: the event is open-ended, its start or
/// its end is fuzzier than a day.
pub const FLAG_OPEN: u8 = 1;
pub const FLAG_FUZZY_START: u8 = 2;
pub const FLAG_FUZZY_END: u8 = 4;
/// The flag bits by the names the TypeScript decoder uses.
pub const COLUMN_FLAGS: [(&str, u8); 3] = [
    ("open", FLAG_OPEN),
    ("fuzzyStart", FLAG_FUZZY_START),
    ("fuzzyEnd", FLAG_FUZZY_END),
];

impl Api {
    /// Every event's times, kind and place as little-endian binary columns, for
    /// a UI that answers "what is on" itself while the slider is dragged
    /// (`ui/src/timeline/columns.ts` reads it). One 28-byte record per event in
    /// dataset order: `lo, hi, start_sure, end_from` (i32 day numbers), `flags`
    /// (u8: 1 open, 2 fuzzy start, 4 fuzzy end), `kind` (u8, index in
    /// [`EventKind::ALL`]), 2 bytes padding, `lon, lat` (f32, the event's last
    /// point: the destination of a movement).
    pub fn columns(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(COLUMN_HEADER + self.ds.events.len() * COLUMN_RECORD);
        out.extend_from_slice(COLUMN_MAGIC.as_bytes());
        out.extend_from_slice(&(self.ds.events.len() as u32).to_le_bytes());
        for e in self.ds.events.rows() {
            let t = Times::of(&e);
            for v in [t.lo, t.hi, t.start_sure, t.end_from] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            let flags = (u8::from(t.open) * FLAG_OPEN)
                | (u8::from(t.fuzzy_start) * FLAG_FUZZY_START)
                | (u8::from(t.fuzzy_end) * FLAG_FUZZY_END);
            let kind = EventKind::ALL
                .iter()
                .position(|k| *k == e.kind())
                .unwrap_or(0) as u8;
            out.extend_from_slice(&[flags, kind, 0, 0]);
            let [lon, lat] = e.point();
            out.extend_from_slice(&(lon as f32).to_le_bytes());
            out.extend_from_slice(&(lat as f32).to_le_bytes());
        }
        out
    }
}
