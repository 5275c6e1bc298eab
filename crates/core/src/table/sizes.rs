//! How big each column of a table is, written in the footer of
//! `events.arrow` so that reading it can size every column once.
//!
//! Grown batch by batch, a million events' columns were reallocated a
//! dozen times each, on two threads; the freed buffers stayed in the
//! allocator's arenas and in the process's resident memory (200 MiB where
//! the columns take 166). A file from another tool has no sizes and is
//! read as before.

use std::collections::HashMap;

use super::{EventTable, TextLists, Texts};

/// The footer's key.
pub const KEY: &str = "faultlines:sizes";

/// Events, then bytes of ids, titles and descriptions, then strings and
/// bytes of places and of excerpts.
type Sizes = [u64; 8];

fn text(t: &Texts) -> u64 {
    t.text.len() as u64
}

fn list(t: &TextLists) -> [u64; 2] {
    [t.cuts.len() as u64, t.text.len() as u64]
}

/// The sizes of `t`, as the footer holds them (numbers separated by spaces).
pub fn of(t: &EventTable) -> String {
    let [pn, pb] = list(&t.places);
    let [xn, xb] = list(&t.excerpts);
    let s: Sizes = [
        t.len() as u64,
        text(&t.ids),
        text(&t.titles),
        text(&t.descriptions),
        pn,
        pb,
        xn,
        xb,
    ];
    s.map(|n| n.to_string()).join(" ")
}

/// Room for the columns the footer describes, made before reading. Sizes
/// that are missing, malformed or implausible for the file are ignored: they
/// only save time, and a damaged footer must not ask for terabytes.
pub fn reserve(t: &mut EventTable, footer: &HashMap<String, String>, file_bytes: u64) {
    let Some(s) = footer.get(KEY) else { return };
    let n: Vec<u64> = s.split(' ').filter_map(|x| x.parse().ok()).collect();
    let Ok([rows, ids, titles, descriptions, pn, pb, xn, xb]) = <Sizes>::try_from(n) else {
        return;
    };
    // Every event takes more than 16 bytes of the file, and every byte of
    // text one.
    let texts = ids + titles + descriptions + pb + xb;
    if rows.saturating_mul(16) > file_bytes || texts > file_bytes || pn + xn > file_bytes {
        return;
    }
    let rows = rows as usize;
    t.reserve(rows);
    for (c, bytes) in [
        (&mut t.ids, ids),
        (&mut t.titles, titles),
        (&mut t.descriptions, descriptions),
    ] {
        c.text.reserve_exact(bytes as usize);
        c.cuts.reserve_exact(rows);
    }
    for (c, items, bytes) in [(&mut t.places, pn, pb), (&mut t.excerpts, xn, xb)] {
        c.text.reserve_exact(bytes as usize);
        c.cuts.reserve_exact(items as usize);
        c.ends.reserve_exact(rows);
    }
    for l in [&mut t.regions, &mut t.actors, &mut t.sources] {
        l.of.reserve_exact(rows);
    }
}
