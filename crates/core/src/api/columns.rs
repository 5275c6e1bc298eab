//! The events as fixed-size binary records, for the UI's local index: one
//! `COLUMN_RECORD`-byte record per event, no JSON.

use super::*;

/// Bytes per event in [`Api::columns`].
pub const COLUMN_RECORD: usize = 28;

impl Api {
    /// Every event's times, kind and place as little-endian binary columns, for
    /// a UI that answers "what is on" itself while the slider is dragged
    /// (`ui/src/timeline/columns.ts` reads it). One 28-byte record per event in
    /// dataset order: `lo, hi, start_sure, end_from` (i32 day numbers), `flags`
    /// (u8: 1 open, 2 fuzzy start, 4 fuzzy end), `kind` (u8, index in
    /// [`EventKind::ALL`]), 2 bytes padding, `lon, lat` (f32, the event's last
    /// point: the destination of a movement).
    pub fn columns(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + self.ds.events.len() * COLUMN_RECORD);
        out.extend_from_slice(b"FLC1");
        out.extend_from_slice(&(self.ds.events.len() as u32).to_le_bytes());
        for e in &self.ds.events {
            let t = Times::of(e);
            for v in [t.lo, t.hi, t.start_sure, t.end_from] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            let flags =
                u8::from(t.open) | (u8::from(t.fuzzy_start) << 1) | (u8::from(t.fuzzy_end) << 2);
            let kind = EventKind::ALL
                .iter()
                .position(|k| *k == e.props.kind)
                .unwrap_or(0) as u8;
            out.extend_from_slice(&[flags, kind, 0, 0]);
            let [lon, lat] = e.geometry.coords().last().copied().unwrap_or([0.0, 0.0]);
            out.extend_from_slice(&(lon as f32).to_le_bytes());
            out.extend_from_slice(&(lat as f32).to_le_bytes());
        }
        out
    }
}
